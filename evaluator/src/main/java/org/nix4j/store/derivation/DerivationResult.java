package org.nix4j.store.derivation;

import org.nix4j.store.StorePath;
import org.nix4j.store.hash.Hash;

/**
 * What {@link DerivationBuilder#build} computes: the derivation with its output paths, its
 * {@code .drv} path, the {@code .drv} text and its (unmasked) modulo hash.
 */
public record DerivationResult(Derivation derivation, StorePath drvPath, String aterm, Hash hashModulo) {}
