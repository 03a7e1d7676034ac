package org.nix4j.builtins;

import static org.nix4j.builtins.Registry.allStrict;
import static org.nix4j.builtins.Registry.strict;

import org.nix4j.value.NixAttrs;
import org.nix4j.value.NixBool;
import org.nix4j.value.NixNull;
import org.nix4j.value.NixString;
import org.nix4j.value.Printer;
import org.nix4j.value.Value;
import org.nix4j.vm.Coerce;
import org.nix4j.vm.Generator;
import org.nix4j.vm.NixError;
import org.nix4j.vm.Vm;

/** throw, abort, seq, deepSeq, tryEval, trace, addErrorContext. */
final class ControlBuiltins {
  private ControlBuiltins() {}

  static void register(Registry r) {
    r.add(new Primop("throw", 1, 0, new Then.OnString(Coerce.Mode.INTERPOLATE) {
      @Override
      public Value apply(NixString s) {
        // Nix reports throw and abort without a position.
        throw new NixError(NixError.Kind.THROW, s.bytes).withoutShownPos();
      }
    }), true);
    r.add(new Primop("abort", 1, 0, new Then.OnString(Coerce.Mode.INTERPOLATE) {
      @Override
      public Value apply(NixString s) {
        throw new NixError(NixError.Kind.ABORT,
            "evaluation aborted with the following error message: '" + s.bytes + "'")
            .withoutShownPos();
      }
    }), true);
    r.def("seq", 2, allStrict(2), new Primop.Body() {
      @Override
      public Value apply(Vm vm, Value[] a) {
        return a[1];
      }
    });
    r.def("deepSeq", 2, 0, new Primop.Body() {
      @Override
      public Value apply(Vm vm, Value[] a) {
        return vm.push(new DeepSeq(a[0], a[1]));
      }
    });
    r.def("tryEval", 1, 0, new Primop.Body() {
      @Override
      public Value apply(Vm vm, Value[] a) {
        return vm.push(new TryEval(a[0]));
      }
    });
    r.def("trace", 2, strict(0), new Primop.Body() {
      @Override
      public Value apply(Vm vm, Value[] a) {
        Value v = a[0];
        String text = v instanceof NixString s ? s.bytes : Printer.print(v);
        TraceSink sink = vm.host() instanceof TraceSink t ? t : TraceSink.STDERR;
        sink.trace(v, text);
        return vm.force(a[1]);
      }
    });
    r.def("addErrorContext", 2, 0, new Primop.Body() {
      @Override
      public Value apply(Vm vm, Value[] a) {
        return vm.push(new AddErrorContext(a[0], a[1]));
      }
    });
  }

  /** deepSeq a b: forces a deeply, then b. */
  static final class DeepSeq extends Generator {
    private final Value a;
    private final Value b;
    private int state;

    DeepSeq(Value a, Value b) {
      this.a = a;
      this.b = b;
    }

    @Override
    public Value resume(Vm vm, Value in) {
      if (state == 0) {
        state = 1;
        if (vm.deepForce(a) == null) {
          return null;
        }
      }
      if (state == 1) {
        state = 2;
        return vm.force(b);
      }
      return in;
    }
  }

  /**
   * tryEval e: e forced; a {@code throw} or failed {@code assert} inside (and nothing else) gives
   * {@code { success = false; value = false; }}.
   */
  static final class TryEval extends Generator {
    private final Value e;
    private boolean started;

    TryEval(Value e) {
      this.e = e;
    }

    @Override
    public Value resume(Vm vm, Value in) {
      if (!started) {
        started = true;
        in = vm.force(e);
        if (in == null) {
          return null;
        }
      }
      return result(true, in);
    }

    @Override
    public Value onError(Vm vm, NixError error) {
      return error.catchable() ? result(false, NixBool.FALSE) : null;
    }

    private static Value result(boolean success, Value value) {
      return NixAttrs.ofSorted(new String[] {"success", "value"},
          new Value[] {NixBool.of(success), value}, null);
    }
  }

  /**
   * addErrorContext ctx e: e forced; an error inside passes through with ctx (coerced to a
   * string) added to its trace, or, when ctx cannot be coerced, that coercion's error instead.
   * A child frame ({@link Catch}) catches the error so that the coercion can run in the VM.
   */
  static final class AddErrorContext extends Generator {
    private final Value context;
    private final Value e;
    private NixError caught;
    private int state;

    AddErrorContext(Value context, Value e) {
      this.context = context;
      this.e = e;
    }

    @Override
    public Value resume(Vm vm, Value in) {
      if (state == 0) {
        state = 1;
        in = vm.push(new Catch(this, e));
        if (in == null) {
          return null;
        }
      }
      if (state == 1) {
        if (caught == null) {
          return in;
        }
        state = 2;
        in = vm.coerceToString(context, Coerce.Mode.INTERPOLATE);
        if (in == null) {
          return null;
        }
      }
      caught.addTrace(((NixString) in).bytes, null);
      throw caught;
    }
  }

  /** Forces a value for {@link AddErrorContext}, handing it any error (but interruptions). */
  private static final class Catch extends Generator {
    private final AddErrorContext owner;
    private final Value e;
    private boolean started;

    Catch(AddErrorContext owner, Value e) {
      this.owner = owner;
      this.e = e;
    }

    @Override
    public Value resume(Vm vm, Value in) {
      if (!started) {
        started = true;
        return vm.force(e);
      }
      return in;
    }

    @Override
    public Value onError(Vm vm, NixError error) {
      if (error.kind() == NixError.Kind.INTERRUPTED) {
        return null;
      }
      owner.caught = error;
      return NixNull.NULL;
    }
  }
}
