/**
 * The Nix store as nix4j needs it for evaluation: store paths computed exactly as Nix 2.8
 * computes them, and a store of its own that never touches {@code /nix}.
 *
 * <ul>
 *   <li>{@link org.nix4j.store.StoreDir}: the store directory and every store path rule
 *       ({@code makeStorePath}, text, source, fixed-output and derivation output paths);
 *       {@link org.nix4j.store.StorePath}: a validated {@code HASH-NAME}.
 *   <li>{@link org.nix4j.store.Store}: what evaluation adds to the store ({@code toFile},
 *       copied sources, {@code .drv} files, fetched trees), read back through
 *       {@link org.nix4j.store.Store#files()}; {@link org.nix4j.store.MemoryStore} and
 *       {@link org.nix4j.store.DirectoryStore} (a cache directory). Imports are driven step by
 *       step ({@link org.nix4j.store.PathImport}) so that Nix filter functions can be called
 *       between steps.
 *   <li>Subpackages: {@code hash} (hashes and their encodings), {@code nar} (NAR
 *       serialisation and tree walks), {@code derivation} (derivations, ATerm,
 *       {@code hashDerivationModulo}), {@code fetch} (archives, fetchurl, fetchTarball,
 *       fetchGit).
 * </ul>
 *
 * <p>Strings are byte strings throughout (each char one byte), like Nix strings in nix4j.
 * Errors that Nix reports to the user are {@link org.nix4j.store.StoreException}s whose message
 * is Nix's text; I/O failures are {@link java.io.IOException}s for the evaluator to word.
 *
 * <h2>How the builtins use this package</h2>
 *
 * <pre>{@code
 * // builtins.toFile name s (references from the string's context)
 * StorePath p = readOnly ? store.storeDir().computeTextPath(name, s, refs) : store.addText(name, s, refs);
 *
 * // "${./dir}", builtins.path, builtins.filterSource
 * try (PathImport imp = store.beginImport(io, "/abs/dir", "dir", RECURSIVE, SHA256, hasFilter, !readOnly)) {
 *   for (FilterQuery q; (q = imp.next()) != null; ) imp.answer(callFilter(q.path(), q.type().nixName()));
 *   PathInfo info = imp.finish();
 * }
 *
 * // derivationStrict
 * DerivationResult r = new DerivationBuilder(store.storeDir(), store.derivationHasher(), name)
 *     .platform(system).builder(builder).args(args).env(k, v)...inputDrv(drv, "out").build(warn);
 * if (!readOnly) store.writeDerivation(r.derivation());
 * }</pre>
 */
package org.nix4j.store;
