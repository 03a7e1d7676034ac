/**
 * The argument of the server's `nix4j.evaluate` command and the presentation of its answer and
 * of the `nix4j/syntaxTree` answer. No `vscode` import.
 */
import { EvaluateArgument, Position, Range } from './protocol';

/** A selection evaluates its range; an empty selection evaluates the expression at the cursor. */
export function evaluateArgument(uri: string, selection: Range): EvaluateArgument {
  const empty = selection.start.line === selection.end.line && selection.start.character === selection.end.character;
  if (empty) return { uri, position: copy(selection.start) };
  return { uri, range: { start: copy(selection.start), end: copy(selection.end) } };
}

function copy(p: Position): Position {
  return { line: p.line, character: p.character };
}

export interface EvaluationView {
  /** The full value, for the output channel. */
  text: string;
  /** One line for the notification, cut with `…`. */
  summary: string;
  isError: boolean;
}

const SUMMARY_CHARS = 200;

/**
 * The answer of `nix4j.evaluate` as text. Accepted answers: a string (the value printed as Nix),
 * `{ value, type? }`, or `{ error }`; anything else is shown as JSON.
 */
export function evaluationView(result: unknown): EvaluationView {
  let text: string;
  let type: string | undefined;
  let isError = false;
  if (typeof result === 'string') {
    text = result;
  } else if (result === null || result === undefined) {
    text = '(no value)';
  } else if (typeof result === 'object' && typeof (result as { error?: unknown }).error === 'string') {
    text = (result as { error: string }).error;
    isError = true;
  } else if (typeof result === 'object' && typeof (result as { value?: unknown }).value === 'string') {
    text = (result as { value: string }).value;
    const t = (result as { type?: unknown }).type;
    if (typeof t === 'string' && t !== '') type = t;
  } else {
    text = JSON.stringify(result, null, 2);
  }
  return { text, summary: summarize(text, type, isError), isError };
}

function summarize(text: string, type: string | undefined, isError: boolean): string {
  const oneLine = text.replace(/\s*\n\s*/g, ' ').trim();
  const cut = oneLine.length > SUMMARY_CHARS ? `${oneLine.slice(0, SUMMARY_CHARS - 1)}…` : oneLine;
  if (isError) return `Evaluation failed: ${cut}`;
  return type ? `${cut} :: ${type}` : cut;
}

/** The answer of `nix4j/syntaxTree`: a string, or `{ text }`. */
export function syntaxTreeText(result: unknown): string {
  if (typeof result === 'string') return result;
  if (typeof result === 'object' && result !== null && typeof (result as { text?: unknown }).text === 'string') {
    return (result as { text: string }).text;
  }
  return JSON.stringify(result, null, 2);
}
