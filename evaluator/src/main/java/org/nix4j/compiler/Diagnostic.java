package org.nix4j.compiler;

import java.util.List;
import org.nix4j.syntax.TextRange;

/**
 * A compile error or warning, with the span it concerns, a stable code (for editors to filter
 * and for documentation), and related locations that help ("first defined here").
 *
 * <p>{@code nixMessage} is the message Nix 2.8 prints for the same error, which
 * {@code nix4j eval} prints: the same as {@code message} except for syntax errors, whose
 * {@code message} is meant for editors ("unexpected `}`, expected `;` after the binding of
 * `a`") and whose {@code nixMessage} is Bison's ("syntax error, unexpected '}', expecting ';'").
 */
public record Diagnostic(Severity severity, Code code, String message, TextRange range,
    List<Related> related, String nixMessage) {
  public Diagnostic(Severity severity, Code code, String message, TextRange range,
      List<Related> related) {
    this(severity, code, message, range, related, message);
  }

  public enum Severity {
    ERROR,
    WARNING
  }

  /**
   * A location that helps explain a diagnostic. For an undefined variable with a likely
   * intended name, the message is {@code did you mean 'NAME'?} at the variable itself.
   */
  public record Related(TextRange range, String message) {}

  /** Stable codes of compiler diagnostics, with the tags editors use to render them. */
  public enum Code {
    SYNTAX_ERROR("syntax-error", false, false),
    UNDEFINED_VARIABLE("undefined-variable", false, false),
    DUPLICATE_ATTRIBUTE("duplicate-attribute", false, false),
    DUPLICATE_FORMAL("duplicate-formal", false, false),
    DYNAMIC_ATTRIBUTE_IN_LET("dynamic-attribute-in-let", false, false),
    DYNAMIC_ATTRIBUTE_IN_INHERIT("dynamic-attribute-in-inherit", false, false),
    INVALID_PATH("invalid-path", false, false),
    INVALID_LITERAL("invalid-literal", false, false),
    UNUSED_BINDING("unused-binding", true, false),
    UNUSED_WITH("unused-with", true, false),
    UNNEEDED_REC("unneeded-rec", true, false),
    SHADOWED_BUILTIN("shadowed-builtin", false, false),
    DEPRECATED_URL_LITERAL("deprecated-url-literal", false, true),
    DEPRECATED_LEGACY_LET("deprecated-legacy-let", false, true);

    public final String id;
    /** Editors fade the span ("Unnecessary"). */
    public final boolean unnecessary;
    /** Editors strike the span through ("Deprecated"). */
    public final boolean deprecated;

    Code(String id, boolean unnecessary, boolean deprecated) {
      this.id = id;
      this.unnecessary = unnecessary;
      this.deprecated = deprecated;
    }
  }

  /** A syntax error of the parser: its message for editors, and Nix's. */
  public static Diagnostic syntaxError(String message, String nixMessage, TextRange range) {
    return new Diagnostic(Severity.ERROR, Code.SYNTAX_ERROR, message, range, List.of(), nixMessage);
  }

  public static Diagnostic error(Code code, String message, TextRange range) {
    return new Diagnostic(Severity.ERROR, code, message, range, List.of());
  }

  public static Diagnostic warning(Code code, String message, TextRange range) {
    return new Diagnostic(Severity.WARNING, code, message, range, List.of());
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }
}
