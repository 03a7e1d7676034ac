/**
 * The bundled extension (dist/extension.js) activated against a stand-in for VS Code: what the
 * user sees when Java or the server is missing, and that every command is registered.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Commands, OPEN_SETTINGS } from '../src/commands';
import { fakeVscode, FakeState, installFakeVscode, newState } from './support/fake-vscode';
import { EXTENSION_ROOT } from './support/paths';

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
