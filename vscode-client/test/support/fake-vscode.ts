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
  const api: Record<string, unknown> = {
    version: '1.82.0',
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
      activeTextEditor: undefined,
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
      registerTextDocumentContentProvider: () => disposable(),
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
