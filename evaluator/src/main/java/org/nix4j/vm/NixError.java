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

  /** Which trace entries Nix 2.8 records, and so which ones nix4j prints. */
  public enum Recorded {
    /** Always: without --show-trace it makes nix-instantiate say that a trace was left out. */
    ALWAYS,
    /** Only under {@code --show-trace} (the calls of lambdas). */
    SHOW_TRACE,
    /** Never: nix4j's own, for editors (which arguments of which builtin were forced). */
    NIX4J
  }

  /** One line of the trace: a message, where it applies, and when Nix records it. */
  public record TraceEntry(String message, SourcePos pos, Recorded recorded) {
    public TraceEntry(String message, SourcePos pos) {
      this(message, pos, Recorded.ALWAYS);
    }
  }

  private final Kind kind;
  private SourcePos pos;
  /** Whether Nix prints the position (else it is only for editors: the VM found it). */
  private boolean posShown = true;
  private List<String> suggestions = List.of();
  /**
   * Set for an error of the call itself (its arguments do not match the lambda's formals): Nix
   * raises it before entering the lambda, so the lambda's frame adds no trace entry.
   */
  boolean beforeLambdaEntry;
  /** The trace entry that gets the position {@link #at} sets, or -1. */
  private int pendingAtCall = -1;
  private boolean usage;
  private final List<TraceEntry> trace = new ArrayList<>(2);
  /** See {@link #partialOutput()}. */
  private String partialOutput;

  public NixError(Kind kind, String message) {
    super(message, null, false, false);
    this.kind = kind;
  }

  /** An error caused by a Java exception (a bug of nix4j: see {@link Vm.InternalError}). */
  protected NixError(Kind kind, String message, Throwable cause) {
    super(message, cause, false, false);
    this.kind = kind;
  }

  public NixError(Kind kind, String message, SourcePos pos) {
    this(kind, message);
    this.pos = pos;
  }

  /**
   * What nix-instantiate has written to stdout when this error stops it (the JSON or XML of
   * {@code --json} or {@code --xml} up to the value that failed, what was open closed), or null.
   */
  public String partialOutput() {
    return partialOutput;
  }

  public NixError withPartialOutput(String output) {
    this.partialOutput = output;
    return this;
  }

  public static NixError eval(String message) {
    return new NixError(Kind.EVAL, message);
  }

  /**
   * An error of files, the store or fetchers: Nix reports them without a position ({@link
   * #pos()} is still set for editors).
   */
  public static NixError io(String message) {
    return new NixError(Kind.EVAL, message).withoutShownPos();
  }

  /**
   * An error Nix counts as bad usage of the command (an unknown hash algorithm): unpositioned,
   * and nix-instantiate then says how to get help.
   */
  public static NixError usage(String message) {
    NixError e = io(message);
    e.usage = true;
    return e;
  }

  /** Whether it is an error of {@link #usage}. */
  public boolean usage() {
    return usage;
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

  /**
   * Called by the VM for each call frame the error unwinds through: the first one after {@link
   * #traceAtCall} is the call of the builtin, which positions that trace entry.
   */
  void atCallFrame(SourcePos where) {
    if (pendingAtCall >= 0) {
      TraceEntry t = trace.get(pendingAtCall);
      trace.set(pendingAtCall, new TraceEntry(t.message(), where, t.recorded()));
      pendingAtCall = -1;
    }
  }

  /**
   * Adds a trace entry at the position of the builtin's call (a builtin does not know it: the VM
   * fills it in from the next call frame the error unwinds through), as Nix traces "while
   * decoding a JSON string" or "while invoking 'concatMap'" at the call.
   */
  public NixError traceAtCall(String message) {
    if (trace.size() < 64) {
      pendingAtCall = trace.size();
      trace.add(new TraceEntry(message, null));
    }
    return this;
  }

  /**
   * Marks the error as one Nix reports without a position: {@link #pos()} (set by the thrower or
   * the VM) still tells editors where it happened, but the message does not show it.
   */
  public NixError withoutShownPos() {
    posShown = false;
    return this;
  }

  /** Whether Nix shows {@link #pos()} in the message ("at FILE:L:C:" and the source lines). */
  public boolean posShown() {
    return posShown;
  }

  /** What Nix proposes instead of a misspelled name ("Did you mean …?"), best first. */
  public NixError withSuggestions(List<String> names) {
    suggestions = List.copyOf(names);
    return this;
  }

  public List<String> suggestions() {
    return suggestions;
  }

  public void addTrace(String message, SourcePos where) {
    if (trace.size() < 64) {
      trace.add(new TraceEntry(message, where));
    }
  }

  /** Adds a trace entry that Nix records only under {@code --show-trace} (calls of lambdas). */
  public void addShowTraceOnly(String message, SourcePos where) {
    if (trace.size() < 64) {
      trace.add(new TraceEntry(message, where, Recorded.SHOW_TRACE));
    }
  }

  /** Adds a trace entry that Nix does not have (for editors; never printed). */
  public void addNix4jTrace(String message, SourcePos where) {
    if (trace.size() < 64) {
      trace.add(new TraceEntry(message, where, Recorded.NIX4J));
    }
  }

  public List<TraceEntry> trace() {
    return Collections.unmodifiableList(trace);
  }
}
