package org.nix4j.builtins;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.nix4j.value.Value;

/**
 * Where {@code builtins.trace} sends its messages. By default they go to standard error as Nix
 * prints them ({@code trace: VALUE}); an evaluator whose {@link org.nix4j.vm.EvalHost} also
 * implements this interface receives them instead (the language server shows them).
 */
public interface TraceSink {
  /**
   * One call of {@code builtins.trace}.
   *
   * @param value the traced value, forced to weak head normal form
   * @param text what Nix prints after {@code trace: } (a byte string: a string's bytes as they
   *     are, any other value as {@code nix-instantiate --eval} prints it)
   */
  void trace(Value value, String text);

  /** Prints {@code trace: TEXT} and a newline to standard error, byte for byte. */
  TraceSink STDERR = new TraceSink() {
    @Override
    public void trace(Value value, String text) {
      PrintStream err = System.err;
      byte[] bytes = ("trace: " + text + "\n").getBytes(StandardCharsets.ISO_8859_1);
      err.write(bytes, 0, bytes.length);
      err.flush();
    }
  };
}
