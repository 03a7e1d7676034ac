/**
 * Finds a Java runtime for the server: the setting `nix4j.java.home`, then `JAVA_HOME`, then
 * the `PATH`; the first whose `java -version` says 17 or newer wins. Everything the search
 * touches (environment, files, running `java -version`) comes through a {@link JavaHost}, so
 * that tests can run it on made-up machines. No `vscode` import.
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const MIN_JAVA_MAJOR = 17;

export type JavaSource = 'nix4j.java.home' | 'JAVA_HOME' | 'PATH';

export interface JavaRuntime {
  executable: string;
  source: JavaSource;
  /** The version as `java -version` prints it, e.g. `17.0.15`. */
  version: string;
  major: number;
}

/** A place that was looked at and why it did not fit. */
export interface Rejection {
  source: JavaSource;
  /** The path looked at, or a description when there was none (`not set`). */
  location: string;
  reason: string;
}

export type JavaLookup =
  | { ok: true; java: JavaRuntime; rejected: Rejection[] }
  | { ok: false; rejected: Rejection[]; message: string };

export interface JavaHost {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  isFile(p: string): boolean;
  isDirectory(p: string): boolean;
  /** Runs `executable -version` and resolves to what it printed (stderr then stdout); rejects on failure. */
  javaVersionOutput(executable: string): Promise<string>;
}

/** The major version in the output of `java -version`: `1.8.0_392` → 8, `17.0.15` → 17, `21-ea` → 21. */
export function parseJavaVersion(output: string): { version: string; major: number } | undefined {
  const m = /\bversion\s+"([^"]+)"/.exec(output);
  if (!m) return undefined;
  const version = m[1];
  const nums = /^(\d+)(?:\.(\d+))?/.exec(version);
  if (!nums) return undefined;
  const first = Number(nums[1]);
  const major = first === 1 && nums[2] !== undefined ? Number(nums[2]) : first;
  return { version, major };
}

function javaNames(platform: NodeJS.Platform): string[] {
  return platform === 'win32' ? ['java.exe', 'java'] : ['java'];
}

function pathApi(platform: NodeJS.Platform): path.PlatformPath {
  return platform === 'win32' ? path.win32 : path.posix;
}

/** The `java` executable of a Java home (`HOME/bin/java`); the setting may also name the executable itself. */
export function javaInHome(home: string, host: JavaHost): string | undefined {
  const p = pathApi(host.platform);
  if (host.isFile(home) && javaNames(host.platform).includes(p.basename(home).toLowerCase())) return home;
  for (const name of javaNames(host.platform)) {
    const candidate = p.join(home, 'bin', name);
    if (host.isFile(candidate)) return candidate;
  }
  return undefined;
}

/** Every `java` on the PATH, in PATH order. */
export function javaOnPath(host: JavaHost): string[] {
  const p = pathApi(host.platform);
  const pathVar = host.platform === 'win32' ? host.env.Path ?? host.env.PATH ?? host.env.path : host.env.PATH;
  if (!pathVar) return [];
  const found: string[] = [];
  for (const dir of pathVar.split(p.delimiter)) {
    if (dir === '') continue;
    for (const name of javaNames(host.platform)) {
      const candidate = p.join(dir, name);
      if (host.isFile(candidate) && !found.includes(candidate)) {
        found.push(candidate);
        break;
      }
    }
  }
  return found;
}

async function probe(
  executable: string,
  source: JavaSource,
  host: JavaHost,
): Promise<{ ok: true; java: JavaRuntime } | { ok: false; rejection: Rejection }> {
  let output: string;
  try {
    output = await host.javaVersionOutput(executable);
  } catch (e) {
    const reason = `\`java -version\` failed: ${e instanceof Error ? e.message : String(e)}`;
    return { ok: false, rejection: { source, location: executable, reason } };
  }
  const parsed = parseJavaVersion(output);
  if (!parsed) {
    const first = output.trim().split(/\r?\n/)[0] ?? '';
    return { ok: false, rejection: { source, location: executable, reason: `unrecognised \`java -version\` output: ${first}` } };
  }
  if (parsed.major < MIN_JAVA_MAJOR) {
    return {
      ok: false,
      rejection: { source, location: executable, reason: `Java ${parsed.version} is older than ${MIN_JAVA_MAJOR}` },
    };
  }
  return { ok: true, java: { executable, source, version: parsed.version, major: parsed.major } };
}

/**
 * Looks for Java in order: `settingHome` (the value of `nix4j.java.home`, empty when unset),
 * `JAVA_HOME`, `PATH`. Places that do not fit are listed in `rejected`, also on success, so that
 * the extension can log why a configured home was passed over.
 */
export async function findJava(settingHome: string, host: JavaHost): Promise<JavaLookup> {
  const rejected: Rejection[] = [];
  const homes: Array<[JavaSource, string | undefined]> = [
    ['nix4j.java.home', settingHome.trim() || undefined],
    ['JAVA_HOME', host.env.JAVA_HOME?.trim() || undefined],
  ];
  for (const [source, home] of homes) {
    if (home === undefined) continue;
    const exe = javaInHome(home, host);
    if (exe === undefined) {
      const reason = host.isDirectory(home) ? 'has no bin/java' : 'does not exist';
      rejected.push({ source, location: home, reason });
      continue;
    }
    const r = await probe(exe, source, host);
    if (r.ok) return { ok: true, java: r.java, rejected };
    rejected.push(r.rejection);
  }
  const onPath = javaOnPath(host);
  if (onPath.length === 0) rejected.push({ source: 'PATH', location: 'PATH', reason: 'has no java' });
  for (const exe of onPath) {
    const r = await probe(exe, 'PATH', host);
    if (r.ok) return { ok: true, java: r.java, rejected };
    rejected.push(r.rejection);
  }
  return { ok: false, rejected, message: notFoundMessage(rejected) };
}

/** One line per rejection: `nix4j.java.home /opt/jdk8: Java 1.8.0_392 is older than 17`. */
export function describeRejection(r: Rejection): string {
  return r.location === r.source ? `${r.source} ${r.reason}` : `${r.source} ${r.location}: ${r.reason}`;
}

/** The message shown when no Java fits: what is needed, what was tried, what to do. */
export function notFoundMessage(rejected: Rejection[]): string {
  const tried = rejected.length === 0 ? '' : ` Tried: ${rejected.map(describeRejection).join('; ')}.`;
  return (
    `nix4j needs Java ${MIN_JAVA_MAJOR} or newer to run its language server, and none was found.${tried} ` +
    `Install a JDK or JRE ${MIN_JAVA_MAJOR}+ and set "nix4j.java.home" to its folder (or set JAVA_HOME).`
  );
}

/** The real machine: process environment, file system, and `java -version` with a timeout. */
export function nodeJavaHost(env: Record<string, string | undefined> = process.env, timeoutMs = 15000): JavaHost {
  return {
    platform: process.platform,
    env,
    isFile(p) {
      try {
        return fs.statSync(p).isFile();
      } catch {
        return false;
      }
    },
    isDirectory(p) {
      try {
        return fs.statSync(p).isDirectory();
      } catch {
        return false;
      }
    },
    javaVersionOutput(executable) {
      return new Promise((resolve, reject) => {
        execFile(executable, ['-version'], { timeout: timeoutMs, windowsHide: true }, (error, stdout, stderr) => {
          if (error) reject(new Error(error.killed ? `no answer within ${timeoutMs} ms` : error.message.trim()));
          else resolve(`${stderr}${stdout}`);
        });
      });
    },
  };
}
