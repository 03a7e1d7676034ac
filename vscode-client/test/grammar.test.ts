/**
 * The TextMate grammar, run by vscode-textmate and vscode-oniguruma as VS Code runs it. Each
 * fixture `test/fixtures/grammar/NAME.nix` has its expected tokens in `NAME.nix.tokens`
 * (`LINE:COLUMN "text" scope…`). After a deliberate change to the grammar, rewrite them with
 * `UPDATE_TOKENS=1 npm test` and review the diff line by line.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { before, describe, test } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import type { IGrammar } from 'vscode-textmate';
import { EXTENSION_ROOT, FIXTURES } from './support/paths';
import { formatTokens, GRAMMAR_PATH, grammarRegexes, loadGrammar, onigLib, tokenize } from './support/textmate';

const GRAMMAR_FIXTURES = path.join(FIXTURES, 'grammar');
const update = process.env.UPDATE_TOKENS === '1';

describe('TextMate grammar', () => {
  let grammar: IGrammar;

  before(async () => {
    grammar = await loadGrammar();
  });

  test('the JSON grammar is the one scripts/grammar.js writes', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const source = require(path.join(EXTENSION_ROOT, 'scripts', 'grammar.js'));
    assert.deepEqual(JSON.parse(fs.readFileSync(GRAMMAR_PATH, 'utf8')), source, 'run `node scripts/grammar.js`');
  });

  test('every regular expression compiles in Oniguruma', async () => {
    await onigLib();
    const raw = JSON.parse(fs.readFileSync(GRAMMAR_PATH, 'utf8'));
    const regexes = grammarRegexes(raw);
    assert.ok(regexes.length > 30, `only ${regexes.length} regexes found`);
    for (const { where, source } of regexes) {
      // Back-references to begin captures (\1 in an end pattern) are substituted by
      // vscode-textmate before compiling; this grammar has none.
      assert.doesNotThrow(() => oniguruma.createOnigScanner([source]).dispose(), `${where}: ${source}`);
    }
  });

  const fixtures = fs
    .readdirSync(GRAMMAR_FIXTURES)
    .filter((f) => f.endsWith('.nix'))
    .sort();

  test('there are fixtures', () => {
    assert.ok(fixtures.length >= 8, `only ${fixtures.length} fixtures`);
  });

  for (const name of fixtures) {
    test(`tokenizes ${name}`, () => {
      const input = fs.readFileSync(path.join(GRAMMAR_FIXTURES, name), 'utf8');
      const { tokens, finalDepth } = tokenize(grammar, input);
      assert.equal(finalDepth, 1, `${name}: a string, comment or brace is still open at the end`);
      const actual = formatTokens(tokens);
      const expectedPath = path.join(GRAMMAR_FIXTURES, `${name}.tokens`);
      if (update) {
        fs.writeFileSync(expectedPath, actual);
        return;
      }
      assert.ok(fs.existsSync(expectedPath), `${expectedPath} is missing (UPDATE_TOKENS=1 npm test writes it)`);
      assert.equal(actual, fs.readFileSync(expectedPath, 'utf8'));
    });
  }
});
