/**
 * The regular expressions of {@code builtins.match} and {@code builtins.split}, with the results of
 * Nix 2.8 down to the corner cases.
 *
 * <p>Nix 2.8 compiles patterns with {@code std::regex(pattern, std::regex::extended)} from
 * libstdc++ (GCC 12 on Debian), built with {@code __STRICT_ANSI__}, and runs {@code
 * std::regex_match} (match) or {@code std::sregex_iterator} (split). That implementation is the
 * specification here, bugs and all; {@code java.util.regex} differs in syntax and semantics and
 * recurses on the JVM stack, so this package has its own:
 *
 * <pre>
 *   pattern ──Scanner──> tokens ──Compiler──> libstdc++'s automaton ──Program──> compact automaton
 *                                                                                    │
 *                    Regex.matchWhole / find / findAll / split ──────────> Executor (one input)
 * </pre>
 *
 * <ul>
 *   <li>{@link org.nix4j.regex.Scanner} and {@link org.nix4j.regex.Compiler} accept and reject
 *       exactly what libstdc++ does, and build the same states in the same order — including the
 *       copies {@code {n,m}} makes and the operands it leaves behind — so that the limit of 100,000
 *       states ("memory limit exceeded by regular expression") trips on the same patterns.
 *   <li>{@link org.nix4j.regex.Executor} walks the automaton in the order of libstdc++'s depth-first
 *       executor in POSIX mode and records the same match: alternatives are all tried and an accept
 *       replaces the recorded one only if it ends strictly further; a repeat tries one more
 *       iteration first and its exit only when that iteration found no accept; a repeat's body is
 *       entered at most twice at one position; groups are set on entry and exit and restored on
 *       backtracking (so a group nested in a repeat can keep a value from an earlier iteration).
 *       It uses an explicit stack and a memo of (state, position) pairs, which makes it
 *       polynomial where libstdc++ is exponential, and lets it run on inputs of megabytes where
 *       Nix overflows its stack.
 *   <li>{@link org.nix4j.regex.Regex#findAll} reproduces {@code std::sregex_iterator}: after an
 *       empty match it first looks for a non-empty match at the same position ({@code
 *       match_not_null | match_continuous}), then searches from the next byte.
 * </ul>
 *
 * <p>Strings are nix4j's byte strings (one char per byte). Character classes are those of the "C"
 * locale: no byte from 0x80 up belongs to any class, and range ends compare as C's signed char.
 *
 * <p>Tests: {@code src/test/resources/regex/cases.txt} holds thousands of cases with the output of
 * real Nix ({@code regen-cases.py} regenerates it); the {@code builtin-match-*} and {@code
 * builtin-split-*} fixtures are checked too; property tests compare the executor with a plain
 * transcription of libstdc++'s algorithm.
 */
package org.nix4j.regex;
