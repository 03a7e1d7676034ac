package org.nix4j.vm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.nix4j.value.SourcePos;

/**
 * An evaluation error: what Nix reports as {@code error: …}. Carries the position where it
 * happened (filled in by the VM from the instruction that failed when the thrower does not know
 * it) and the trace of what was being evaluated, innermost first.
 *
 * <p>Thrown inside the VM and by builtins; the VM unwinds its frame stack, resetting thunks
 * under evaluation, until a frame catches it ({@code builtins.tryEval} catches {@link Kind#THROW}
 * and {@link Kind#ASSERT}) or the evaluation ends. No Java stack trace is recorded.
 */
public class NixError extends RuntimeException {
  public enum Kind {
    /** {@code throw}: caught by tryEval. */
    THROW,
    /** A failed {@code assert}: caught by tryEval. */
    ASSERT,
    /** {@code abort}. */
    ABORT,
    /** Every other evaluation error (types, missing attributes, I/O …). */
    EVAL,
    /** Infinite recursion. */
    INFINITE_RECURSION,
    /** Evaluation stopped: cancelled, or a budget (steps, time, memory) ran out. */
    INTERRUPTED,
    /**
     * An operation met an {@link org.nix4j.value.NixUnknown}: not an error for the user; the
     * frame that was computing gives an unknown instead.
     */
    UNKNOWN
  }

  /** One line of the trace: a message and where it applies. */
  public record TraceEntry(String message, SourcePos pos) {}

  private final Kind kind;
  private SourcePos pos;
  private final List<TraceEntry> trace = new ArrayList<>(2);

  public NixError(Kind kind, String message) {
    super(message, null, false, false);
    this.kind = kind;
  }

  public NixError(Kind kind, String message, SourcePos pos) {
    this(kind, message);
    this.pos = pos;
  }

  public static NixError eval(String message) {
    return new NixError(Kind.EVAL, message);
  }

  /** "value is X while Y was expected". */
  public static NixError type(String expected, org.nix4j.value.Value got) {
    if (got instanceof org.nix4j.value.NixUnknown) {
      return new NixError(Kind.UNKNOWN, "unknown value");
    }
    return new NixError(Kind.EVAL, "value is " + got.describe() + " while " + expected + " was expected");
  }

  public Kind kind() {
    return kind;
  }

  /** Whether {@code builtins.tryEval} catches it. */
  public boolean catchable() {
    return kind == Kind.THROW || kind == Kind.ASSERT;
  }

  public SourcePos pos() {
    return pos;
  }

  /** Sets the position if none is known yet. */
  public NixError at(SourcePos p) {
    if (pos == null) {
      pos = p;
    }
    return this;
  }

  public void addTrace(String message, SourcePos where) {
    if (trace.size() < 64) {
      trace.add(new TraceEntry(message, where));
    }
  }

  public List<TraceEntry> trace() {
    return Collections.unmodifiableList(trace);
  }
}
