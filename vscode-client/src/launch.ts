/**
 * How the server process is started: Java from {@link findJava}, the jar shipped in the
 * extension (or `nix4j.server.jar`), and the command line `java [jvmArgs] -jar nix4j.jar lsp
 * [extraArgs]`, speaking LSP over stdio. The extension and its end-to-end test both start the
 * server through {@link resolveLaunch} and {@link spawnServer}. No `vscode` import.
 */
import { ChildProcessWithoutNullStreams, execFile, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findJava, JavaHost, JavaRuntime, Rejection } from './java';
import { Nix4jSettings } from './settings';

/** Where the build puts the server inside the extension. */
export function bundledJar(extensionPath: string): string {
  return path.join(extensionPath, 'server', 'nix4j.jar');
}

export interface ServerLaunch {
  command: string;
  args: string[];
  java: JavaRuntime;
  jar: string;
  /** Places that were passed over while looking for Java (for the log). */
  rejected: Rejection[];
}

export type LaunchResult =
  | { ok: true; launch: ServerLaunch }
  | { ok: false; problem: 'java' | 'jar'; message: string; rejected: Rejection[] };

/** The server's command line for a given Java and jar. */
export function serverCommandLine(java: string, jar: string, settings: Nix4jSettings): { command: string; args: string[] } {
  return { command: java, args: [...settings.server.jvmArgs, '-jar', jar, 'lsp', ...settings.server.extraArgs] };
}

/** Finds Java and the jar and builds the command line, or says what is missing. */
export async function resolveLaunch(
  settings: Nix4jSettings,
  extensionPath: string,
  host: JavaHost,
): Promise<LaunchResult> {
  const jar = settings.server.jar || bundledJar(extensionPath);
  if (!host.isFile(jar)) {
    const message = settings.server.jar
      ? `The server jar set in "nix4j.server.jar" does not exist: ${jar}`
      : `The extension is missing its server (${jar}); reinstall it or set "nix4j.server.jar".`;
    return { ok: false, problem: 'jar', message, rejected: [] };
  }
  const found = await findJava(settings.java.home, host);
  if (!found.ok) return { ok: false, problem: 'java', message: found.message, rejected: found.rejected };
  const { command, args } = serverCommandLine(found.java.executable, jar, settings);
  return { ok: true, launch: { command, args, java: found.java, jar, rejected: found.rejected } };
}

/** The command line as one line for the log, quoted where needed. */
export function formatCommandLine(launch: { command: string; args: string[] }): string {
  return [launch.command, ...launch.args].map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : JSON.stringify(a))).join(' ');
}

/** Starts the server with stdio pipes; the caller speaks LSP on stdin/stdout. */
export function spawnServer(launch: ServerLaunch, cwd?: string): ChildProcessWithoutNullStreams {
  return spawn(launch.command, launch.args, {
    cwd: cwd ?? path.dirname(launch.jar),
    stdio: 'pipe',
    windowsHide: true,
  });
}

/** Runs `java -jar nix4j.jar --help` and resolves to its output (stdout then stderr). */
export function serverHelp(launch: Pick<ServerLaunch, 'java' | 'jar'>, timeoutMs = 30000): Promise<string> {
  return new Promise((resolve) => {
    execFile(
      launch.java.executable,
      ['-jar', launch.jar, '--help'],
      { timeout: timeoutMs, windowsHide: true },
      (_error, stdout, stderr) => resolve(`${stdout}${stderr}`),
    );
  });
}

/** Whether `nix4j --help` lists a subcommand (lines like `  lsp      starts the language server`). */
export function helpListsCommand(help: string, command: string): boolean {
  return new RegExp(`^\\s+${command.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s|$)`, 'm').test(help);
}

/** Keeps the last lines a process wrote to stderr, to say why it stopped. */
export class OutputTail {
  private text = '';

  constructor(private readonly maxChars = 4000) {}

  append(chunk: string): void {
    const text = this.text + chunk;
    if (text.length <= this.maxChars) {
      this.text = text;
      return;
    }
    // Drop the line that the cut splits: a fragment would mislead.
    const cut = text.slice(-this.maxChars);
    const newline = cut.indexOf('\n');
    this.text = newline < 0 ? cut : cut.slice(newline + 1);
  }

  /** The last non-empty lines, at most `count`. */
  lastLines(count: number): string[] {
    return this.text
      .split(/\r?\n/)
      .map((l) => l.trimEnd())
      .filter((l) => l.trim() !== '')
      .slice(-count);
  }
}

/** Why the server stopped, in one line: the exit code or signal and the last line it printed. */
export function crashReason(code: number | null, signal: string | null, tail: OutputTail): string {
  const how = signal ? `killed by ${signal}` : code === null ? 'stopped' : `exited with code ${code}`;
  const last = tail.lastLines(1)[0];
  return last ? `${how}: ${last}` : how;
}

/** Whether a file exists, for callers that have no {@link JavaHost}. */
export function fileExists(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}
