package org.nix4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@code nix4j __cds-training} succeeds: bin/nix4j records no class-data-sharing archive (and
 * every later start is slower) when the training run fails, e.g. after a change that makes
 * cds-training.nix an error.
 */
class TrainCommandTest {
  @Test
  void trainingRunSucceeds() {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    int code = Main.run(new String[] {TrainCommand.NAME}, new PrintStream(o, true, StandardCharsets.UTF_8),
        new PrintStream(e, true, StandardCharsets.UTF_8));
    assertEquals("", e.toString(StandardCharsets.UTF_8));
    assertEquals(Main.OK, code);
  }
}
