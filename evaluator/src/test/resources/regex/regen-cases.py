#!/usr/bin/env python3
"""Fills in the expected results of cases.txt with real Nix (nix-instantiate, Nix 2.8).

    evaluator/src/test/resources/regex/regen-cases.py [cases.txt]

Each case is one line:

    KIND "PATTERN" "INPUT" => EXPECTED

KIND is `match` or `split`; PATTERN and INPUT are Nix string literals, copied verbatim into
`builtins.KIND "PATTERN" "INPUT"` (raw bytes, including non-UTF-8 ones, are allowed; newlines must be
written \\n). To add a case, write the line without `=> EXPECTED` and run this script: it rewrites
every expectation with what `nix-instantiate --eval --strict` prints (e.g. `[ "a" null ]`, `null`)
or, when Nix fails, with the first line of its error without the quoted pattern:
`error: invalid regular expression` or `error: memory limit exceeded by regular expression` (the
test puts ` 'PATTERN'` back). Lines starting with `#` and blank lines are kept as they are.

Nix runs like fixtures/regen.sh runs it: empty environment, HOME=/homeless-shelter, TZ=UTC.
"""
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
BATCH = 100


def nix_literal_end(line, i):
    """Index just after the Nix string literal that starts at line[i] (a double quote)."""
    assert line[i:i + 1] == b'"', line
    i += 1
    while i < len(line):
        c = line[i:i + 1]
        if c == b'\\':
            i += 2
        elif c == b'"':
            return i + 1
        elif c == b'$' and line[i + 1:i + 2] == b'{':
            raise ValueError("unescaped ${ in " + repr(line))
        else:
            i += 1
    raise ValueError("unterminated string in " + repr(line))


def parse(line):
    """(kind, pattern literal, input literal) of a case line."""
    m = re.match(rb'(match|split) ', line)
    if not m:
        raise ValueError("not a case: " + repr(line))
    i = m.end()
    p_end = nix_literal_end(line, i)
    if line[p_end:p_end + 1] != b' ':
        raise ValueError("expected a space after the pattern: " + repr(line))
    s_end = nix_literal_end(line, p_end + 1)
    rest = line[s_end:]
    if rest and not rest.startswith(b' => '):
        raise ValueError("expected ' => ' after the input: " + repr(line))
    return m.group(1), line[i:p_end], line[p_end + 1:s_end]


def unquote(lit):
    """The bytes a Nix string literal denotes (only the escapes cases.txt uses)."""
    out = bytearray()
    i = 1
    while i < len(lit) - 1:
        c = lit[i]
        if c == 0x5C:  # backslash
            d = lit[i + 1]
            out += {ord('n'): b'\n', ord('r'): b'\r', ord('t'): b'\t'}.get(d, bytes([d]))
            i += 2
        else:
            out.append(c)
            i += 1
    return bytes(out)


def run_nix(exprs):
    env = {"PATH": os.environ["PATH"], "HOME": "/homeless-shelter", "NIX_PATH": "", "TZ": "UTC"}
    return subprocess.run(["nix-instantiate", "--eval", "--strict", "-E"] + exprs,
                          cwd="/", env=env, capture_output=True, timeout=600)


def evaluate(cases):
    """Nix's result for each (kind, pattern literal, input literal)."""
    results = []
    i = 0
    while i < len(cases):
        batch = cases[i:i + BATCH]
        exprs = [b"builtins.%s %s %s" % c for c in batch]
        r = run_nix(exprs)
        lines = r.stdout.split(b"\n")[:-1]
        if r.returncode == 0:
            assert len(lines) == len(batch), (len(lines), len(batch))
            results += lines
            i += len(batch)
            continue
        # Every expression before the failing one printed its line.
        results += lines
        kind, pat, _ = batch[len(lines)]
        err = r.stderr
        for msg in (b"invalid regular expression", b"memory limit exceeded by regular expression"):
            # Nix's terminal output expands tabs in the quoted pattern, so only the start is compared.
            if err.startswith(b"error: " + msg + b" '"):
                results.append(b"error: " + msg)
                break
        else:
            sys.exit("regen-cases: unexpected failure of %r: %r" % (batch[len(lines)], err[:300]))
        i += len(lines) + 1
    return results


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "cases.txt")
    with open(path, "rb") as f:
        lines = f.read().split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    cases = []
    where = []
    for n, line in enumerate(lines):
        if not line.strip() or line.startswith(b"#"):
            continue
        cases.append(parse(line))
        where.append(n)
    results = evaluate(cases)
    for n, c, res in zip(where, cases, results):
        lines[n] = b"%s %s %s => %s" % (c[0], c[1], c[2], res)
    with open(path, "wb") as f:
        f.write(b"\n".join(lines) + b"\n")
    print("regen-cases: %d cases" % len(cases))


if __name__ == "__main__":
    main()
