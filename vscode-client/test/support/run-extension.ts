/**
 * Runs the bundled extension in a stand-in VS Code in a process of its own, as VS Code's
 * extension host would (which logs unhandled promise rejections instead of dying: run it with
 * `node --unhandled-rejections=warn`). Reads a {@link Run} as JSON from argv[2], activates,
 * waits until the status bar text contains `waitFor`, optionally runs a command and waits
 * again, deactivates, and prints what happened as JSON on the last line of stdout.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fakeVscode, installFakeVscode, newState } from './fake-vscode';
import { EXTENSION_ROOT } from './paths';

export interface Run {
  settings: Record<string, unknown>;
  extensionPath: string;
  waitFor: string;
  timeoutMs: number;
  /** Then run a command, or kill the server process (Linux: found through /proc), and wait again. */
  then?: { command?: string; killServer?: boolean; waitFor: string };
  /** The active editor while the command runs. */
  editor?: { file: string; start: { line: number; character: number }; end: { line: number; character: number } };
}

export interface RunResult {
  statuses: string[];
  tooltip: string;
  shown: Array<{ kind: string; message: string }>;
  output: string[];
  evaluations: string[];
  documents: Array<{ uri: string; text: string }>;
  finalStatus: string;
}

async function main(): Promise<void> {
  const run: Run = JSON.parse(process.argv[2]);
  const state = newState(run.settings);
  state.editor = run.editor;
  const commands = new Map<string, (...args: unknown[]) => unknown>();
  const fake = fakeVscode(() => state) as { commands: { registerCommand: unknown } };
  // Keep the command handlers, to run one.
  const register = fake.commands.registerCommand as (id: string, fn: (...a: unknown[]) => unknown) => unknown;
  (fake.commands as Record<string, unknown>).registerCommand = (id: string, fn: (...a: unknown[]) => unknown) => {
    commands.set(id, fn);
    return register(id, fn);
  };
  installFakeVscode(fake);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const extension = require(path.join(EXTENSION_ROOT, 'dist', 'extension.js'));
  const until = async (text: string) => {
    const end = Date.now() + run.timeoutMs;
    while (Date.now() < end && !String(state.status.text).includes(text)) await new Promise((r) => setTimeout(r, 20));
  };
  await extension.activate({ extensionPath: run.extensionPath, subscriptions: [] });
  await until(run.waitFor);
  if (run.then) {
    if (run.then.command) await commands.get(run.then.command)?.();
    if (run.then.killServer) {
      const before = state.statusHistory.length;
      for (const pid of childPids()) process.kill(pid, 'SIGKILL');
      // Wait for the status to leave the current state before waiting for the target.
      const end = Date.now() + run.timeoutMs;
      while (Date.now() < end && state.statusHistory.length === before) await new Promise((r) => setTimeout(r, 20));
    }
    await until(run.then.waitFor);
  }
  const tooltip = String(state.status.tooltip);
  await extension.deactivate();
  const result: RunResult = {
    statuses: state.statusHistory,
    tooltip,
    shown: state.shown.map((s) => ({ kind: s.kind, message: s.message })),
    output: state.output.get('nix4j') ?? [],
    evaluations: state.output.get('nix4j evaluation') ?? [],
    documents: state.documents,
    finalStatus: state.status.text,
  };
  process.stdout.write(`\n${JSON.stringify(result)}\n`);
  // Timers of the language client may linger; the run is over.
  process.exit(0);
}

/** The processes whose parent is this one. */
function childPids(): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // /proc/PID/stat: "pid (comm) state ppid …"; comm may hold spaces, so split after ')'.
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === process.pid) pids.push(Number(entry));
    } catch {
      // The process ended meanwhile.
    }
  }
  return pids;
}

void main();
