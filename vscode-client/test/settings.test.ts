/** Reading settings, what the server is sent, and package.json agreeing with the settings table. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import {
  configurationFor,
  defaultSettings,
  expandNixPathEntry,
  needsRestart,
  readSettings,
  serverSettings,
  SETTINGS,
} from '../src/settings';
import { EXTENSION_ROOT } from './support/paths';

const HOME = '/home/me';

function settingsFrom(values: Record<string, unknown>) {
  return readSettings((key) => values[key], HOME);
}

describe('readSettings', () => {
  test('defaults when nothing is set', () => {
    const { settings, problems } = settingsFrom({});
    assert.deepEqual(problems, []);
    assert.deepEqual(settings, {
      java: { home: '' },
      server: { jar: '', jvmArgs: [], extraArgs: [] },
      nixPath: [],
      eval: { budget: { timeMs: null, steps: null, memoryMb: null } },
      formatter: { command: [] },
      inlayHints: { enable: false },
      trace: { server: 'off' },
      diagnostics: { disabled: [], exclude: [] },
    });
  });

  test('values of the right type are taken, with ~ expanded in paths and the search path', () => {
    const { settings, problems } = settingsFrom({
      'java.home': ' ~/jdk-21 ',
      'server.extraArgs': ['--log', 'debug'],
      nixPath: ['nixpkgs=~/src/nixpkgs', '/etc/nix/path', 'x=https://example.org/x.tar.gz'],
      'eval.budget.timeMs': 500,
      'eval.budget.steps': 1000000,
      'formatter.command': ['nixfmt', '--width=100'],
      'inlayHints.enable': true,
      'trace.server': 'verbose',
      'diagnostics.disabled': ['unused-binding'],
      'diagnostics.exclude': ['**/generated/**'],
    });
    assert.deepEqual(problems, []);
    assert.equal(settings.java.home, '/home/me/jdk-21');
    assert.deepEqual(settings.server.extraArgs, ['--log', 'debug']);
    assert.deepEqual(settings.nixPath, ['nixpkgs=/home/me/src/nixpkgs', '/etc/nix/path', 'x=https://example.org/x.tar.gz']);
    assert.deepEqual(settings.eval.budget, { timeMs: 500, steps: 1000000, memoryMb: null });
    assert.deepEqual(settings.formatter.command, ['nixfmt', '--width=100']);
    assert.equal(settings.inlayHints.enable, true);
    assert.equal(settings.trace.server, 'verbose');
    assert.deepEqual(settings.diagnostics, { disabled: ['unused-binding'], exclude: ['**/generated/**'] });
  });

  test('values of the wrong type fall back to the default and are reported', () => {
    const { settings, problems } = settingsFrom({
      'eval.budget.timeMs': -5,
      'eval.budget.steps': 1.5,
      'eval.budget.memoryMb': '256',
      nixPath: 'nixpkgs=/x',
      'inlayHints.enable': 'yes',
      'trace.server': 'loud',
      'diagnostics.disabled': [1, 2],
    });
    assert.deepEqual(settings.eval.budget, { timeMs: null, steps: null, memoryMb: null });
    assert.deepEqual(settings.nixPath, []);
    assert.equal(settings.inlayHints.enable, false);
    assert.equal(settings.trace.server, 'off');
    assert.deepEqual(problems, [
      'nix4j.nixPath must be a list of strings; using the default',
      'nix4j.eval.budget.timeMs must be a positive integer or null; using the default',
      'nix4j.eval.budget.steps must be a positive integer or null; using the default',
      'nix4j.eval.budget.memoryMb must be a positive integer or null; using the default',
      'nix4j.inlayHints.enable must be true or false; using the default',
      'nix4j.trace.server must be one of off, messages, verbose; using the default',
      'nix4j.diagnostics.disabled must be a list of strings; using the default',
    ]);
  });

  test('search path entries: prefix=path or a plain path', () => {
    assert.equal(expandNixPathEntry('~', HOME), HOME);
    assert.equal(expandNixPathEntry('a=~/b', HOME), 'a=/home/me/b');
    assert.equal(expandNixPathEntry('a=b~/c', HOME), 'a=b~/c');
  });
});

describe('what the server receives', () => {
  const { settings } = settingsFrom({
    nixPath: ['nixpkgs=/src/nixpkgs'],
    'eval.budget.timeMs': 250,
    'diagnostics.disabled': ['unused-with'],
  });

  test('initializationOptions: the nix4j tree without unset budgets', () => {
    const options = serverSettings(settings);
    assert.deepEqual(options.eval, { budget: { timeMs: 250 } });
    assert.deepEqual(options.nixPath, ['nixpkgs=/src/nixpkgs']);
    assert.deepEqual(options.diagnostics, { disabled: ['unused-with'], exclude: [] });
    assert.deepEqual(options.inlayHints, { enable: false });
    assert.ok(!JSON.stringify(options).includes('null'));
  });

  test('workspace/configuration answers sections and dotted paths, null for others', () => {
    assert.deepEqual(configurationFor('nix4j', settings), serverSettings(settings));
    assert.deepEqual(configurationFor(undefined, settings), { nix4j: serverSettings(settings) });
    assert.deepEqual(configurationFor('nix4j.eval.budget', settings), { timeMs: 250 });
    assert.equal(configurationFor('nix4j.eval.budget.timeMs', settings), 250);
    assert.deepEqual(configurationFor('nix4j.nixPath', settings), ['nixpkgs=/src/nixpkgs']);
    assert.equal(configurationFor('nix4j.eval.budget.steps', settings), null);
    assert.equal(configurationFor('nix4j.nixPath.length', settings), null);
    assert.equal(configurationFor('editor', settings), null);
    assert.equal(configurationFor('nix4jx', settings), null);
  });

  test('changes to Java or the server command line need a restart, others do not', () => {
    assert.equal(needsRestart((k) => k === 'nix4j.java.home'), true);
    assert.equal(needsRestart((k) => k === 'nix4j.server.extraArgs'), true);
    assert.equal(needsRestart((k) => k === 'nix4j.nixPath'), false);
    assert.equal(needsRestart((k) => k === 'nix4j.eval.budget.timeMs'), false);
  });
});

describe('package.json declares the settings of the table', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(EXTENSION_ROOT, 'package.json'), 'utf8'));
  const properties: Record<string, { type: string | string[]; default: unknown; enum?: string[] }> =
    manifest.contributes.configuration.properties;

  test('the same keys', () => {
    assert.deepEqual(Object.keys(properties).sort(), SETTINGS.map((s) => `nix4j.${s.key}`).sort());
  });

  for (const spec of SETTINGS) {
    test(`nix4j.${spec.key}: same type and default`, () => {
      const p = properties[`nix4j.${spec.key}`];
      assert.ok(p, 'missing');
      assert.deepEqual(p.default, spec.default);
      const expectedType = {
        string: 'string',
        path: 'string',
        'string[]': 'array',
        boolean: 'boolean',
        'positiveInt?': ['integer', 'null'],
        enum: 'string',
      }[spec.kind];
      assert.deepEqual(p.type, expectedType);
      if (spec.kind === 'enum') assert.deepEqual(p.enum, spec.values);
      // The value VS Code hands back for an unset key is the declared default: it must read cleanly.
      assert.deepEqual(readSettings((k) => (k === spec.key ? p.default : undefined)).problems, []);
    });
  }

  test('the defaults read from package.json are the defaults', () => {
    const fromManifest = readSettings((k) => properties[`nix4j.${k}`]?.default);
    assert.deepEqual(fromManifest.settings, defaultSettings());
  });
});
