/**
 * Expands a VS Code snippet body as VS Code would when every placeholder keeps its default:
 * `${1:text}` gives text, `$1`/`${1}` repeat what placeholder 1 gave, `${1|a,b|}` gives a,
 * `\$`, `\}` and `\\` are escapes.
 */
export function expandSnippet(body: string): string {
  const values = new Map<string, string>();
  // First pass: the defaults of numbered placeholders (a mirror may come before its placeholder).
  expand(body, values, true);
  return expand(body, values, false);
}

function expand(text: string, values: Map<string, string>, collecting: boolean): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length && '$}\\'.includes(text[i + 1])) {
      out += text[i + 1];
      i += 2;
    } else if (c === '$' && /[0-9]/.test(text[i + 1] ?? '')) {
      const m = /^\$([0-9]+)/.exec(text.slice(i))!;
      out += values.get(m[1]) ?? '';
      i += m[0].length;
    } else if (c === '$' && text[i + 1] === '{') {
      const close = matchingBrace(text, i + 1);
      const inner = text.slice(i + 2, close);
      const m = /^([0-9]+)(?::([\s\S]*)|\|([^|]*)\|)?$/.exec(inner);
      if (!m) throw new Error(`unsupported snippet syntax: \${${inner}}`);
      const value = m[2] !== undefined ? expand(m[2], values, collecting) : m[3] !== undefined ? m[3].split(',')[0] : values.get(m[1]) ?? '';
      if (collecting && (m[2] !== undefined || m[3] !== undefined) && !values.has(m[1])) values.set(m[1], value);
      out += value;
      i = close + 1;
    } else {
      out += c;
      i += 1;
    }
  }
  return out;
}

/** The `}` that closes the `${` whose `{` is at `open`; a plain `{` in text does not nest. */
function matchingBrace(text: string, open: number): number {
  let depth = 1;
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] === '\\') {
      i++;
    } else if (text[i] === '$' && text[i + 1] === '{') {
      depth++;
      i++;
    } else if (text[i] === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  throw new Error(`unclosed \${ in snippet: ${text}`);
}
