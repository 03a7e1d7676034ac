/**
 * The REPL of nix4j, modelled on {@code nix repl} of Nix 2.8, apart from any terminal.
 *
 * <ul>
 *   <li>{@link org.nix4j.repl.Repl}: the session. One input in, its output out; the names bound
 *       so far are the outer names of each input's compilation and their values its upvalues.
 *   <li>{@code ValuePrinter}: values as Nix's REPL prints them, forcing what it shows.
 *   <li>{@link org.nix4j.repl.Completion}: names in scope, attribute names after a dot, commands.
 *   <li>{@link org.nix4j.repl.Transcript}: the REPL over lines of text, writing what
 *       {@code nix repl} writes when its input is not a terminal (fixtures/repl holds such
 *       transcripts recorded from Nix).
 * </ul>
 *
 * <p>Known differences from Nix 2.8: the commands that build or need a store ({@code :b :i :s
 * :u :lf :log}), {@code :e} and {@code :doc} are not supported; {@code «derivation PATH»} does
 * not check that PATH is in the store; an empty set or list constant used twice is never
 * {@code «repeated»} (nix4j shares one empty constant where Nix has a value cell for each); the
 * text typed is not coloured, and colours are used only on a terminal.
 */
package org.nix4j.repl;
