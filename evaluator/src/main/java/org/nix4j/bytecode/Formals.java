package org.nix4j.bytecode;

import java.util.List;
import org.nix4j.value.SourcePos;

/**
 * The pattern of a lambda such as {@code { a, b ? 1, ... } @ args}: its formal names in source
 * order, which have defaults, whether it accepts more ({@code ...}), and the {@code @} name.
 */
public record Formals(
    List<String> names,
    List<Boolean> hasDefault,
    List<SourcePos> positions,
    boolean ellipsis,
    String atName) {

  public int indexOf(String name) {
    return names.indexOf(name);
  }
}
