package org.nix4j.bytecode;

import org.nix4j.value.SourcePos;

/** The static part of an attribute set literal: its sorted names and their positions. */
public record AttrsShape(String[] names, SourcePos[] positions) {}
