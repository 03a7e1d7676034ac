#!/usr/bin/env bash
# Side-by-side benchmarks of nix4j and real Nix (Debian's nix-bin, Nix 2.8), in one run so that
# the ratios are fair on a noisy machine. Runs alternate between the two programs; medians of
# wall time and of CPU time (user + system, all threads) and the peak resident memory are
# reported.
#
#   bench/run.sh parse [RUNS]     whole-process `nix4j parse` vs `nix-instantiate --parse` on a
#                                 generated 2 MB, 40,000-line package collection
#   bench/run.sh eval [RUNS] [WORKLOAD…]
#                                 whole-process `nix4j eval --strict` vs
#                                 `nix-instantiate --eval --strict` on ../shared/bench/*.nix,
#                                 and on `-E 1` (workload "empty": start-up and resident floor)
#   bench/run.sh jmh [REGEX]      the in-process JMH benchmarks (evaluator test sources)
#   bench/run.sh lsp [JVM_OPTION…]
#                                 the language server over stdio, driven by a scripted client
#                                 (lsp-server/src/test/java/org/nix4j/bench/LspBench.java):
#                                 diagnostics after edits of a 20,000-line file, hover,
#                                 completion, start-up and resident memory; and the CPU time of
#                                 the server's work for one keystroke (EditCpuTime)
#   bench/run.sh parse-cpu        the parser benchmarks of ParseBenchmark in CPU time of the
#                                 benchmarking thread (robust on a machine busy with other work)
#
# Results go to stdout as a Markdown table, ready for docs/benchmarks.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# ../shared/bench beside the checkout (or beside the folder of worktrees, for a worktree in wt/).
shared="${NIX4J_BENCH_DIR:-}"
if [ -z "$shared" ]; then
  for up in "$root/.." "$root/../.."; do
    if [ -d "$up/shared/bench" ]; then shared="$(cd "$up/shared/bench" && pwd)"; break; fi
  done
fi
[ -n "$shared" ] || shared="$(cd "$root/.." && pwd)/shared/bench"
work="${TMPDIR:-/tmp}/nix4j-bench"; mkdir -p "$work"

build() {
  (cd "$root" && mvn -q -B -ntp -DskipTests -pl evaluator,lsp-server -am install >&2)
  "$root/bin/nix4j" --help >/dev/null 2>&1 || true   # makes the launcher record its CDS archive
}

classpath() {
  local cp="$work/test.classpath"
  (cd "$root" && mvn -q -B -ntp dependency:build-classpath -pl evaluator \
      -Dmdep.includeScope=test -Dmdep.outputFile="$cp" >&2)
  echo "$root/evaluator/target/test-classes:$root/evaluator/target/classes:$(cat "$cp")"
}

# time_cmd OUTFILE CMD…: wall ms, peak KB and CPU ms (user + system) of one run, appended to OUTFILE
time_cmd() {
  local out="$1"; shift
  local t0 t1 rss cpu
  t0=$(date +%s%N)
  /usr/bin/time -f '%M %U %S' -o "$work/rss" "$@" >/dev/null 2>&1 || true
  t1=$(date +%s%N)
  rss=$(tail -n 1 "$work/rss" | cut -d' ' -f1)
  cpu=$(tail -n 1 "$work/rss" | awk '{printf "%d", ($2 + $3) * 1000}')
  echo "$(( (t1 - t0) / 1000000 )) $rss $cpu" >> "$out"
}

median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print int((a[NR/2]+a[NR/2+1])/2)}'; }

# The CPU time (user + system, all threads) is steadier than wall time on a busy machine.
report() { # label nixfile nix4jfile
  local nm jm nr jr nc jc
  nm=$(cut -d' ' -f1 "$2" | median); jm=$(cut -d' ' -f1 "$3" | median)
  nr=$(cut -d' ' -f2 "$2" | sort -n | tail -n 1); jr=$(cut -d' ' -f2 "$3" | sort -n | tail -n 1)
  nc=$(cut -d' ' -f3 "$2" | median); jc=$(cut -d' ' -f3 "$3" | median)
  awk -v l="$1" -v nm="$nm" -v jm="$jm" -v nr="$nr" -v jr="$jr" -v nc="$nc" -v jc="$jc" 'BEGIN {
    printf "| %s | %d ms | %d ms | %.2f | %d ms | %d ms | %.2f | %.1f MB | %.1f MB |\n", l, nm, jm,
      (nm ? jm/nm : 0), nc, jc, (nc ? jc/nc : 0), nr/1024, jr/1024 }'
}

header() {
  echo "| workload | real Nix (median) | nix4j (median) | nix4j / Nix | Nix CPU | nix4j CPU | CPU ratio | Nix peak RSS | nix4j peak RSS |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
}

case "${1:-}" in
  parse)
    runs="${2:-10}"
    build
    java -cp "$(classpath)" org.nix4j.bench.PackageSetGenerator "$work/packages.nix" 40000
    echo "input: $(wc -l < "$work/packages.nix") lines, $(wc -c < "$work/packages.nix") bytes; $runs runs each"
    header
    rm -f "$work/p.nix" "$work/p.j"
    for _ in $(seq "$runs"); do
      time_cmd "$work/p.nix" nix-instantiate --parse "$work/packages.nix"
      time_cmd "$work/p.j" "$root/bin/nix4j" parse "$work/packages.nix"
    done
    report "parse packages.nix (whole process)" "$work/p.nix" "$work/p.j" ;;
  eval)
    runs="${2:-5}"; shift $(( $# >= 2 ? 2 : $# ))
    build
    # "empty" is `-E 1`: what each program costs before any real work (start-up, resident floor).
    workloads=("$@"); [ ${#workloads[@]} -gt 0 ] || workloads=(empty attrs deep fib fixpoint json lists strings)
    echo "$runs runs each, whole process, --strict"
    header
    for w in "${workloads[@]}"; do
      if [ "$w" = empty ]; then args=(-E 1); label="-E 1"; else args=("$shared/$w.nix"); label="$w.nix"; fi
      want=$(nix-instantiate --eval --strict "${args[@]}" 2>/dev/null || true)
      got=$("$root/bin/nix4j" eval --strict "${args[@]}" 2>/dev/null || true)
      [ "$want" = "$got" ] || echo "note: $label: nix4j printed '$got', Nix '$want'"
      rm -f "$work/e.nix" "$work/e.j"
      for _ in $(seq "$runs"); do
        time_cmd "$work/e.nix" nix-instantiate --eval --strict "${args[@]}"
        time_cmd "$work/e.j" "$root/bin/nix4j" eval --strict "${args[@]}"
      done
      report "$label" "$work/e.nix" "$work/e.j"
    done ;;
  lsp)
    shift
    build
    (cd "$root" && mvn -q -B -ntp test-compile -pl lsp-server >&2)
    lcp="$work/lsp.classpath"
    (cd "$root" && mvn -q -B -ntp dependency:build-classpath -pl lsp-server \
        -Dmdep.includeScope=test -Dmdep.outputFile="$lcp" >&2)
    mkdir -p "$work/lsp"
    java -cp "$(classpath)" org.nix4j.bench.PackageSetGenerator "$work/lsp/packages.nix" 20000
    # This checkout's classes first: the evaluator in ~/.m2 may be another checkout's.
    lsp_cp="$root/lsp-server/target/test-classes:$root/lsp-server/target/classes:$root/evaluator/target/classes:$(cat "$lcp")"
    java -Xss512m -XX:+UseSerialGC -cp "$lsp_cp" org.nix4j.bench.EditCpuTime "$work/lsp/packages.nix"
    java -cp "$lsp_cp" org.nix4j.bench.LspBench "$root/lsp-server/target/nix4j.jar" "$work/lsp/packages.nix" \
      "$root/fixtures/lsp/nixpkgs" "$@" ;;
  jmh)
    build
    (cd "$root" && mvn -q -B -ntp test-compile -pl evaluator >&2)
    java -cp "$(classpath)" org.openjdk.jmh.Main "${2:-.}" -f 1 -wi 5 -i 5 -w 1s -r 1s ;;
  parse-cpu)
    build
    (cd "$root" && mvn -q -B -ntp test-compile -pl evaluator >&2)
    java -Xms1g -Xmx1g -XX:+UseSerialGC -cp "$(classpath)" org.nix4j.bench.ParseCpuTime ;;
  *)
    sed -n '2,23p' "$0"; exit 2 ;;
esac
