package org.nix4j.eval;

import static org.nix4j.builtins.Registry.allStrict;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.nix4j.builtins.Primop;
import org.nix4j.builtins.Registry;
import org.nix4j.builtins.Then;
import org.nix4j.io.RealIO;
import org.nix4j.store.PathInfo;
import org.nix4j.store.StorePath;
import org.nix4j.store.fetch.Fetchers;
import org.nix4j.store.fetch.GitFetcher;
import org.nix4j.store.hash.Hash;
import org.nix4j.store.hash.HashAlgorithm;
import org.nix4j.value.NixAttrs;
import org.nix4j.value.NixBool;
import org.nix4j.value.NixContext;
import org.nix4j.value.NixInt;
import org.nix4j.value.NixPath;
import org.nix4j.value.NixString;
import org.nix4j.value.Value;
import org.nix4j.vm.Coerce;
import org.nix4j.vm.Generator;
import org.nix4j.vm.NixError;
import org.nix4j.vm.Vm;

/**
 * The fetchers of Nix 2.8: {@code fetchurl}, {@code fetchTarball}, {@code fetchGit},
 * {@code fetchTree} (with the {@code flakes} experimental feature) and {@code fetchMercurial}.
 *
 * <p>Local sources work offline: {@code file://} URLs for {@code fetchurl} and
 * {@code fetchTarball}, local repositories for {@code fetchGit}, {@code path} inputs for
 * {@code fetchTree}. Anything else needs the network, which is refused with a clear error when
 * the evaluation's I/O does not allow it (the language server's sandbox); HTTP(S) downloads are
 * done with the JDK's client otherwise. What is fetched is added to nix4j's store even in
 * read-only mode, as Nix's fetchers add to the store. Mercurial is not supported.
 */
final class FetchBuiltins {
  private FetchBuiltins() {}

  static void register(Registry r, Evaluator ev) {
    EvalStore st = ev.evalStore();
    r.def("fetchurl", 1, allStrict(1), new Primop.Body() {
      @Override
      public Value apply(Vm vm, Value[] a) {
        return fetch(vm, st, a[0], "fetchurl", false, "");
      }
    });
    r.defGlobal("fetchTarball", 1, allStrict(1), new Primop.Body() {
      @Override
      public Value apply(Vm vm, Value[] a) {
        return fetch(vm, st, a[0], "fetchTarball", true, "source");
      }
    });
    r.defGlobal("fetchGit", 1, allStrict(1), new Primop.Body() {
      @Override
      public Value apply(Vm vm, Value[] a) {
        return fetchTree(vm, st, a[0], "git", true);
      }
    });
    r.defGlobal("fetchTree", 1, 0, new Primop.Body() {
      @Override
      public Value apply(Vm vm, Value[] a) {
        if (!st.hasFeature("flakes")) {
          throw st.requireFeature("flakes");
        }
        return Then.force(vm, a[0], v -> fetchTree(vm, st, v, null, false));
      }
    });
    r.defGlobal("fetchMercurial", 1, allStrict(1), new Primop.Body() {
      @Override
      public Value apply(Vm vm, Value[] a) {
        return fetchMercurial(vm, st, a[0]);
      }
    });
  }

  /**
   * Forces the attributes of a set in name order, failing on the first whose name {@code known}
   * rejects (with the error {@code unknown} gives), then continues with the forced values.
   */
  private static final class ForceAll extends Generator {
    private final NixAttrs set;
    private final Predicate<String> known;
    private final Function<String, NixError> unknown;
    private final Function<Value[], Value> k;
    private final Value[] forced;
    private int i;
    private boolean done;

    ForceAll(NixAttrs set, Predicate<String> known, Function<String, NixError> unknown,
        Function<Value[], Value> k) {
      this.set = set;
      this.known = known;
      this.unknown = unknown;
      this.k = k;
      this.forced = new Value[set.size()];
    }

    @Override
    public Value resume(Vm vm, Value in) {
      if (done) {
        return in;
      }
      while (true) {
        if (in != null) {
          forced[i++] = in;
        }
        if (i == set.size()) {
          break;
        }
        String n = set.nameAt(i);
        if (!known.test(n)) {
          throw unknown.apply(n).at(set.positionAt(i)); // at the attribute, as Nix
        }
        in = vm.force(set.valueAt(i));
        if (in == null) {
          return null;
        }
      }
      done = true;
      return k.apply(forced);
    }
  }

  // -----------------------------------------------------------------------------------------
  // fetchurl, fetchTarball

  private static Value fetch(Vm vm, EvalStore st, Value arg, String who, boolean unpack, String defaultName) {
    if (arg instanceof NixAttrs set) {
      return vm.push(new ForceAll(set, n -> n.equals("url") || n.equals("sha256") || n.equals("name"),
          n -> NixError.eval("unsupported argument '" + n + "' to '" + who + "'"), vals -> {
            String url = null;
            Hash expected = null;
            String name = defaultName;
            for (int i = 0; i < vals.length; i++) {
              switch (set.nameAt(i)) {
                case "url" -> url = Steps.stringNoContext(vals[i]);
                case "sha256" -> expected = FileBuiltins.parseHash(st, Steps.stringNoContext(vals[i]));
                default -> name = Steps.stringNoContext(vals[i]);
              }
            }
            if (url == null) {
              throw NixError.eval("'url' argument required");
            }
            return fetchUrl(st, url, expected, name, unpack);
          }));
    }
    return fetchUrl(st, Steps.stringNoContext(arg), null, defaultName, unpack);
  }

  /** Nix's {@code resolveUri}: {@code channel:NAME} is a channel's tarball. */
  static String resolveUri(String url) {
    if (url.startsWith("channel:")) {
      return "https://nixos.org/channels/" + url.substring(8) + "/nixexprs.tar.xz";
    }
    return url;
  }

  private static Value fetchUrl(EvalStore st, String rawUrl, Hash expected, String givenName, boolean unpack) {
    String url = resolveUri(rawUrl);
    String name = givenName.isEmpty() ? FileBuiltins.baseNameOf(url) : givenName;
    try {
      if (expected != null) {
        var early = Fetchers.expectedPath(st.store(), expected, name, unpack);
        if (early.isPresent() && st.store().isValid(early.get())) {
          return storePathString(st, early.get());
        }
      }
      PathInfo info = download(st, url, file -> unpack
          ? Fetchers.fetchTarball(st.store(), url, file, name, expected, tmpDir())
          : Fetchers.fetchurl(st.store(), url, file, name, expected));
      return storePathString(st, info.path());
    } catch (IOException e) {
      throw EvalStore.ioError(e);
    } catch (RuntimeException e) {
      throw EvalStore.convert(e);
    }
  }

  static Value storePathString(EvalStore st, StorePath p) {
    String s = st.print(p);
    return NixString.of(s, NixContext.of(s));
  }

  /** What to do with a downloaded (or local) file. */
  @FunctionalInterface
  private interface WithFile<T> {
    T apply(Path file) throws IOException;
  }

  /**
   * Gives the file of a URL to {@code use}: a {@code file://} URL's own file (read through the
   * sandbox's rules), else a temporary download, if the network may be used.
   */
  private static <T> T download(EvalStore st, String url, WithFile<T> use) throws IOException {
    var local = Fetchers.localFile(url);
    if (local.isPresent()) {
      Path file = local.get();
      String bytes = RealIO.fromPath(file.toAbsolutePath());
      if (!st.files().base().mayRead(bytes)) {
        throw NixError.io("unable to download '" + url + "': access to path '" + bytes
            + "' is forbidden in the sandbox of nix4j");
      }
      return use.apply(file);
    }
    if (!url.contains("://")) {
      throw NixError.io("unable to download '" + url + "': URL using bad/illegal format or missing URL (3)");
    }
    if (!st.networkAllowed()) {
      throw NixError.io("unable to download '" + url + "': network access is disabled in this"
          + " evaluation (nix4j only fetches local files here)");
    }
    if (!url.startsWith("http://") && !url.startsWith("https://")) {
      throw NixError.io("unable to download '" + url + "': nix4j can only download http(s)"
          + " and file URLs");
    }
    Path tmp = Files.createTempFile("nix4j-download-", "");
    try {
      HttpResponse<Path> resp;
      var pending = Http.CLIENT.sendAsync(
          HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(1)).GET().build(),
          HttpResponse.BodyHandlers.ofFile(tmp));
      try {
        resp = pending.get(Http.MAX_MINUTES, java.util.concurrent.TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        pending.cancel(true);
        Thread.currentThread().interrupt();
        throw NixError.io("unable to download '" + url + "': interrupted");
      } catch (java.util.concurrent.TimeoutException e) {
        pending.cancel(true);
        throw NixError.io("unable to download '" + url + "': no answer within "
            + Http.MAX_MINUTES + " minutes");
      } catch (java.util.concurrent.ExecutionException e) {
        Throwable c = e.getCause() == null ? e : e.getCause();
        throw NixError.io("unable to download '" + url + "': "
            + (c.getMessage() != null ? c.getMessage() : c.getClass().getSimpleName()));
      } catch (IllegalArgumentException e) {
        throw NixError.io("unable to download '" + url + "': " + e.getMessage());
      }
      if (resp.statusCode() / 100 != 2) {
        throw NixError.io("unable to download '" + url + "': HTTP error " + resp.statusCode());
      }
      return use.apply(tmp);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** One HTTP client for all downloads, made on first use. */
  private static final class Http {
    /** The longest a download may take. */
    static final long MAX_MINUTES = 30;

    static final HttpClient CLIENT = HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NORMAL)
        .connectTimeout(Duration.ofSeconds(30))
        .build();
  }

  private static Path tmpDir() {
    return Path.of(System.getProperty("java.io.tmpdir"));
  }

  // -----------------------------------------------------------------------------------------
  // fetchTree, fetchGit

  /** An input attribute: a string, a Boolean or an integer. */
  private static Value fetchTree(Vm vm, EvalStore st, Value arg, String type, boolean isFetchGit) {
    if (arg instanceof NixAttrs set) {
      String fixedType = type;
      Value typeAttr = set.get("type");
      if (typeAttr != null && type != null) {
        throw NixError.eval("unexpected attribute 'type'");
      }
      if (typeAttr == null && type == null) {
        throw NixError.eval("attribute 'type' is missing in call to 'fetchTree'");
      }
      return vm.push(new InputAttrs(st, set, fixedType, isFetchGit));
    }
    return Then.coerce(vm, arg, Coerce.Mode.APPEND_TO_PATH, s -> {
      String url = s.bytes;
      Map<String, Object> attrs = new TreeMap<>();
      if ("git".equals(type)) {
        attrs.put("type", "git");
        attrs.put("url", fixUriForGit(url));
      } else {
        attrs = fromUrl(fixUri(url));
      }
      return fetchInput(st, attrs, isFetchGit);
    });
  }

  /** Collects the attributes of a fetchTree/fetchGit set (type first, then the others in order). */
  private static final class InputAttrs extends Generator {
    private final EvalStore st;
    private final NixAttrs set;
    private String type;
    private final boolean isFetchGit;
    private final Map<String, Object> attrs = new TreeMap<>();
    private int i = -1;
    private boolean done;

    InputAttrs(EvalStore st, NixAttrs set, String type, boolean isFetchGit) {
      this.st = st;
      this.set = set;
      this.type = type;
      this.isFetchGit = isFetchGit;
    }

    @Override
    public Value resume(Vm vm, Value in) {
      if (done) {
        return in;
      }
      while (true) {
        if (i == -1) {
          if (type == null) {
            if (in == null) {
              in = vm.force(set.get("type"));
              if (in == null) {
                return null;
              }
            }
            type = Steps.stringNoContext(in);
            in = null;
          }
          attrs.put("type", type);
          i = 0;
        }
        if (in != null) {
          accept(set.nameAt(i), in);
          i++;
          in = null;
        }
        while (i < set.size() && set.nameAt(i).equals("type")) {
          i++;
        }
        if (i == set.size()) {
          break;
        }
        Value v = set.valueAt(i);
        in = vm.force(v);
        if (in == null) {
          return null;
        }
        if (in instanceof NixString || in instanceof NixPath) {
          Value c = vm.coerceToString(in, Coerce.Mode.APPEND_TO_PATH);
          if (c == null) {
            return null; // never: strings and paths coerce at once
          }
          in = c;
        }
      }
      if (!isFetchGit && attrs.containsKey("name")) {
        throw NixError.eval("attribute 'name' isn't supported in call to 'fetchTree'");
      }
      done = true;
      return fetchInput(st, attrs, isFetchGit);
    }

    private void accept(String name, Value v) {
      if (v instanceof NixString s) {
        String str = s.bytes;
        if (name.equals("url")) {
          str = type.equals("git") ? fixUriForGit(str) : fixUri(str);
        }
        attrs.put(name, str);
      } else if (v instanceof NixBool b) {
        attrs.put(name, b.value);
      } else if (v instanceof NixInt n) {
        attrs.put(name, n.value);
      } else {
        throw NixError.io("fetchTree argument '" + name + "' is " + v.describe()
            + " while a string, Boolean or integer is expected");
      }
    }
  }

  static String fixUri(String uri) {
    return uri.contains("://") ? uri : "file://" + uri;
  }

  /**
   * The regular expressions of the fetchers, compiled on first use rather than when the
   * builtins are registered (which every evaluation does).
   */
  private static final class Patterns {
    static final Pattern SCP_URI = Pattern.compile("([^/]+)@([^/:]+):(.*)");
    static final Pattern BAD_GIT_REF = Pattern.compile(
        "//|^[./]|/\\.|\\.\\.|[\\x00-\\x20\\x7f:?^~\\[]|\\\\|\\*|\\.lock$|\\.lock/|@\\{|[/.]$|^@$|^$");
    static final Pattern REV = Pattern.compile("[0-9a-fA-F]{40}");
    static final Pattern HG_REF = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.\\/-]*");
  }

  /** Nix's {@code fixURIForGit}: scp-like {@code user@host:path} becomes an ssh URL. */
  static String fixUriForGit(String uri) {
    if (!uri.contains("://")) {
      var m = Patterns.SCP_URI.matcher(uri);
      if (m.matches()) {
        return "ssh://" + m.group(1) + "@" + m.group(2) + "/" + m.group(3);
      }
    }
    return fixUri(uri);
  }

  /** The input attributes of a flake-style URL ({@code fetchTree "…"}): the common forms. */
  private static Map<String, Object> fromUrl(String url) {
    Map<String, Object> attrs = new TreeMap<>();
    String u = url;
    int q = u.indexOf('?');
    String query = q < 0 ? "" : u.substring(q + 1);
    if (q >= 0) {
      u = u.substring(0, q);
    }
    if (u.startsWith("git+")) {
      attrs.put("type", "git");
      attrs.put("url", u.substring(4));
    } else if (u.startsWith("path:")) {
      attrs.put("type", "path");
      attrs.put("path", u.substring(5));
    } else if (u.startsWith("tarball+")) {
      attrs.put("type", "tarball");
      attrs.put("url", u.substring(8));
    } else if ((u.startsWith("file://") || u.startsWith("http://") || u.startsWith("https://"))
        && hasTarballExtension(u)) {
      attrs.put("type", "tarball");
      attrs.put("url", u);
    } else if (u.startsWith("github:") || u.startsWith("gitlab:") || u.startsWith("sourcehut:")
        || u.startsWith("hg+") || u.startsWith("flake:")) {
      attrs.put("type", u.substring(0, u.indexOf(':')));
      attrs.put("url", url);
    } else {
      throw NixError.io("input '" + url + "' is unsupported");
    }
    for (String kv : query.isEmpty() ? new String[0] : query.split("&")) {
      int eq = kv.indexOf('=');
      if (eq > 0) {
        String k = kv.substring(0, eq);
        String v = kv.substring(eq + 1);
        attrs.put(k, v);
      }
    }
    return attrs;
  }

  static boolean hasTarballExtension(String path) {
    for (String ext : List.of(".zip", ".tar", ".tgz", ".tar.gz", ".tar.xz", ".tar.bz2", ".tar.zst")) {
      if (path.endsWith(ext)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a ref breaks Git's rules for branch and tag names (as Nix checks them). */
  static boolean badGitRef(String ref) {
    return Patterns.BAD_GIT_REF.matcher(ref).find();
  }

  /** Nix's {@code parseURL} check of {@code file://} URLs. */
  static void checkFileUrl(String url) {
    if (url.startsWith("file://")) {
      String rest = url.substring(7);
      int slash = rest.indexOf('/');
      String authority = slash < 0 ? rest : rest.substring(0, slash);
      if (!authority.isEmpty()) {
        throw NixError.io("file:// URL '" + url + "' has unexpected authority '" + authority + "'");
      }
    }
  }

  private static String getStr(Map<String, Object> attrs, String name) {
    Object v = attrs.get(name);
    if (v == null) {
      throw NixError.io("input attribute '" + name + "' is missing");
    }
    if (!(v instanceof String s)) {
      throw NixError.io("input attribute '" + name + "' is not a string");
    }
    return s;
  }

  private static Boolean getBool(Map<String, Object> attrs, String name) {
    Object v = attrs.get(name);
    if (v == null) {
      return null;
    }
    if (!(v instanceof Boolean b)) {
      throw NixError.io("input attribute '" + name + "' is not a Boolean");
    }
    return b;
  }

  private static void allowOnly(Map<String, Object> attrs, String kind, String... names) {
    List<String> ok = List.of(names);
    for (String n : attrs.keySet()) {
      if (!n.equals("type") && !ok.contains(n)) {
        throw NixError.io("unsupported " + kind + " input attribute '" + n + "'");
      }
    }
  }

  /** The attributes as JSON, for "cannot fetch unsupported input". */
  private static String toJson(Map<String, Object> attrs) {
    StringBuilder sb = new StringBuilder("{");
    for (Map.Entry<String, Object> e : attrs.entrySet()) {
      if (sb.length() > 1) {
        sb.append(',');
      }
      DerivationBuiltins.DerivationStrict.quoteJson(e.getKey(), sb);
      sb.append(':');
      if (e.getValue() instanceof String s) {
        DerivationBuiltins.DerivationStrict.quoteJson(s, sb);
      } else {
        sb.append(e.getValue());
      }
    }
    return sb.append('}').toString();
  }

  /** Validates the input, fetches it and returns the tree's attributes. */
  private static Value fetchInput(EvalStore st, Map<String, Object> attrs, boolean isFetchGit) {
    String type = (String) attrs.get("type");
    try {
      switch (type) {
        case "git" -> {
          allowOnly(attrs, "Git", "url", "ref", "rev", "shallow", "submodules", "lastModified",
              "revCount", "narHash", "allRefs", "name");
          String url = getStr(attrs, "url");
          checkFileUrl(url);
          getBool(attrs, "shallow");
          Boolean submodules = getBool(attrs, "submodules");
          getBool(attrs, "allRefs");
          String ref = attrs.get("ref") == null ? null : getStr(attrs, "ref");
          if (ref != null && badGitRef(ref)) {
            throw NixError.io("invalid Git branch/tag name '" + ref + "'");
          }
          String rev = attrs.get("rev") == null ? null : getStr(attrs, "rev");
          if (rev != null) {
            rev = Hash.parseAny(rev, HashAlgorithm.SHA1).toBase16();
          }
          return fetchGit(st, attrs, url, ref, rev, Boolean.TRUE.equals(submodules), isFetchGit);
        }
        case "path" -> {
          allowOnly(attrs, "path", "rev", "revCount", "lastModified", "narHash", "path");
          return fetchPath(st, attrs, getStr(attrs, "path"));
        }
        case "tarball" -> {
          allowOnly(attrs, "tarball", "url", "narHash", "name");
          String url = getStr(attrs, "url");
          String name = attrs.get("name") instanceof String n ? n : "source";
          PathInfo info = download(st, url,
              file -> Fetchers.fetchTarball(st.store(), url, file, name, null, tmpDir()));
          checkNarHash(st, attrs, info);
          return treeAttrs(st, info, null);
        }
        case "github", "gitlab", "sourcehut", "indirect", "hg" -> {
          if (!st.networkAllowed()) {
            throw NixError.io("cannot fetch input '" + toJson(attrs) + "': network access is"
                + " disabled in this evaluation");
          }
          throw NixError.io("cannot fetch input '" + toJson(attrs) + "': nix4j does not support '"
              + type + "' inputs");
        }
        default -> throw NixError.io("cannot fetch unsupported input '" + toJson(attrs) + "'");
      }
    } catch (IOException e) {
      throw EvalStore.ioError(e);
    } catch (RuntimeException e) {
      throw EvalStore.convert(e);
    }
  }

  /** A given {@code narHash} must match the fetched tree's. */
  private static void checkNarHash(EvalStore st, Map<String, Object> attrs, PathInfo info) {
    Object want = attrs.get("narHash");
    if (want instanceof String s) {
      Hash h = Hash.parseAny(s, HashAlgorithm.SHA256);
      if (!h.equals(info.narHash())) {
        throw NixError.io("NAR hash mismatch in input '" + toJson(attrs) + "' (" + st.print(info.path())
            + "), expected '" + h.toSri() + "', got '" + info.narHashSri() + "'");
      }
    }
  }

  /** The attributes of a fetched tree: outPath, narHash, and lastModified when known. */
  private static NixAttrs treeAttrs(EvalStore st, PathInfo info, Long lastModified) {
    Map<String, Value> out = new TreeMap<>();
    out.put("outPath", storePathString(st, info.path()));
    out.put("narHash", NixString.of(info.narHashSri()));
    if (lastModified != null) {
      out.put("lastModified", NixInt.of(lastModified));
      out.put("lastModifiedDate", NixString.of(GitFetcher.date(lastModified)));
    }
    return attrsOf(out);
  }

  private static NixAttrs attrsOf(Map<String, Value> sorted) {
    return NixAttrs.ofSorted(sorted.keySet().toArray(new String[0]),
        sorted.values().toArray(new Value[0]), null);
  }

  /** A {@code path} input: the tree copied as {@code source}; lastModified is the newest mtime in it. */
  private static Value fetchPath(EvalStore st, Map<String, Object> attrs, String path) throws IOException {
    if (!path.startsWith("/")) {
      StringBuilder url = new StringBuilder("path:").append(path);
      char sep = '?';
      for (Map.Entry<String, Object> e : attrs.entrySet()) {
        if (!e.getKey().equals("path") && !e.getKey().equals("type")) {
          url.append(sep).append(e.getKey()).append('=').append(e.getValue());
          sep = '&';
        }
      }
      NixError e = NixError.io("cannot fetch input '" + url + "' because it uses a relative path");
      e.addTrace("while fetching the input '" + url + "'", null); // as Nix, without position
      throw e;
    }
    String p = NixPath.canonicalise(path);
    if (st.dir().isStorePath(p)) {
      // A valid store path named "source" is taken as it is (its lastModified is then 0).
      StorePath sp = st.dir().parse(p);
      var held = st.store().pathInfo(sp);
      if (sp.name().equals("source") && held.isPresent()) {
        checkNarHash(st, attrs, held.get());
        return treeAttrs(st, held.get(), 0L);
      }
    }
    PathInfo info = st.importWhole(p, "source", true);
    checkNarHash(st, attrs, info);
    // The newest modification time in the tree; files in the store have the time 1.
    long mtime = 1;
    if (st.files().held(p) == null && st.files().base() instanceof RealIO) {
      mtime = newestMtime(RealIO.toPath(p));
    }
    return treeAttrs(st, info, mtime);
  }

  /** The newest modification time (seconds) of a tree, symlinks not followed. */
  private static long newestMtime(Path root) throws IOException {
    long[] max = {0};
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes a) {
        max[0] = Math.max(max[0], a.lastModifiedTime().toMillis() / 1000);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes a) {
        max[0] = Math.max(max[0], a.lastModifiedTime().toMillis() / 1000);
        return FileVisitResult.CONTINUE;
      }
    });
    return max[0];
  }

  /** A Git input: a local repository, or a remote one cloned first when the network may be used. */
  private static Value fetchGit(EvalStore st, Map<String, Object> attrs, String url, String ref,
      String rev, boolean submodules, boolean isFetchGit) throws IOException {
    String name = attrs.get("name") instanceof String n ? n : "source";
    GitFetcher.Result r;
    var local = Fetchers.localFile(url);
    if (local.isPresent()) {
      String bytes = RealIO.fromPath(local.get().toAbsolutePath());
      if (!st.files().base().mayRead(bytes)) {
        throw NixError.io("access to path '" + bytes + "' is forbidden in the sandbox of nix4j");
      }
      if (Files.exists(local.get().resolve(".git"))) {
        // A working tree: uncommitted changes are seen when no ref or rev is asked for.
        r = GitFetcher.fetch(st.store(), local.get(), ref, rev, name, tmpDir(), st.warnings());
      } else {
        // A bare repository (or no repository): fetched like a remote one, as Nix does.
        r = fetchRemoteGit(st, url, ref, rev, name);
      }
    } else {
      if (!st.networkAllowed()) {
        throw NixError.io("cannot fetch Git repository '" + url + "': network access is disabled"
            + " in this evaluation");
      }
      r = fetchRemoteGit(st, url, ref, rev, name);
    }
    checkNarHash(st, attrs, r.info());
    Map<String, Value> out = new TreeMap<>();
    out.put("outPath", storePathString(st, r.info().path()));
    out.put("narHash", NixString.of(r.narHash()));
    out.put("submodules", NixBool.of(submodules));
    boolean dirty = r.rev().equals(GitFetcher.NULL_REV);
    if (!dirty || isFetchGit) {
      out.put("rev", NixString.of(r.rev()));
      out.put("shortRev", NixString.of(r.shortRev()));
      out.put("revCount", NixInt.of(r.revCount()));
    }
    out.put("lastModified", NixInt.of(r.lastModified()));
    out.put("lastModifiedDate", NixString.of(r.lastModifiedDate()));
    return attrsOf(out);
  }

  /** Clones a remote repository into a temporary directory and fetches from it. */
  private static GitFetcher.Result fetchRemoteGit(EvalStore st, String url, String ref, String rev,
      String name) throws IOException {
    Path dir = Files.createTempDirectory("nix4j-git-");
    try {
      List<String> cmd = new ArrayList<>(List.of("git", "clone", "--quiet", "--no-checkout"));
      if (ref != null) {
        cmd.addAll(List.of("--branch", ref));
      }
      cmd.addAll(List.of("--", url, dir.toString()));
      Path log = Files.createTempFile("nix4j-git-", ".log");
      try {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
            .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        // Never ask for credentials: a fetch that needs them fails.
        pb.environment().put("GIT_TERMINAL_PROMPT", "0");
        pb.environment().put("GIT_SSH_COMMAND", "ssh -o BatchMode=yes");
        Process p = pb.start();
        boolean done;
        try {
          done = p.waitFor(30, java.util.concurrent.TimeUnit.MINUTES);
        } catch (InterruptedException e) {
          p.destroyForcibly();
          Thread.currentThread().interrupt();
          throw NixError.io("interrupted while fetching '" + url + "'");
        }
        if (!done) {
          p.destroyForcibly();
          throw NixError.io("cannot fetch Git repository '" + url + "': git took more than 30 minutes");
        }
        if (p.exitValue() != 0) {
          String out = Files.readString(log, java.nio.charset.StandardCharsets.UTF_8).strip();
          throw NixError.io("cannot fetch Git repository '" + url + "': " + NixString.bytesOf(out));
        }
      } finally {
        Files.deleteIfExists(log);
      }
      String r = rev;
      if (r == null) {
        Process h = new ProcessBuilder("git", "-C", dir.toString(), "rev-parse", "HEAD").start();
        try (InputStream in = h.getInputStream()) {
          r = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        }
      }
      return GitFetcher.fetch(st.store(), dir, null, r, name, tmpDir(), st.warnings());
    } finally {
      Fetchers.deleteTree(dir);
    }
  }

  // -----------------------------------------------------------------------------------------
  // fetchMercurial

  private static Value fetchMercurial(Vm vm, EvalStore st, Value arg) {
    if (arg instanceof NixAttrs set) {
      return vm.push(new ForceAll(set, n -> n.equals("url") || n.equals("rev") || n.equals("name"),
          n -> NixError.eval("unsupported argument '" + n + "' to 'fetchMercurial'"), vals -> {
            String[] url = {""};
            String[] ref = {null};
            for (int i = 0; i < vals.length; i++) {
              switch (set.nameAt(i)) {
                case "url" -> {
                  if (!(vals[i] instanceof NixString || vals[i] instanceof NixPath)) {
                    throw NixError.eval("cannot coerce " + vals[i].describe() + " to a string");
                  }
                  url[0] = vals[i] instanceof NixPath p ? p.path : ((NixString) vals[i]).bytes;
                }
                case "rev" -> {
                  String v = Steps.stringNoContext(vals[i]);
                  if (Patterns.REV.matcher(v).matches()) {
                    Hash.parseAny(v, HashAlgorithm.SHA1);
                  } else {
                    ref[0] = v;
                  }
                }
                default -> Steps.stringNoContext(vals[i]);
              }
            }
            if (url[0].isEmpty()) {
              throw NixError.eval("'url' argument required");
            }
            return mercurial(url[0], ref[0]);
          }));
    }
    return Then.coerce(vm, arg, Coerce.Mode.APPEND_TO_PATH, s -> mercurial(s.bytes, null));
  }

  private static Value mercurial(String url, String ref) {
    String u = url.contains("://") ? url : "file://" + url;
    checkFileUrl(u);
    if (ref != null && !Patterns.HG_REF.matcher(ref).matches()) {
      throw NixError.io("invalid Mercurial branch/tag name '" + ref + "'");
    }
    throw NixError.io("fetchMercurial is not supported by nix4j (Mercurial repository '" + u + "')");
  }
}
