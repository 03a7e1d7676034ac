package org.nix4j.compiler;

import java.util.List;
import java.util.Map;
import org.nix4j.value.Value;

/**
 * What the compiler needs to know besides the text: the global scope (name → value, bound
 * statically), names bound by the caller around the whole file ({@code scopedImport}: the
 * compiled code receives their values as its upvalues, in this order), the directory relative
 * paths are resolved against, and the home directory for {@code ~/}.
 */
public record CompileOptions(
    Map<String, Value> globals, List<String> outerNames, String baseDir, String home) {

  public CompileOptions {
    outerNames = List.copyOf(outerNames);
  }
}
