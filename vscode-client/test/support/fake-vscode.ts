/**
 * A stand-in for the `vscode` module, enough to activate the bundled extension in plain Node.js
 * and watch what it does: commands registered and run, messages shown (answered by the test),
 * the status bar item, the output channels. Members it does not define are inert stubs, so that
 * vscode-languageclient loads.
 */
import Module = require('node:module');

export interface Shown {
  kind: 'error' | 'warning' | 'information';
  message: string;
  items: string[];
}

export interface FakeState {
  settings: Record<string, unknown>;
  /** The button the user clicks in the next message, if any. */
  answer?: string;
  shown: Shown[];
  registered: string[];
  executed: Array<{ command: string; args: unknown[] }>;
  output: Map<string, string[]>;
  status: { text: string; tooltip: unknown; command: unknown; visible: boolean };
  /** Every text the status bar item showed, in order. */
  statusHistory: string[];
  /** The active editor: a file and a selection (0-based). */
  editor?: { file: string; start: Position; end: Position };
  /** Documents opened through a content provider (virtual documents), with their text. */
  documents: Array<{ uri: string; text: string }>;
}

interface Position {
  line: number;
  character: number;
}

/** Enough of vscode.Uri for the extension and the language client's converters. */
export class FakeUri {
  constructor(
    readonly scheme: string,
    readonly path: string,
    readonly query = '',
  ) {}
  static file(p: string) {
    return new FakeUri('file', p);
  }
  static parse(s: string) {
    const m = /^([a-z][a-z0-9+.-]*):(?:\/\/)?([^?]*)(?:\?(.*))?$/i.exec(s);
    return m ? new FakeUri(m[1], m[2].startsWith('/') ? m[2] : `/${m[2]}`, m[3] ?? '') : new FakeUri('file', s);
  }
  static from(c: { scheme: string; path?: string; query?: string }) {
    return new FakeUri(c.scheme, c.path ?? '', c.query ?? '');
  }
  get fsPath() {
    return this.path;
  }
  toString() {
    return `${this.scheme}://${this.path}${this.query ? `?${this.query}` : ''}`;
  }
}

export function newState(settings: Record<string, unknown> = {}): FakeState {
  return {
    settings,
    shown: [],
    registered: [],
    executed: [],
    output: new Map(),
    status: { text: '', tooltip: undefined, command: undefined, visible: false },
    statusHistory: [],
    documents: [],
  };
}

const disposable = () => ({ dispose() {} });

function stub(name: string): unknown {
  const target = function () {} as unknown as Record<string | symbol, unknown>;
  return new Proxy(target, {
    get(t, prop) {
      if (prop in t) return t[prop];
      // Not a promise: `await stub` must not wait forever.
      if (typeof prop === 'symbol' || prop === 'then') return undefined;
      return stub(`${name}.${prop}`);
    },
    apply: () => stub(`${name}()`),
    construct: () => ({}),
  });
}

class EventEmitter<T> {
  private listeners: Array<(e: T) => void> = [];
  readonly event = (listener: (e: T) => void) => {
    this.listeners.push(listener);
    return disposable();
  };
  fire(e: T) {
    for (const l of this.listeners) l(e);
  }
  dispose() {
    this.listeners = [];
  }
}

export function fakeVscode(state: () => FakeState): unknown {
  const show = (kind: Shown['kind']) => async (message: string, ...items: string[]) => {
    state().shown.push({ kind, message, items });
    const answer = state().answer;
    return answer !== undefined && items.includes(answer) ? answer : undefined;
  };
  const providers = new Map<string, { provideTextDocumentContent(uri: FakeUri): Promise<string> }>();
  const api: Record<string, unknown> = {
    version: '1.82.0',
    Uri: FakeUri,
    StatusBarAlignment: { Left: 1, Right: 2 },
    ViewColumn: { Beside: -2, Active: -1, One: 1 },
    ThemeColor: class {
      constructor(readonly id: string) {}
    },
    EventEmitter,
    Disposable: class {
      constructor(private readonly fn: () => void) {}
      dispose() {
        this.fn();
      }
      static from() {
        return disposable();
      }
    },
    window: {
      createOutputChannel(name: string) {
        const lines: string[] = [];
        state().output.set(name, lines);
        return {
          name,
          append: (s: string) => lines.push(s),
          appendLine: (s: string) => lines.push(s),
          show() {},
          hide() {},
          clear() {},
          dispose() {},
        };
      },
      createStatusBarItem() {
        const s = state().status;
        return new Proxy(
          { show: () => (s.visible = true), hide: () => (s.visible = false), dispose() {} },
          {
            get: (t, p) => (p in t ? t[p as keyof typeof t] : (s as Record<string, unknown>)[p as string]),
            set: (_t, p, v) => {
              if (p === 'text' && state().statusHistory.at(-1) !== v) state().statusHistory.push(String(v));
              (s as Record<string, unknown>)[p as string] = v;
              return true;
            },
          },
        );
      },
      showErrorMessage: show('error'),
      showWarningMessage: show('warning'),
      showInformationMessage: show('information'),
      get activeTextEditor() {
        const e = state().editor;
        if (!e) return undefined;
        return { document: { uri: FakeUri.file(e.file), languageId: 'nix' }, selection: { start: e.start, end: e.end } };
      },
      showTextDocument: async (doc: unknown) => doc,
    },
    commands: {
      registerCommand(id: string) {
        state().registered.push(id);
        return disposable();
      },
      async executeCommand(command: string, ...args: unknown[]) {
        state().executed.push({ command, args });
        return undefined;
      },
    },
    workspace: {
      getConfiguration: (section: string) => ({
        get: (key: string, fallback?: unknown) => {
          const v = state().settings[`${section}.${key}`];
          return v === undefined ? fallback : v;
        },
      }),
      onDidChangeConfiguration: () => disposable(),
      onDidChangeTextDocument: () => disposable(),
      registerTextDocumentContentProvider: (scheme: string, provider: { provideTextDocumentContent(uri: FakeUri): Promise<string> }) => {
        providers.set(scheme, provider);
        return disposable();
      },
      async openTextDocument(uri: FakeUri) {
        const provider = providers.get(uri.scheme);
        const text = provider ? await provider.provideTextDocumentContent(uri) : '';
        state().documents.push({ uri: uri.toString(), text });
        return { uri };
      },
      asRelativePath: (uri: FakeUri) => uri.path.split('/').at(-1),
      workspaceFolders: undefined,
      textDocuments: [],
    },
  };
  const withStubs = (ns: Record<string, unknown>, name: string) =>
    new Proxy(ns, { get: (t, p) => (typeof p === 'symbol' || p === 'then' ? undefined : p in t ? t[p] : stub(`${name}.${p}`)) });
  for (const ns of ['window', 'commands', 'workspace']) api[ns] = withStubs(api[ns] as Record<string, unknown>, `vscode.${ns}`);
  return withStubs(api, 'vscode');
}

/** Makes `require('vscode')` return `fake` from now on; returns the function that undoes it. */
export function installFakeVscode(fake: unknown): () => void {
  const m = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const original = m._load;
  m._load = function (request: string, ...rest: unknown[]) {
    if (request === 'vscode') return fake;
    return original.call(this, request, ...rest);
  };
  return () => {
    m._load = original;
  };
}
