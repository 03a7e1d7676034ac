/**
 * The extension's settings: one table that names every `nix4j.*` setting with its type and
 * default (package.json declares the same, and a test keeps the two equal), reading them into a
 * typed tree, and the answers given to the server: `initializationOptions` and
 * `workspace/configuration`. No `vscode` import: the extension passes a getter.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import { CLIENT_ID } from './protocol';

export const SECTION = CLIENT_ID;

export type TraceLevel = 'off' | 'messages' | 'verbose';

export interface Nix4jSettings {
  java: { home: string };
  server: { jar: string; jvmArgs: string[]; extraArgs: string[] };
  nixPath: string[];
  eval: { budget: { timeMs: number | null; steps: number | null; memoryMb: number | null } };
  formatter: { command: string[] };
  inlayHints: { enable: boolean };
  trace: { server: TraceLevel };
  diagnostics: { disabled: string[]; exclude: string[] };
}

type Kind = 'string' | 'path' | 'string[]' | 'boolean' | 'positiveInt?' | 'enum';

export interface SettingSpec {
  /** The key under `nix4j.`, dotted. */
  key: string;
  kind: Kind;
  default: unknown;
  values?: readonly string[];
  /** Changing it needs a new server process (the command line changes). */
  restart?: boolean;
}

export const SETTINGS: readonly SettingSpec[] = [
  { key: 'java.home', kind: 'path', default: '', restart: true },
  { key: 'server.jar', kind: 'path', default: '', restart: true },
  { key: 'server.jvmArgs', kind: 'string[]', default: [], restart: true },
  { key: 'server.extraArgs', kind: 'string[]', default: [], restart: true },
  { key: 'nixPath', kind: 'string[]', default: [] },
  { key: 'eval.budget.timeMs', kind: 'positiveInt?', default: null },
  { key: 'eval.budget.steps', kind: 'positiveInt?', default: null },
  { key: 'eval.budget.memoryMb', kind: 'positiveInt?', default: null },
  { key: 'formatter.command', kind: 'string[]', default: [] },
  { key: 'inlayHints.enable', kind: 'boolean', default: false },
  { key: 'trace.server', kind: 'enum', values: ['off', 'messages', 'verbose'], default: 'off' },
  { key: 'diagnostics.disabled', kind: 'string[]', default: [] },
  { key: 'diagnostics.exclude', kind: 'string[]', default: [] },
];

export interface ReadResult {
  settings: Nix4jSettings;
  /** One line per ignored value, e.g. `nix4j.eval.budget.steps must be a positive integer`. */
  problems: string[];
}

/** Expands a leading `~` to the home directory, as a shell would. */
export function expandHome(value: string, home: string = os.homedir()): string {
  if (value === '~') return home;
  if (value.startsWith('~/') || value.startsWith('~\\')) return path.join(home, value.slice(2));
  return value;
}

/** An entry of the search path: `prefix=path` or a plain path; `~` is expanded in the path. */
export function expandNixPathEntry(entry: string, home: string = os.homedir()): string {
  const eq = entry.indexOf('=');
  if (eq < 0) return expandHome(entry, home);
  return entry.slice(0, eq + 1) + expandHome(entry.slice(eq + 1), home);
}

/**
 * Reads every setting through `get` (which returns the raw value of a key under `nix4j.`, or
 * undefined when unset); a value of the wrong type is replaced by the default and reported.
 */
export function readSettings(get: (key: string) => unknown, home: string = os.homedir()): ReadResult {
  const tree: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const spec of SETTINGS) {
    const raw = get(spec.key);
    let value: unknown = spec.default;
    if (raw !== undefined) {
      const checked = check(spec, raw, home);
      if (checked.ok) value = checked.value;
      else problems.push(`${SECTION}.${spec.key} ${checked.expected}; using the default`);
    }
    setPath(tree, spec.key, value);
  }
  return { settings: tree as unknown as Nix4jSettings, problems };
}

/** The settings with every value at its default. */
export function defaultSettings(): Nix4jSettings {
  return readSettings(() => undefined).settings;
}

function check(
  spec: SettingSpec,
  raw: unknown,
  home: string,
): { ok: true; value: unknown } | { ok: false; expected: string } {
  switch (spec.kind) {
    case 'string':
      return typeof raw === 'string' ? { ok: true, value: raw } : { ok: false, expected: 'must be a string' };
    case 'path':
      return typeof raw === 'string'
        ? { ok: true, value: expandHome(raw.trim(), home) }
        : { ok: false, expected: 'must be a string (a path)' };
    case 'string[]': {
      if (!Array.isArray(raw) || !raw.every((x) => typeof x === 'string')) {
        return { ok: false, expected: 'must be a list of strings' };
      }
      const list = raw as string[];
      return { ok: true, value: spec.key === 'nixPath' ? list.map((e) => expandNixPathEntry(e, home)) : [...list] };
    }
    case 'boolean':
      return typeof raw === 'boolean' ? { ok: true, value: raw } : { ok: false, expected: 'must be true or false' };
    case 'positiveInt?':
      if (raw === null) return { ok: true, value: null };
      return typeof raw === 'number' && Number.isSafeInteger(raw) && raw > 0
        ? { ok: true, value: raw }
        : { ok: false, expected: 'must be a positive integer or null' };
    case 'enum':
      return typeof raw === 'string' && (spec.values ?? []).includes(raw)
        ? { ok: true, value: raw }
        : { ok: false, expected: `must be one of ${(spec.values ?? []).join(', ')}` };
  }
}

function setPath(tree: Record<string, unknown>, key: string, value: unknown): void {
  const parts = key.split('.');
  let node = tree;
  for (const part of parts.slice(0, -1)) {
    if (typeof node[part] !== 'object' || node[part] === null) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1]] = value;
}

/** A deep copy without `null` values: an absent value means "the server's default". */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v !== null) out[k] = withoutNulls(v);
    }
    return out;
  }
  return value;
}

/**
 * What the server receives as `initializationOptions`: the `nix4j` settings tree, with unset
 * budgets left out. The same tree answers `workspace/configuration` for the section `nix4j`.
 */
export function serverSettings(settings: Nix4jSettings): Record<string, unknown> {
  return withoutNulls(settings) as Record<string, unknown>;
}

/**
 * The answer to one item of `workspace/configuration`: the whole `{ nix4j: … }` tree for no
 * section, the subtree for `nix4j` or a dotted path under it (`nix4j.eval.budget`), and null for
 * anything else (as VS Code answers for a section it does not know).
 */
export function configurationFor(section: string | undefined | null, settings: Nix4jSettings): unknown {
  const tree = serverSettings(settings);
  if (section === undefined || section === null || section === '') return { [SECTION]: tree };
  const parts = section.split('.');
  if (parts[0] !== SECTION) return null;
  let node: unknown = tree;
  for (const part of parts.slice(1)) {
    if (typeof node !== 'object' || node === null || Array.isArray(node) || !(part in node)) return null;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** Whether a change to these `nix4j.*` keys needs a new server process. */
export function needsRestart(changed: (fullKey: string) => boolean): boolean {
  return SETTINGS.some((s) => s.restart && changed(`${SECTION}.${s.key}`));
}
