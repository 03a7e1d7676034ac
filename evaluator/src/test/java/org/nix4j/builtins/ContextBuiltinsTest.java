package org.nix4j.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.nix4j.builtins.Nix.bool;
import static org.nix4j.builtins.Nix.i;
import static org.nix4j.builtins.Nix.list;
import static org.nix4j.builtins.Nix.s;
import static org.nix4j.builtins.Nix.set;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nix4j.value.NixContext;
import org.nix4j.value.NixPath;
import org.nix4j.value.NixString;

/** getContext, hasContext, appendContext and the unsafeDiscard* builtins (cases of the fixtures). */
class ContextBuiltinsTest {
  private final Nix nix = new Nix();

  private static final String DRV = "/nix/store/61wnm40vkmd3lpssxddmjz19i4y2bdx3-ctx-multi.drv";
  private static final String FILE = "/nix/store/29gpdk328drgjq47ldhfx9y3m6wfcck4-builtin-hello.txt";
  private static final String FAKE = "/nix/store/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-x";

  private static NixString withContext(String... elements) {
    return NixString.of("text", NixContext.of(List.of(elements)));
  }

  @Test
  void getContextGroupsElementsByPath() {
    nix.check("{ \"" + FILE + "\" = { path = true; }; \"" + DRV
        + "\" = { allOutputs = true; outputs = [ \"dev\" \"out\" ]; }; }",
        "getContext", withContext("!out!" + DRV, "!dev!" + DRV, "=" + DRV, FILE));
    nix.check("{ }", "getContext", s("abc"));
    nix.checkError("error: value is a path while a string was expected", "getContext", NixPath.of("/a"));
    nix.check("true", "hasContext", withContext(FILE));
    nix.check("false", "hasContext", s("/nix/store/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-x"));
    nix.checkError("error: value is an integer while a string was expected", "hasContext", i(1));
  }

  @Test
  void discarding() {
    NixString s = (NixString) nix.call("unsafeDiscardStringContext", withContext("!out!" + DRV));
    assertEquals(false, s.hasContext());
    assertEquals("text", s.bytes);
    nix.check("\"/nix/store/00000000000000000000000000000000-builtin-hello.txt\"",
        "unsafeDiscardStringContext", NixPath.of("/data/builtin-hello.txt"));
    nix.checkError("error: cannot coerce an integer to a string", "unsafeDiscardStringContext", i(1));
    NixString d = (NixString) nix.call("unsafeDiscardOutputDependency", withContext("=" + DRV, "!out!" + DRV, FILE));
    assertEquals(NixContext.of(List.of(DRV, "!out!" + DRV, FILE)), d.context);
    nix.check("\"plain\"", "unsafeDiscardOutputDependency", s("plain"));
    nix.checkError("error: cannot coerce an integer to a string", "unsafeDiscardOutputDependency", i(1));
  }

  @Test
  void appendContext() {
    NixString r = (NixString) nix.call("appendContext", s("text"),
        set(DRV, set("outputs", list(s("lib"), s("out")), "allOutputs", bool(true), "path", bool(true))));
    assertEquals(NixContext.of(List.of(DRV, "=" + DRV, "!lib!" + DRV, "!out!" + DRV)), r.context);
    nix.check("{ }", "getContext", nix.call("appendContext", s(""), set(DRV, set("outputs", list()))));
    nix.check("{ \"" + FAKE + "\" = { path = true; }; }", "getContext",
        nix.call("appendContext", s("x"), set(FAKE, set("path", bool(true), "other", i(1)))));
    nix.check("{ }", "getContext",
        nix.call("appendContext", s("x"), set(FAKE, set("path", bool(false), "allOutputs", bool(false)))));
    nix.checkError("error: Tried to add all-outputs context of \"" + FAKE
        + "\", which is not a derivation, to a string", "appendContext", s("x"), set(FAKE, set("allOutputs", bool(true))));
    nix.checkError("error: Tried to add derivation output context of \"" + FAKE
        + "\", which is not a derivation, to a string", "appendContext", s("x"), set(FAKE, set("outputs", list(s("out")))));
    nix.checkError("error: value is a string while a Boolean was expected", "appendContext", s("x"),
        set(FAKE, set("path", s("yes"))));
    nix.checkError("error: value is a list while a set was expected", "appendContext", s("x"), list());
    nix.checkError("error: Context key '\"/not/a/store/path\"' is not a store path", "appendContext", s("x"),
        set("/not/a/store/path", set("path", bool(true))));
    nix.checkError("error: value is a string while a list was expected", "appendContext", s("x"),
        set(DRV, set("outputs", s("out"))));
  }

  @Test
  void storePaths() {
    assertEquals(true, ContextBuiltins.isStorePath(FAKE));
    assertEquals(true, ContextBuiltins.isStorePath(FAKE + "/"));
    assertEquals(false, ContextBuiltins.isStorePath(FAKE + "/sub"));
    assertEquals(false, ContextBuiltins.isStorePath("/nix/store/eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee-x"));
    assertEquals(false, ContextBuiltins.isStorePath("/nix/store/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-"));
    assertEquals(false, ContextBuiltins.isStorePath("/nix/store/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-a b"));
  }
}
