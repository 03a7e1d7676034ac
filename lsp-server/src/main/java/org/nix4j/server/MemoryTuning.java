package org.nix4j.server;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * Keeps the server's memory small when the JVM was started without options (as editors often
 * start it): Java's default collector, G1, grows the heap up to a quarter of the machine and
 * keeps it. These of its settings can change at run time: a collection when the server has been
 * idle a few seconds, and a heap that shrinks after collections, so that memory taken by a burst
 * of work goes back to the system. Options given on the command line win.
 */
final class MemoryTuning {
  private MemoryTuning() {}

  static void apply(java.io.PrintStream log) {
    try {
      boolean g1 = false;
      for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        g1 |= gc.getName().startsWith("G1");
      }
      if (!g1) {
        return;
      }
      List<String> given = ManagementFactory.getRuntimeMXBean().getInputArguments();
      HotSpotDiagnosticMXBean hs = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
      set(hs, given, "G1PeriodicGCInterval", "5000");
      set(hs, given, "MinHeapFreeRatio", "10");
      set(hs, given, "MaxHeapFreeRatio", "30");
    } catch (RuntimeException | LinkageError e) {
      log.println("[nix4j] memory settings left as they are: " + e);
    }
  }

  private static void set(HotSpotDiagnosticMXBean hs, List<String> given, String flag, String value) {
    for (String a : given) {
      if (a.startsWith("-XX:" + flag + "=")) {
        return;
      }
    }
    hs.setVMOption(flag, value);
  }
}
