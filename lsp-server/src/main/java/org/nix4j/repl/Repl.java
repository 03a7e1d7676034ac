package org.nix4j.repl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.nix4j.bytecode.Formals;
import org.nix4j.compiler.CompileResult;
import org.nix4j.eval.ErrorFormat;
import org.nix4j.eval.EvalOptions;
import org.nix4j.eval.Evaluator;
import org.nix4j.eval.Instantiate;
import org.nix4j.syntax.Parse;
import org.nix4j.syntax.Parser;
import org.nix4j.syntax.SourceFile;
import org.nix4j.syntax.SyntaxError;
import org.nix4j.value.Closure;
import org.nix4j.value.NixAttrs;
import org.nix4j.value.NixPath;
import org.nix4j.value.NixString;
import org.nix4j.value.Thunk;
import org.nix4j.value.Value;
import org.nix4j.vm.Budget;
import org.nix4j.vm.NixError;
import org.nix4j.vm.Vm;

/**
 * The read-eval-print logic of {@code nix4j repl}, apart from any terminal: one input in, its
 * output out. Modelled on the REPL of Nix 2.8.
 *
 * <p>An input is an expression (evaluated and printed), a binding {@code NAME = EXPR} (added to
 * the scope, lazily, printing nothing), or a command ({@code :t}, {@code :p}, {@code :l},
 * {@code :a}, {@code :r}, {@code :q}, {@code :?}). The scope is a list of names with their
 * values; each input is compiled with those names as outer names, whose values the compiled
 * code receives as upvalues (as {@code scopedImport} does), so later names shadow earlier ones
 * and builtins. An input whose first syntax error is at its end ({@code unexpected end of file}:
 * an unclosed bracket or string, a missing operand) is {@link Status#INCOMPLETE}: the caller
 * reads another line and gives the whole text again.
 *
 * <p>Values print to {@link Output#out}; errors, and notices such as {@code Added 3 variables.},
 * to {@link Output#err}, as Nix does. Texts are Unicode (inputs are converted to Nix's byte
 * strings here). One thread runs {@link #process} at a time; {@link #cancel} may be called from
 * any thread (a signal handler): the running evaluation stops with an error.
 */
public final class Repl {
  /** What an input did. */
  public enum Status {
    /** The input was handled (its output, if any, was written). */
    DONE,
    /** The input is not finished: read more and give the whole text again. */
    INCOMPLETE,
    /** {@code :q}: leave the REPL. */
    QUIT
  }

  /** Where the REPL writes: results to {@code out}, errors and notices to {@code err}. */
  public interface Output {
    void out(String text);

    void err(String text);
  }

  private final EvalOptions options;
  /** The working directory (byte string): relative paths and {@code :l} resolve against it. */
  private final String cwd;
  private final boolean color;
  private final Budget budget = new Budget(Long.MAX_VALUE, Long.MAX_VALUE, 0);
  private Evaluator ev;
  /** The names bound by the user, in the order they were bound, with their values. */
  private final Map<String, Value> scope = new LinkedHashMap<>();
  /** The arguments of {@code :l}, in order, for {@code :r}. */
  private final List<String> loadedFiles = new ArrayList<>();
  private boolean showTrace;

  /**
   * @param options how to evaluate (I/O, search path …); a new evaluator is made from them on
   *     {@code :r}
   * @param cwd the working directory as a byte string
   * @param color whether values are printed with ANSI colours, as Nix does on a terminal
   */
  public Repl(EvalOptions options, String cwd, boolean color) {
    this.options = options;
    this.cwd = cwd;
    this.color = color;
    this.ev = new Evaluator(options, budget);
  }

  /** Asks the running evaluation, if any, to stop; safe from any thread. */
  public void cancel() {
    budget.cancel();
  }

  /** The names in scope: the user's, then the builtins' globals (Unicode). */
  public List<String> namesInScope() {
    List<String> out = new ArrayList<>();
    for (String n : scope.keySet()) {
      out.add(NixString.unicodeOf(n));
    }
    for (String n : ev.builtins().globals().keySet()) {
      if (!scope.containsKey(n)) {
        out.add(NixString.unicodeOf(n));
      }
    }
    return out;
  }

  // -----------------------------------------------------------------------------------------
  // Inputs.

  /** Whether {@code input} (Unicode) needs more lines before it can be handled. */
  public boolean isIncomplete(String input) {
    String text = NixString.bytesOf(input);
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      return false;
    }
    if (trimmed.startsWith(":")) {
      Command c = Command.split(trimmed);
      return c.takesExpression() && incompleteExpression(c.arg());
    }
    Binding b = Binding.of(text);
    return incompleteExpression(b != null ? b.expr() : text);
  }

  /** Whether a text's first syntax error is that it ended too early. */
  static boolean incompleteExpression(String bytes) {
    Parse p = Parser.parse(bytes);
    if (p.ok()) {
      return false;
    }
    SyntaxError first = p.errors().get(0);
    return first.message().startsWith("unexpected end of file");
  }

  /** Handles one input (Unicode, possibly several lines); writes what it prints to {@code out}. */
  public Status process(String input, Output out) {
    budget.clearCancel();
    if (isIncomplete(input)) {
      return Status.INCOMPLETE;
    }
    String text = NixString.bytesOf(input);
    String trimmed = text.strip();
    try {
      if (trimmed.isEmpty()) {
        return Status.DONE;
      }
      if (trimmed.startsWith(":")) {
        return command(Command.split(trimmed), out);
      }
      Binding b = Binding.of(text);
      if (b != null) {
        scope.put(b.name(), compile(b.expr()));
        return Status.DONE;
      }
      print(force(compile(text)), 1, out);
    } catch (NixError e) {
      out.err(ErrorFormat.format(e, showTrace));
    } catch (StackOverflowError e) {
      out.err("error: stack overflow (the input is nested too deeply)\n");
    } catch (RuntimeException e) {
      out.err("error: internal error of nix4j: " + e + "\n");
    }
    return Status.DONE;
  }

  private Status command(Command c, Output out) {
    switch (c.name()) {
      case ":?", ":help" -> out.out(HELP);
      case ":q", ":quit" -> {
        return Status.QUIT;
      }
      case ":t" -> out.out(NixString.unicodeOf(force(compile(c.arg())).describe()) + "\n");
      case ":p", ":print" -> print(force(compile(c.arg())), Integer.MAX_VALUE, out);
      case ":a", ":add" -> addAttrs(force(compile(c.arg())), out);
      case ":l", ":load" -> load(c.arg(), out);
      case ":r", ":reload" -> reload(out);
      case ":st", ":show-trace" -> {
        String a = c.arg();
        showTrace = a.isEmpty() ? !showTrace : a.equals("true");
        out.out("showing error traces is " + (showTrace ? "on" : "off") + "\n");
      }
      case ":b", ":e", ":i", ":lf", ":s", ":u", ":doc", ":log" ->
          throw NixError.eval("the command '" + c.name() + "' is not supported by nix4j");
      default -> throw NixError.eval("unknown command '" + c.name() + "'");
    }
    return Status.DONE;
  }

  /** The commands, as {@code :?} prints them. */
  static final String HELP = """
      The following commands are available:

        <expr>        Evaluate and print expression
        <x> = <expr>  Bind expression to variable
        :a <expr>     Add attributes from resulting set to scope
        :l <path>     Load Nix expression and add it to scope
        :p <expr>     Evaluate and print expression recursively
        :q            Exit nix4j repl
        :r            Reload all files (and forget every other binding)
        :st [bool]    Enable, disable or toggle showing traces for errors
        :t <expr>     Describe result of evaluation
        :?, :help     Show this help

      Tab completes names in scope and attribute names after '.'; Ctrl-C stops an evaluation;
      Ctrl-D exits.
      """;

  // -----------------------------------------------------------------------------------------
  // Scope.

  /** {@code :a}: adds every attribute of a set to the scope. */
  private void addAttrs(Value v, Output out) {
    if (!(v instanceof NixAttrs attrs)) {
      throw NixError.type("a set", v);
    }
    for (int i = 0; i < attrs.size(); i++) {
      scope.put(attrs.nameAt(i), attrs.valueAt(i));
    }
    out.err("Added " + attrs.size() + " variables.\n");
  }

  /**
   * {@code :l FILE}: evaluates a file (called with no arguments if it is a function whose
   * arguments all have defaults, as Nix's automatic calling does) and adds its attributes.
   */
  private void load(String arg, Output out) {
    loadedFiles.remove(arg);
    loadedFiles.add(arg);
    Value v;
    if (arg.startsWith("<") && arg.endsWith(">")) {
      // Looked up in the search path; the error, as Nix's, has no position in a text.
      try {
        v = force(compile(arg));
      } catch (NixError e) {
        throw new NixError(e.kind(), e.getMessage());
      }
      v = ev.evalFile(ev.resolveImportPath(((NixPath) v).path));
    } else {
      String path = arg.startsWith("/") ? arg : cwd + "/" + arg;
      v = ev.evalFile(ev.resolveImportPath(NixPath.canonicalise(path)));
    }
    addAttrs(autoCall(v), out);
  }

  /**
   * Loads a file named on the command line, as {@code nix repl FILE} does before the first
   * prompt: {@code Loading 'FILE'...}, then what {@code :l} prints, then an empty line. Returns
   * false (after printing the error) when it fails.
   */
  public boolean loadAtStart(String file, Output out) {
    out.err("Loading '" + file + "'...\n");
    try {
      load(NixString.bytesOf(file), out);
    } catch (NixError e) {
      out.err(ErrorFormat.format(e, showTrace));
      return false;
    }
    out.err("\n");
    return true;
  }

  /** {@code :r}: forgets every binding and the import cache, then loads the files again. */
  private void reload(Output out) {
    List<String> files = new ArrayList<>(loadedFiles);
    loadedFiles.clear();
    scope.clear();
    ev = new Evaluator(options, budget);
    boolean first = true;
    for (String f : files) {
      if (!first) {
        out.err("\n");
      }
      first = false;
      out.err("Loading '" + NixString.unicodeOf(f) + "'...\n");
      load(f, out);
    }
  }

  /** A function whose arguments all have defaults is called with none (Nix's autoCallFunction). */
  private Value autoCall(Value v) {
    Vm vm = ev.vm();
    v = vm.forceValue(v);
    if (v instanceof NixAttrs set && set.get("__functor") != null) {
      return vm.apply(v, NixAttrs.EMPTY);
    }
    if (v instanceof Closure c && c.proto.formals != null) {
      Formals f = c.proto.formals;
      for (int i = 0; i < f.names().size(); i++) {
        if (!f.hasDefault().get(i)) {
          throw new NixError(NixError.Kind.EVAL, "cannot evaluate a function that has an argument"
              + " without a value ('" + f.names().get(i) + "')" + Instantiate.AUTO_CALL_HINT,
              f.positions().get(i));
        }
      }
      return vm.apply(v, NixAttrs.EMPTY);
    }
    return v;
  }

  // -----------------------------------------------------------------------------------------
  // Evaluation.

  /** Compiles an expression (byte string) with the scope as outer names: a thunk of its value. */
  private Thunk compile(String bytes) {
    SourceFile file = SourceFile.ofString(bytes);
    List<String> names = new ArrayList<>(scope.keySet());
    CompileResult r = ev.compile(file, cwd, names);
    if (r.hasErrors()) {
      throw Evaluator.compileError(r);
    }
    return new Thunk(r.proto(), scope.values().toArray(new Value[0]));
  }

  private Value force(Value v) {
    return ev.vm().forceValue(v);
  }

  /**
   * Prints a value and a newline. When printing fails, what was printed so far is written
   * (without a newline) before the error is thrown, as Nix's REPL shows it.
   */
  private void print(Value v, int depth, Output out) {
    Function<NixError, String> text = e -> ErrorFormat.format(e, false);
    ValuePrinter printer = new ValuePrinter(ev.vm(), budget, color, text);
    StringBuilder sb = new StringBuilder();
    try {
      printer.print(v, depth, sb);
    } catch (NixError e) {
      out.out(NixString.unicodeOf(sb.toString()));
      throw e;
    }
    out.out(NixString.unicodeOf(sb.append('\n').toString()));
  }

  /** Stops evaluations for completion that take too long. */
  private java.util.Timer timer;

  /**
   * Evaluates an expression (Unicode) in the current scope, for completion: null on errors or
   * when it takes more than {@code millis}.
   */
  Value tryEvaluate(String expr, long millis) {
    budget.clearCancel();
    if (timer == null) {
      timer = new java.util.Timer("nix4j-repl-timeout", true);
    }
    java.util.TimerTask stop = new java.util.TimerTask() {
      @Override
      public void run() {
        budget.cancel();
      }
    };
    timer.schedule(stop, millis);
    try {
      return force(compile(NixString.bytesOf(expr)));
    } catch (NixError | StackOverflowError e) {
      return null;
    } finally {
      stop.cancel();
    }
  }

  // -----------------------------------------------------------------------------------------
  // Parsing an input.

  /** {@code NAME = EXPR}: a name, then {@code =} that is not {@code ==}. */
  record Binding(String name, String expr) {
    static Binding of(String text) {
      int eq = text.indexOf('=');
      if (eq < 0 || (eq + 1 < text.length() && text.charAt(eq + 1) == '=')) {
        return null;
      }
      String name = text.substring(0, eq).strip();
      if (!ValuePrinter.isIdentifier(name)) {
        return null;
      }
      return new Binding(name, text.substring(eq + 1));
    }
  }

  /** {@code :name argument}, the argument stripped of surrounding white space. */
  record Command(String name, String arg) {
    static Command split(String trimmed) {
      int i = 0;
      while (i < trimmed.length() && !Character.isWhitespace(trimmed.charAt(i))) {
        i++;
      }
      return new Command(trimmed.substring(0, i), trimmed.substring(i).strip());
    }

    boolean takesExpression() {
      return switch (name) {
        case ":t", ":p", ":print", ":a", ":add" -> true;
        default -> false;
      };
    }
  }
}
