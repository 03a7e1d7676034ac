/**
 * The names and shapes of nix4j's additions to LSP, shared by the extension and its end-to-end
 * test. Kept free of `vscode` imports so that tests run in plain Node.js.
 */

/** The client id: VS Code reads `nix4j.trace.server` because of it. */
export const CLIENT_ID = 'nix4j';

/** Server → client notification with the server's state, shown in the status bar. */
export const STATUS_NOTIFICATION = 'nix4j/status';

export interface StatusParams {
  /** `starting`, `ready`, `evaluating`, or another state the server names. */
  state: string;
  /** Free text shown in the tooltip, e.g. what is being evaluated. */
  message?: string;
}

/** Client → server request for the syntax tree of a document, answered with text. */
export const SYNTAX_TREE_REQUEST = 'nix4j/syntaxTree';

export interface SyntaxTreeParams {
  uri: string;
}

/** The server's `workspace/executeCommand` command that evaluates an expression. */
export const EVALUATE_COMMAND = 'nix4j.evaluate';

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** The one argument of `nix4j.evaluate`: a document and either a range or a position. */
export type EvaluateArgument = { uri: string; range: Range } | { uri: string; position: Position };
