package org.nix4j.server.ide;

import org.nix4j.syntax.TextRange;

/** A replacement of a span of a file by a text (Unicode): what refactorings and renames make. */
public record SourceEdit(TextRange range, String newText) {}
