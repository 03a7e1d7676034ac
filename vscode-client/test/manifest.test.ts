/**
 * package.json and the files it names: the language, grammar, snippets and language
 * configuration exist and hang together; commands match the code; versions are pinned exactly.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { Commands } from '../src/commands';
import { EXTENSION_ROOT, FIXTURES } from './support/paths';

const manifest = JSON.parse(fs.readFileSync(path.join(EXTENSION_ROOT, 'package.json'), 'utf8'));
const lock = JSON.parse(fs.readFileSync(path.join(EXTENSION_ROOT, 'package-lock.json'), 'utf8'));
const languageConfiguration = JSON.parse(fs.readFileSync(path.join(EXTENSION_ROOT, 'language-configuration.json'), 'utf8'));

describe('package.json', () => {
  test('every npm version is pinned exactly, and the lock file agrees', () => {
    for (const kind of ['dependencies', 'devDependencies']) {
      for (const [name, version] of Object.entries<string>(manifest[kind])) {
        assert.match(version, /^\d+\.\d+\.\d+$/, `${name}@${version} is not an exact version`);
        assert.equal(lock.packages[`node_modules/${name}`]?.version, version, `package-lock.json has another ${name}`);
      }
    }
    assert.deepEqual(lock.packages[''].dependencies, manifest.dependencies);
    assert.deepEqual(lock.packages[''].devDependencies, manifest.devDependencies);
  });

  test('@types/vscode is the lowest VS Code the extension says it runs on', () => {
    assert.equal(`^${manifest.devDependencies['@types/vscode']}`, manifest.engines.vscode);
  });

  test('the nix language for .nix files, with its grammar, configuration and snippets', () => {
    const [language] = manifest.contributes.languages;
    assert.equal(language.id, 'nix');
    assert.deepEqual(language.extensions, ['.nix']);
    const [grammar] = manifest.contributes.grammars;
    assert.equal(grammar.language, 'nix');
    const grammarJson = JSON.parse(fs.readFileSync(path.join(EXTENSION_ROOT, grammar.path), 'utf8'));
    assert.equal(grammarJson.scopeName, grammar.scopeName);
    assert.ok(fs.existsSync(path.join(EXTENSION_ROOT, language.configuration)));
    assert.ok(fs.existsSync(path.join(EXTENSION_ROOT, manifest.contributes.snippets[0].path)));
    assert.ok(manifest.activationEvents.includes('onLanguage:nix'));
  });

  test('the commands contributed are the commands the code registers', () => {
    const declared = manifest.contributes.commands.map((c: { command: string }) => c.command).sort();
    assert.deepEqual(declared, Object.values(Commands).sort());
    for (const c of manifest.contributes.commands) assert.equal(c.category, 'nix4j');
  });

  test('the bundle is the main file, and the package keeps sources out', () => {
    assert.equal(manifest.main, './dist/extension.js');
    const lines = fs
      .readFileSync(path.join(EXTENSION_ROOT, '.vscodeignore'), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '' && !l.startsWith('#'));
    assert.equal(lines[0], '**', '.vscodeignore is an allow list: everything out, then what goes in');
    const kept = lines.slice(1).map((l) => l.replace(/^!/, ''));
    for (const file of [manifest.main.replace('./', ''), 'server/nix4j.jar', 'syntaxes/nix.tmLanguage.json', 'language-configuration.json']) {
      assert.ok(kept.includes(file), `${file} is not packaged`);
    }
  });
});

describe('language configuration', () => {
  test('comments toggle with # and /* */', () => {
    assert.equal(languageConfiguration.comments.lineComment, '#');
    assert.deepEqual(languageConfiguration.comments.blockComment, ['/*', '*/']);
  });

  test("'' and ${ close themselves", () => {
    const pairs = languageConfiguration.autoClosingPairs.map((p: { open: string; close: string }) => `${p.open}…${p.close}`);
    for (const pair of ["''…''", '${…}', '{…}', '[…]', '(…)', '"…"']) assert.ok(pairs.includes(pair), pair);
  });

  const increase = new RegExp(languageConfiguration.indentationRules.increaseIndentPattern);
  const decrease = new RegExp(languageConfiguration.indentationRules.decreaseIndentPattern);
  const cases: Array<{ line: string; increase: boolean; decrease: boolean }> = JSON.parse(
    fs.readFileSync(path.join(FIXTURES, 'language', 'indentation.json'), 'utf8'),
  );
  for (const c of cases) {
    test(`indentation after ${JSON.stringify(c.line)}`, () => {
      assert.equal(increase.test(c.line), c.increase, 'increase');
      assert.equal(decrease.test(c.line), c.decrease, 'decrease');
    });
  }

  test('the word pattern takes identifiers with - and \' whole, and numbers', () => {
    const word = new RegExp(languageConfiguration.wordPattern, 'g');
    assert.deepEqual('foo-bar x\' 1.5 -2 a_b'.match(word), ['foo-bar', "x'", '1.5', '-2', 'a_b']);
  });
});
