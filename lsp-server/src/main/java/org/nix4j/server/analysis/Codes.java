package org.nix4j.server.analysis;

/**
 * Stable codes of the diagnostics the language server adds to the compiler's (which are
 * {@link org.nix4j.compiler.Diagnostic.Code#id}): each can be switched off in the settings
 * ({@code nix4j.diagnostics.disabled}).
 */
public final class Codes {
  private Codes() {}

  /** An evaluation error: type errors, missing attributes, failed assertions … */
  public static final String EVAL_ERROR = "eval-error";
  /** {@code throw} reached during evaluation. */
  public static final String EVAL_THROW = "eval-throw";
  /** {@code abort} reached during evaluation. */
  public static final String EVAL_ABORT = "eval-abort";
  /** A failed {@code assert}. */
  public static final String EVAL_ASSERT = "eval-assert";
  /** Infinite recursion found by evaluation. */
  public static final String EVAL_INFINITE_RECURSION = "infinite-recursion";
  /** An error in a file this one imports, reported at the import. */
  public static final String EVAL_IMPORT_ERROR = "import-error";
  /** The output of {@code builtins.trace}, shown at the call. */
  public static final String TRACE = "trace";
  /** The evaluation stopped at its budget: later errors may be missing. */
  public static final String EVAL_BUDGET = "eval-budget";
}
