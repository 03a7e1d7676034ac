/**
 * The snippets: each expands (with its defaults) to Nix that parses. The parser is real Nix
 * (`nix-instantiate --parse`) where it is installed, else nix4j's own `parse` command from the
 * server jar; the test is skipped when neither is there.
 */
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync, SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { nodeJavaHost, findJava } from '../src/java';
import { bundledJar, helpListsCommand, serverHelp } from '../src/launch';
import { EXTENSION_ROOT } from './support/paths';
import { expandSnippet } from './support/snippets';

const snippets: Record<string, { prefix: string; body: string[]; description: string }> = JSON.parse(
  fs.readFileSync(path.join(EXTENSION_ROOT, 'snippets', 'nix.json'), 'utf8'),
);

describe('snippet expansion', () => {
  test('placeholders, mirrors, choices and escapes', () => {
    assert.equal(expandSnippet('let ${1:x} = ${2:1}; in $1'), 'let x = 1; in x');
    assert.equal(expandSnippet('${0:$1} ${1:a}'), 'a a');
    assert.equal(expandSnippet('${1|one,two|} \\${x\\} \\\\'), 'one ${x} \\');
    assert.equal(expandSnippet('[ $5]'), '[ ]');
  });
});

/** A command that parses Nix given with -E, or why there is none. */
async function nixParser(): Promise<{ argv: string[]; name: string } | { skip: string }> {
  if (spawnSync('nix-instantiate', ['--version']).status === 0) return { argv: ['nix-instantiate', '--parse', '-E'], name: 'nix-instantiate' };
  const jar = bundledJar(EXTENSION_ROOT);
  if (!fs.existsSync(jar)) return { skip: `neither nix-instantiate nor ${jar} is there` };
  const java = await findJava('', nodeJavaHost());
  if (!java.ok) return { skip: java.message };
  const help = await serverHelp({ java: java.java, jar });
  if (!helpListsCommand(help, 'parse')) return { skip: 'nix-instantiate is not installed and nix4j.jar has no `parse` command yet' };
  return { argv: [java.java.executable, '-jar', jar, 'parse', '-E'], name: 'nix4j parse' };
}

/** Snippets that are bindings inside a set rather than expressions. */
const BINDINGS = ['inherit from'];

describe('snippets', () => {
  test('there are snippets for the common forms', () => {
    const prefixes = Object.values(snippets).map((s) => s.prefix);
    for (const p of ['let', 'with', 'fn', 'if', 'set', 'mkDerivation']) assert.ok(prefixes.includes(p), p);
    for (const [name, s] of Object.entries(snippets)) assert.ok(s.description && s.body.length > 0, name);
  });

  test('every snippet expands to Nix that parses', async (t) => {
    const parser = await nixParser();
    if ('skip' in parser) {
      t.skip(parser.skip);
      return;
    }
    // One run for all: `with {};` lets names stay free, as they are in a snippet.
    const expansions = Object.entries(snippets).map(([name, s]) => {
      const text = expandSnippet(s.body.join('\n'));
      return { name, text: BINDINGS.includes(name) ? `{\n${text}\n}` : text };
    });
    const all = `[\n${expansions.map((e) => `(with {}; (\n${e.text}\n))`).join('\n')}\n]`;
    try {
      execFileSync(parser.argv[0], [...parser.argv.slice(1), all], { stdio: 'pipe', timeout: 60000 });
    } catch (e) {
      const err = e as { stderr?: Buffer };
      // Find the culprit for a readable failure.
      for (const x of expansions) {
        const r: SpawnSyncReturns<Buffer> = spawnSync(parser.argv[0], [...parser.argv.slice(1), `with {}; (\n${x.text}\n)`], { timeout: 60000 });
        assert.equal(r.status, 0, `snippet "${x.name}" does not parse (${parser.name}):\n${x.text}\n${r.stderr}`);
      }
      assert.fail(`the snippets do not parse together: ${err.stderr}`);
    }
  });
});
