/**
 * The syntax of Nix: from a source text to trees and back to lines and columns.
 *
 * <pre>{@code
 * Parse p = Parser.parse(Bytes.fromUnicode("let a = 1; in a + 1"));  // sources are byte strings
 * p.errors();             // List<SyntaxError>: byte ranges and messages, in source order
 * p.root();               // red SyntaxNode of kind ROOT: p.root().text() equals the source
 * Expr e = p.expr();      // typed view (org.nix4j.syntax.ast), null for an empty file
 * Parse q = Reparser.reparse(p, TextEdit.insert(15, "2"));  // incremental: same as a full parse
 * LineIndex.ofBytes(p.text()).lineCol(offset, LineIndex.Encoding.UTF16);  // for the LSP
 * }</pre>
 *
 * <p>Layers: {@link org.nix4j.syntax.Lexer} (tokens exactly as Nix 2.8's lexer makes them),
 * {@link org.nix4j.syntax.Parser} (error-tolerant, explicit stack, emits events),
 * {@link org.nix4j.syntax.TreeBuilder} (events to the green tree), the green tree
 * ({@link org.nix4j.syntax.GreenNode}, {@link org.nix4j.syntax.GreenToken}: immutable, shared)
 * and its red view ({@link org.nix4j.syntax.SyntaxNode}, {@link org.nix4j.syntax.SyntaxToken}:
 * parents and offsets), {@link org.nix4j.syntax.Reparser} (incremental reparse). Every walk over
 * trees is iterative: inputs nested as deep as memory allows are safe.
 */
package org.nix4j.syntax;
