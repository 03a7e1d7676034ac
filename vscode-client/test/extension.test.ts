/**
 * The bundled extension (dist/extension.js) activated against a stand-in for VS Code: what the
 * user sees when Java or the server is missing, that every command is registered, and, with
 * the real vscode-languageclient in a process of its own, a server that dies at start and the
 * real server going from starting to ready and back to stopped.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Commands, OPEN_SETTINGS } from '../src/commands';
import { fakeVscode, FakeState, installFakeVscode, newState } from './support/fake-vscode';
import { EXTENSION_ROOT, FIXTURES } from './support/paths';
import { lspServerOrSkip } from './support/server';
import type { Run, RunResult } from './support/run-extension';

interface Extension {
  activate(context: unknown): Promise<void>;
  deactivate(): Promise<void>;
}

const BUNDLE = path.join(EXTENSION_ROOT, 'dist', 'extension.js');

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  assert.ok(check(), `timed out waiting for ${what}`);
}

describe('the bundled extension in a stand-in VS Code', { skip: !fs.existsSync(BUNDLE) && 'dist/extension.js is not built (npm run build)' }, () => {
  let state: FakeState = newState();
  let uninstall: () => void;
  let extension: Extension;
  let home: string;
  const savedEnv = { PATH: process.env.PATH, JAVA_HOME: process.env.JAVA_HOME };

  before(() => {
    uninstall = installFakeVscode(fakeVscode(() => state));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    extension = require(BUNDLE) as Extension;
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'nix4j-ext-'));
  });

  after(() => {
    uninstall();
    process.env.PATH = savedEnv.PATH;
    if (savedEnv.JAVA_HOME === undefined) delete process.env.JAVA_HOME;
    else process.env.JAVA_HOME = savedEnv.JAVA_HOME;
    fs.rmSync(home, { recursive: true, force: true });
  });

  function context(extensionPath: string) {
    return { extensionPath, subscriptions: [] as Array<{ dispose(): void }> };
  }

  test('without Java: an error that says what is needed, and a button that opens nix4j.java.home', async () => {
    const ext = path.join(home, 'with-jar');
    fs.mkdirSync(path.join(ext, 'server'), { recursive: true });
    fs.writeFileSync(path.join(ext, 'server', 'nix4j.jar'), 'not really a jar');
    state = newState({ 'nix4j.java.home': path.join(home, 'no-such-jdk') });
    state.answer = 'Open Settings';
    process.env.PATH = path.join(home, 'empty-bin');
    delete process.env.JAVA_HOME;

    const ctx = context(ext);
    await extension.activate(ctx);
    await until(() => state.executed.length > 0, 'the settings to open');

    assert.deepEqual([...state.registered].sort(), Object.values(Commands).sort());
    assert.equal(state.shown.length, 1);
    const [shown] = state.shown;
    assert.equal(shown.kind, 'error');
    assert.match(shown.message, /needs Java 17 or newer/);
    assert.match(shown.message, /nix4j\.java\.home .*no-such-jdk: does not exist/);
    assert.deepEqual(shown.items, ['Open Settings', 'Show Output']);
    assert.deepEqual(state.executed, [{ command: OPEN_SETTINGS, args: ['nix4j.java.home'] }]);
    assert.equal(state.status.text, '$(error) nix4j: needs Java 17+');
    assert.equal(state.status.visible, true);
    assert.ok(state.output.get('nix4j')!.some((l) => l.includes('passed over Java: nix4j.java.home')));

    await extension.deactivate();
    for (const d of ctx.subscriptions) d.dispose();
  });

  test('without the server jar: an error with a button to nix4j.server.jar', async () => {
    state = newState({ 'nix4j.server.jar': path.join(home, 'missing.jar') });
    state.answer = 'Open Settings';
    process.env.PATH = savedEnv.PATH;

    const ctx = context(path.join(home, 'no-jar'));
    await extension.activate(ctx);
    await until(() => state.executed.length > 0, 'the settings to open');

    assert.match(state.shown[0].message, /"nix4j\.server\.jar" does not exist/);
    assert.deepEqual(state.executed, [{ command: OPEN_SETTINGS, args: ['nix4j.server.jar'] }]);
    assert.equal(state.status.text, '$(error) nix4j: crashed');
    await extension.deactivate();
    for (const d of ctx.subscriptions) d.dispose();
  });
});

/** Runs the extension in its own process (see support/run-extension.ts) and returns what happened. */
function runExtension(run: Run): RunResult {
  const script = path.join(__dirname, 'support', 'run-extension.js');
  const stdout = execFileSync(process.execPath, ['--unhandled-rejections=warn', script, JSON.stringify(run)], {
    encoding: 'utf8',
    timeout: run.timeoutMs * 3 + 30000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as RunResult;
}

describe('the bundled extension with vscode-languageclient', { skip: !fs.existsSync(BUNDLE) && 'dist/extension.js is not built (npm run build)' }, () => {
  test('a server that dies at start: crashed with its last words, one message, no restart loop', () => {
    // `java -jar` on a file that is not a jar exits at once with an error.
    const result = runExtension({
      settings: { 'nix4j.server.jar': path.join(EXTENSION_ROOT, 'package.json') },
      extensionPath: EXTENSION_ROOT,
      waitFor: 'crashed',
      timeoutMs: 20000,
    });
    assert.ok(result.statuses.includes('$(sync~spin) nix4j: starting'), result.statuses.join(' | '));
    assert.ok(result.statuses.includes('$(error) nix4j: crashed'), result.statuses.join(' | '));
    assert.match(result.tooltip, /exited with code 1: Error: Invalid or corrupt jarfile/);
    assert.equal(result.shown.length, 1, JSON.stringify(result.shown));
    assert.equal(result.output.filter((l) => l.includes('] starting: ')).length, 1, 'the server was started again');
  });

  test('the real server: starting, then ready; stopped after deactivation', async (t) => {
    if (!(await lspServerOrSkip(t))) return;
    const result = runExtension({ settings: {}, extensionPath: EXTENSION_ROOT, waitFor: '$(check)', timeoutMs: 30000 });
    assert.ok(result.statuses.includes('$(check) nix4j'), `never ready: ${result.statuses.join(' | ')}\n${result.output.join('\n')}`);
    assert.equal(result.finalStatus, '$(circle-slash) nix4j: stopped');
    assert.deepEqual(result.shown, []);
  });

  test('the real server killed: crashed with the signal, restarted, ready again', { skip: process.platform !== 'linux' && 'finds the server process through /proc' }, async (t) => {
    if (!(await lspServerOrSkip(t))) return;
    const result = runExtension({
      settings: {},
      extensionPath: EXTENSION_ROOT,
      waitFor: '$(check)',
      timeoutMs: 30000,
      then: { killServer: true, waitFor: '$(check)' },
    });
    const history = result.statuses.join(' | ');
    const crashed = result.statuses.indexOf('$(error) nix4j: crashed');
    assert.ok(crashed > 0, `no crash seen: ${history}`);
    assert.ok(result.statuses.slice(crashed).includes('$(check) nix4j'), `not ready again: ${history}`);
    assert.ok(result.output.some((l) => l.includes('killed by SIGKILL')), result.output.join('\n'));
    assert.deepEqual(result.shown, []);
  });

  const values = path.join(FIXTURES, 'e2e', 'values.nix');

  test('the real server: Evaluate Selection at `y` of test/fixtures/e2e/values.nix gives 6 (as Nix does)', async (t) => {
    if (!(await lspServerOrSkip(t))) return;
    const at = { line: 2, character: 2 };
    const result = runExtension({
      settings: {},
      extensionPath: EXTENSION_ROOT,
      waitFor: '$(check)',
      timeoutMs: 30000,
      editor: { file: values, start: at, end: at },
      then: { command: Commands.evaluateSelection, waitFor: '$(check)' },
    });
    assert.ok(result.evaluations.some((l) => /(^|[^0-9.])6([^0-9.]|$)/.test(l)), `evaluation output: ${JSON.stringify(result.evaluations)}`);
    const info = result.shown.filter((s) => s.kind === 'information');
    assert.equal(info.length, 1, JSON.stringify(result.shown));
    assert.match(info[0].message, /(^|[^0-9.])6([^0-9.]|$)/);
  });

  test('the real server: Show Syntax Tree opens a virtual document with the tree of values.nix', async (t) => {
    if (!(await lspServerOrSkip(t))) return;
    const at = { line: 0, character: 0 };
    const result = runExtension({
      settings: {},
      extensionPath: EXTENSION_ROOT,
      waitFor: '$(check)',
      timeoutMs: 30000,
      editor: { file: values, start: at, end: at },
      then: { command: Commands.showSyntaxTree, waitFor: '$(check)' },
    });
    assert.equal(result.documents.length, 1, JSON.stringify(result.documents));
    const [doc] = result.documents;
    assert.ok(doc.uri.startsWith('nix4j-syntax-tree:'), doc.uri);
    assert.ok(doc.uri.includes('values.nix.tree'), doc.uri);
    assert.ok(doc.text.trim().length > 0 && !doc.text.startsWith('(the'), `tree: ${doc.text}`);
  });
});
