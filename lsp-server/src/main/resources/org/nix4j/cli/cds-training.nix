# Exercised when bin/nix4j records its class-data-sharing archive: it loads the classes an
# evaluation typically needs (parser, compiler, VM, common builtins, printer, JSON, regex, store).
let
  lib = rec { inc = x: x + 1; names = builtins.attrNames { b = 1; a = 2; }; };
  s = "a${toString 1}b" + "c";
  l = map lib.inc (builtins.filter (x: x > 0) (builtins.genList (x: x - 1) 10));
  a = builtins.listToAttrs (map (n: { name = "k${toString n}"; value = n; }) l) // { z = 1; };
  j = builtins.fromJSON (builtins.toJSON { inherit l s; f = 1.5; b = true; n = null; });
  m = builtins.match "a([0-9]+)b.*" s;
  p = builtins.split "," "a,b,c";
  r = builtins.replaceStrings [ "a" ] [ "b" ] s;
  st = builtins.sort builtins.lessThan [ 3 1 2 ];
  fo = builtins.foldl' (x: y: x + y) 0 l;
  w = with lib; inc 1;
  d = derivation { name = "t"; builder = "/bin/sh"; system = "x86_64-linux"; };
in { inherit lib s l a j m p r st fo w; drv = d.drvPath; c = builtins.concatStringsSep "-" (builtins.attrNames a); h = builtins.hashString "sha256" s; t = builtins.tryEval (throw "x"); v = builtins.compareVersions "1.2" "1.10"; x = builtins.toXML [1]; e = assert true; builtins.elem 1 l; }
