/**
 * Store derivations: the model ({@link org.nix4j.store.derivation.Derivation}), the
 * {@code .drv} ATerm text ({@link org.nix4j.store.derivation.ATerm}),
 * {@code hashDerivationModulo} ({@link org.nix4j.store.derivation.DerivationHasher}) and the
 * store side of {@code derivationStrict} ({@link org.nix4j.store.derivation.DerivationBuilder}).
 */
package org.nix4j.store.derivation;
