package org.nix4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.nix4j.eval.EvalOptions;
import org.nix4j.eval.Evaluator;
import org.nix4j.eval.Formats;
import org.nix4j.eval.Instantiate;
import org.nix4j.io.RealIO;
import org.nix4j.syntax.Parser;

/**
 * {@code nix4j __cds-training}: not for users. bin/nix4j runs it once with
 * {@code -XX:ArchiveClassesAtExit} so that the class-data-sharing archive holds the classes a
 * typical parse and evaluation load; later starts map them instead of loading them.
 */
final class TrainCommand implements Main.Command {
  static final String NAME = "__cds-training";

  @Override
  public String summary() {
    return "(internal) load the classes of a typical run, for the start-up archive";
  }

  @Override
  public int run(String[] args, PrintStream out, PrintStream err) throws IOException {
    String text;
    try (InputStream in = TrainCommand.class.getResourceAsStream("cds-training.nix")) {
      text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
    Parser.parse(text);
    Parser.check(text);
    EvalOptions opts = new EvalOptions();
    opts.io = new RealIO(java.util.Map.of());
    Evaluator ev = new Evaluator(opts);
    Instantiate.Request req = new Instantiate.Request();
    req.cwd = "/";
    req.expr = text;
    req.strict = true;
    Instantiate inst = new Instantiate(ev, Formats.DEFAULT);
    inst.run(req);
    return Main.OK;
  }
}
