/**
 * Loads the extension's TextMate grammar with the libraries VS Code itself uses
 * (vscode-textmate on the Oniguruma regex engine compiled to WebAssembly) and prints the
 * tokens of a text in the format of the `.tokens` files next to the grammar fixtures.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';
import { EXTENSION_ROOT } from './paths';

export const GRAMMAR_PATH = path.join(EXTENSION_ROOT, 'syntaxes', 'nix.tmLanguage.json');
export const ROOT_SCOPE = 'source.nix';

let onig: Promise<vsctm.IOnigLib> | undefined;

/** The Oniguruma library, loaded once per process. */
export function onigLib(): Promise<vsctm.IOnigLib> {
  if (!onig) {
    const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    onig = oniguruma.loadWASM(wasm).then(() => ({
      createOnigScanner: (patterns: string[]) => oniguruma.createOnigScanner(patterns),
      createOnigString: (s: string) => oniguruma.createOnigString(s),
    }));
  }
  return onig;
}

export async function loadGrammar(): Promise<vsctm.IGrammar> {
  const registry = new vsctm.Registry({
    onigLib: onigLib(),
    loadGrammar: async (scopeName) =>
      scopeName === ROOT_SCOPE ? vsctm.parseRawGrammar(fs.readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH) : null,
  });
  const grammar = await registry.loadGrammar(ROOT_SCOPE);
  if (!grammar) throw new Error(`could not load ${GRAMMAR_PATH}`);
  return grammar;
}

export interface Token {
  line: number;
  column: number;
  text: string;
  scopes: string[];
}

export interface Tokenized {
  tokens: Token[];
  /** The depth of the rule stack after the last line: 1 when every string, comment and brace was closed. */
  finalDepth: number;
}

export function tokenize(grammar: vsctm.IGrammar, text: string): Tokenized {
  const lines = text.split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  let state = vsctm.INITIAL;
  const tokens: Token[] = [];
  lines.forEach((lineText, i) => {
    const r = grammar.tokenizeLine(lineText, state, 5000);
    if (r.stoppedEarly) throw new Error(`tokenizing line ${i + 1} took too long`);
    for (const t of r.tokens) {
      const end = Math.min(t.endIndex, lineText.length);
      if (end <= t.startIndex) continue;
      tokens.push({ line: i + 1, column: t.startIndex + 1, text: lineText.slice(t.startIndex, end), scopes: t.scopes.slice(1) });
    }
    state = r.ruleStack;
  });
  return { tokens, finalDepth: state.depth };
}

/**
 * One line per token, `LINE:COLUMN "text" scope…` (the root scope left out). Whitespace outside
 * strings and comments is left out: it carries no scope worth checking.
 */
export function formatTokens(tokens: Token[]): string {
  const out: string[] = [];
  for (const t of tokens) {
    const meaningful = t.scopes.some((s) => s.startsWith('string') || s.startsWith('comment'));
    if (t.text.trim() === '' && !meaningful) continue;
    out.push(`${t.line}:${t.column} ${JSON.stringify(t.text)}${t.scopes.length ? ' ' + t.scopes.join(' ') : ''}`);
  }
  return out.join('\n') + '\n';
}

/** Every regular expression in a raw grammar (match, begin, end, while), with where it is. */
export function grammarRegexes(raw: unknown): Array<{ where: string; source: string }> {
  const found: Array<{ where: string; source: string }> = [];
  const walk = (node: unknown, where: string): void => {
    if (Array.isArray(node)) {
      node.forEach((n, i) => walk(n, `${where}[${i}]`));
    } else if (typeof node === 'object' && node !== null) {
      for (const [k, v] of Object.entries(node)) {
        if (['match', 'begin', 'end', 'while'].includes(k) && typeof v === 'string') found.push({ where: `${where}.${k}`, source: v });
        else walk(v, `${where}.${k}`);
      }
    }
  };
  walk(raw, '$');
  return found;
}
