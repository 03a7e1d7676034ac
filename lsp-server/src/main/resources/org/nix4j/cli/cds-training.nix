# Exercised when bin/nix4j records its class-data-sharing archive: it loads the classes an
# evaluation typically needs (parser, compiler, VM, common builtins, printer, JSON, regex, store).
let
  lib = rec { inc = x: x + 1; names = builtins.attrNames { b = 1; a = 2; }; };
  n = 3;
  s = "a${toString 1}b" + "c";
  l = map lib.inc (builtins.filter (x: x > 0) (builtins.genList (x: x - 1) 10));
  a = builtins.listToAttrs (map (n: { name = "k${toString n}"; value = n; }) l) // { z = 1; };
  dyn = { "${s}" = 1; ${"k" + s} = 2; };
  m2 = builtins.mapAttrs (name: v: v * 2) a;
  up = builtins.foldl' (acc: i: acc // { "e${toString i}" = i; }) { } (builtins.genList (i: i) 3);
  j = builtins.fromJSON (builtins.toJSON { inherit l s; f = 1.5; b = true; n = null; o = [ { x = 1; } { x = 2; } ]; });
  m = builtins.match "a([0-9]+)b.*" s;
  p = builtins.split "," "a,b,c";
  words = builtins.concatStringsSep " " (builtins.genList (i: "w${toString i}") 5);
  r = builtins.replaceStrings [ "a" "b" ] [ "b" "c" ] s;
  sub = builtins.substring 1 2 words;
  st = builtins.sort builtins.lessThan [ 3 1 2 ];
  sl = builtins.sort (x: y: x < y) [ 3 1 2 ];
  fo = builtins.foldl' (x: y: x + y) 0 l;
  fib = k: if k < 2 then k else fib (k - 1) + fib (k - 2);
  w = with lib; inc 1;
  fix = f: let x = f x; in x;
  pkgs = fix (self: { a = 1; b = self.a + 1; c = self.${"b"}; });
  d = derivation { name = "t"; builder = "/bin/sh"; system = "x86_64-linux"; };
in {
  inherit lib s l a j m p r st sl fo w dyn m2 up words sub;
  drv = d.drvPath;
  c = builtins.concatStringsSep "-" (builtins.attrNames a);
  h = builtins.hashString "sha256" s;
  t = builtins.tryEval (throw "x");
  v = builtins.compareVersions "1.2" "1.10";
  x = builtins.toXML [ 1 ];
  e = assert true; builtins.elem 1 l;
  q = a ? z && !(a ? y) && builtins.isString s;
  ar = n * 2 - 1 + n / 2 + builtins.length l + builtins.elemAt l 0 + builtins.head l + fib 10 + pkgs.c;
  fl = 0.5 + n;
  cl = builtins.concatLists [ [ 1 ] [ 2 ] ];
  len = builtins.stringLength words;
  fs = builtins.filter (x: builtins.match "w[0-9]" x != null) (builtins.filter builtins.isString (builtins.split " " words));
}
