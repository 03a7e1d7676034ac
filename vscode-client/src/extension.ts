/**
 * The VS Code glue: starts the nix4j language server through the launch code in launch.ts,
 * shows its state in the status bar, and contributes the commands. Everything that can be
 * decided without VS Code lives in the modules it imports, where unit tests reach it.
 */
import type { ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  CloseAction,
  CloseHandlerResult,
  ErrorAction,
  ErrorHandlerResult,
  ExecuteCommandRequest,
  LanguageClient,
  LanguageClientOptions,
  RevealOutputChannelOn,
  State,
} from 'vscode-languageclient/node';
import { Commands, OPEN_SETTINGS } from './commands';
import { evaluateArgument, evaluationView, syntaxTreeText } from './evaluate';
import { describeRejection, nodeJavaHost } from './java';
import { crashReason, formatCommandLine, OutputTail, resolveLaunch, ServerLaunch, spawnServer } from './launch';
import { CLIENT_ID, EVALUATE_COMMAND, STATUS_NOTIFICATION, SYNTAX_TREE_REQUEST } from './protocol';
import { configurationFor, needsRestart, Nix4jSettings, readSettings, SECTION, serverSettings } from './settings';
import { parseStatus, statusView } from './status';

const SYNTAX_TREE_SCHEME = 'nix4j-syntax-tree';
/** More crashes than this within {@link CRASH_WINDOW_MS} and the server is not restarted again. */
const MAX_RESTARTS = 4;
const CRASH_WINDOW_MS = 3 * 60 * 1000;

let extension: Nix4jExtension | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  extension = new Nix4jExtension(context);
  context.subscriptions.push(extension);
  await extension.start();
}

export async function deactivate(): Promise<void> {
  await extension?.stop();
  extension = undefined;
}

class Nix4jExtension implements vscode.Disposable {
  private readonly output = vscode.window.createOutputChannel('nix4j');
  private readonly evaluations = vscode.window.createOutputChannel('nix4j evaluation');
  private readonly status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 0);
  private readonly syntaxTrees = new SyntaxTreeProvider(this);
  private readonly disposables: vscode.Disposable[] = [];
  private client: LanguageClient | undefined;
  private settings: Nix4jSettings;
  /** The state last reported by the server, shown again after a local "evaluating". */
  private serverState: { state: string; message?: string } = { state: 'starting' };
  private crashes: number[] = [];
  /** The server process started last. */
  private serverProcess: ChildProcess | undefined;
  /** Resolves with why the last server process exited. */
  private serverExit: Promise<string> = new Promise(() => undefined);
  /** Whether the server got to answer `initialize` since it was last started by {@link start}. */
  private ranSinceStart = false;
  private stopping = false;

  constructor(private readonly context: vscode.ExtensionContext) {
    this.settings = this.readSettings();
    this.status.name = 'nix4j';
    this.showState('starting');
    this.status.show();
    this.disposables.push(
      this.output,
      this.evaluations,
      this.status,
      vscode.commands.registerCommand(Commands.restartServer, () => this.restart()),
      vscode.commands.registerCommand(Commands.evaluateSelection, () => this.evaluateSelection()),
      vscode.commands.registerCommand(Commands.showSyntaxTree, () => this.showSyntaxTree()),
      vscode.commands.registerCommand(Commands.showOutput, () => this.output.show(true)),
      vscode.workspace.registerTextDocumentContentProvider(SYNTAX_TREE_SCHEME, this.syntaxTrees),
      vscode.workspace.onDidChangeTextDocument((e) => this.syntaxTrees.sourceChanged(e.document.uri)),
      vscode.workspace.onDidChangeConfiguration((e) => this.configurationChanged(e)),
    );
  }

  dispose(): void {
    void this.stop();
    for (const d of this.disposables) d.dispose();
  }

  private readSettings(): Nix4jSettings {
    const config = vscode.workspace.getConfiguration(SECTION);
    const { settings, problems } = readSettings((key) => config.get(key));
    for (const p of problems) this.log(`warning: ${p}`);
    return settings;
  }

  private log(line: string): void {
    this.output.appendLine(`[${new Date().toLocaleTimeString()}] ${line}`);
  }

  private showState(state: string, message?: string): void {
    const view = statusView(state, message);
    this.status.text = view.text;
    this.status.tooltip = view.tooltip;
    this.status.backgroundColor =
      view.severity === 'error'
        ? new vscode.ThemeColor('statusBarItem.errorBackground')
        : view.severity === 'warning'
          ? new vscode.ThemeColor('statusBarItem.warningBackground')
          : undefined;
    this.status.command = state === 'crashed' || state === 'stopped' ? Commands.restartServer : Commands.showOutput;
  }

  /** Finds Java and starts the server; tells the user what is missing when it cannot. */
  async start(): Promise<void> {
    this.settings = this.readSettings();
    this.ranSinceStart = false;
    this.serverState = { state: 'starting' };
    this.showState('starting');
    const found = await resolveLaunch(this.settings, this.context.extensionPath, nodeJavaHost());
    for (const r of found.ok ? found.launch.rejected : found.rejected) this.log(`passed over Java: ${describeRejection(r)}`);
    if (!found.ok) {
      this.log(found.message);
      this.showState(found.problem === 'java' ? 'noJava' : 'crashed', found.message);
      void this.offerSetting(found.message, found.problem === 'java' ? `${SECTION}.java.home` : `${SECTION}.server.jar`);
      return;
    }
    const launch = found.launch;
    this.log(`Java ${launch.java.version} (${launch.java.source}): ${launch.java.executable}`);
    this.log(`starting: ${formatCommandLine(launch)}`);
    const client = new LanguageClient(CLIENT_ID, 'nix4j', () => this.spawn(launch), this.clientOptions());
    this.client = client;
    client.onNotification(STATUS_NOTIFICATION, (params: unknown) => {
      const status = parseStatus(params);
      if (!status) return;
      this.serverState = status;
      this.showState(status.state, status.message);
    });
    client.onDidChangeState((e) => {
      if (e.newState === State.Starting) {
        this.serverState = { state: 'starting' };
        this.showState('starting');
      } else if (e.newState === State.Running) {
        this.ranSinceStart = true;
      }
      if (e.newState === State.Running && this.serverState.state === 'starting') {
        // A server that sends no `nix4j/status` is ready once initialized.
        this.serverState = { state: 'ready' };
        this.showState('ready');
      }
    });
    try {
      await client.start();
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      this.log(`the server did not start: ${message}`);
      // The process's exit (code and last words) says more than the broken pipe does.
      const exit = await Promise.race([this.serverExit, new Promise<undefined>((r) => setTimeout(() => r(undefined), 2000))]);
      this.serverState = { state: 'crashed', message: exit ?? message };
      this.showState('crashed', exit ?? message);
    }
  }

  private async spawn(launch: ServerLaunch) {
    const cwd = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? path.dirname(launch.jar);
    const child = spawnServer(launch, cwd);
    this.serverProcess = child;
    const tail = new OutputTail();
    child.stderr.on('data', (data: Buffer) => tail.append(data.toString('utf8')));
    child.on('error', (e) => this.log(`could not start the server: ${e.message}`));
    // Writing to a server that has exited gives EPIPE: not worth an uncaught error.
    child.stdin.on('error', (e) => this.log(`writing to the server: ${e.message}`));
    let exited: (reason: string) => void = () => undefined;
    this.serverExit = new Promise((resolve) => (exited = resolve));
    child.on('exit', (code, signal) => {
      const reason = crashReason(code, signal, tail);
      exited(reason);
      // A process stopped on purpose is no crash.
      if (this.stopping) return;
      this.log(`the server ${reason}`);
      // The client may have noticed the closed connection first and started a new server: then
      // that one's state stands (serverClosed already showed the crash).
      if (child !== this.serverProcess) return;
      this.serverState = { state: 'crashed', message: reason };
      this.showState('crashed', reason);
    });
    return child;
  }

  private clientOptions(): LanguageClientOptions {
    return {
      documentSelector: [
        { scheme: 'file', language: 'nix' },
        { scheme: 'untitled', language: 'nix' },
      ],
      outputChannel: this.output,
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      // A function: a restart after a crash sends the settings of that moment.
      initializationOptions: () => serverSettings(this.settings),
      middleware: {
        workspace: {
          // The server asks for `nix4j…` sections; answer from the same tree as initializationOptions.
          configuration: (params) => params.items.map((item) => configurationFor(item.section, this.settings)),
        },
      },
      // A server that fails to initialize will not do better on a retry: stop, and say why in the status bar.
      initializationFailedHandler: (error) => {
        this.log(`the server failed to initialize: ${error instanceof Error ? error.message : String(error)}`);
        return false;
      },
      errorHandler: {
        // A write to a server that died fails too; the exit handler above tells why, once.
        error: (): ErrorHandlerResult => ({ action: ErrorAction.Continue, handled: true }),
        closed: (): CloseHandlerResult => this.serverClosed(),
      },
    };
  }

  private serverClosed(): CloseHandlerResult {
    if (!this.ranSinceStart) {
      // It stopped while starting: restarting would fail the same way.
      return { action: CloseAction.DoNotRestart, handled: true };
    }
    const now = Date.now();
    this.crashes = [...this.crashes.filter((t) => now - t < CRASH_WINDOW_MS), now];
    const reason = this.serverState.state === 'crashed' ? this.serverState.message ?? 'stopped' : 'closed the connection';
    if (this.crashes.length <= MAX_RESTARTS) {
      // Show the crash even when the process's exit is only noticed after the restart began.
      this.serverState = { state: 'crashed', message: reason };
      this.showState('crashed', reason);
      this.log(`restarting the server after it ${reason}`);
      return { action: CloseAction.Restart, handled: true };
    }
    const message = `The nix4j server stopped ${this.crashes.length} times in 3 minutes and will not be restarted (${reason}). Use "nix4j: Restart Server" after fixing the cause; the output has details.`;
    this.showState('crashed', reason);
    void vscode.window.showErrorMessage(message, 'Show Output').then((choice) => {
      if (choice) this.output.show(true);
    });
    return { action: CloseAction.DoNotRestart, handled: true };
  }

  private async offerSetting(message: string, setting: string): Promise<void> {
    const choice = await vscode.window.showErrorMessage(message, 'Open Settings', 'Show Output');
    if (choice === 'Open Settings') await vscode.commands.executeCommand(OPEN_SETTINGS, setting);
    else if (choice === 'Show Output') this.output.show(true);
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.serverProcess = undefined;
    if (!client) return;
    this.stopping = true;
    try {
      if (client.state !== State.Stopped) await client.stop();
    } catch (e) {
      this.log(`stopping the server: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      this.stopping = false;
      this.showState('stopped');
    }
  }

  private async restart(): Promise<void> {
    this.log('restarting the server');
    this.crashes = [];
    await this.stop();
    await this.start();
  }

  private async configurationChanged(e: vscode.ConfigurationChangeEvent): Promise<void> {
    if (!e.affectsConfiguration(SECTION)) return;
    if (needsRestart((key) => e.affectsConfiguration(key))) {
      await this.restart();
      return;
    }
    this.settings = this.readSettings();
    if (this.client?.isRunning()) {
      await this.client.sendNotification('workspace/didChangeConfiguration', {
        settings: { [SECTION]: serverSettings(this.settings) },
      });
    }
  }

  /** The running client, or undefined after telling the user that there is none. */
  runningClient(): LanguageClient | undefined {
    if (this.client?.isRunning()) return this.client;
    void vscode.window.showWarningMessage('The nix4j server is not running.', 'Restart Server').then((choice) => {
      if (choice) void this.restart();
    });
    return undefined;
  }

  private nixEditor(): vscode.TextEditor | undefined {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'nix') {
      void vscode.window.showInformationMessage('Open a Nix file first.');
      return undefined;
    }
    return editor;
  }

  private async evaluateSelection(): Promise<void> {
    const editor = this.nixEditor();
    const client = editor && this.runningClient();
    if (!editor || !client) return;
    const c2p = client.code2ProtocolConverter;
    const argument = evaluateArgument(c2p.asUri(editor.document.uri), c2p.asRange(editor.selection));
    this.showState('evaluating');
    try {
      const result = await client.sendRequest(ExecuteCommandRequest.type, { command: EVALUATE_COMMAND, arguments: [argument] });
      const view = evaluationView(result);
      const where = `${vscode.workspace.asRelativePath(editor.document.uri)}:${editor.selection.start.line + 1}:${editor.selection.start.character + 1}`;
      this.evaluations.appendLine(`── ${where}`);
      this.evaluations.appendLine(view.text);
      const show = view.isError
        ? vscode.window.showErrorMessage(view.summary, 'Show Output')
        : vscode.window.showInformationMessage(view.summary, 'Show Output');
      void show.then((choice) => {
        if (choice) this.evaluations.show(true);
      });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      this.evaluations.appendLine(`evaluation failed: ${message}`);
      void vscode.window.showErrorMessage(`nix4j: evaluation failed: ${message}`);
    } finally {
      if (this.client === client) this.showState(this.serverState.state, this.serverState.message);
    }
  }

  private async showSyntaxTree(): Promise<void> {
    const editor = this.nixEditor();
    if (!editor || !this.runningClient()) return;
    const doc = await vscode.workspace.openTextDocument(this.syntaxTrees.treeUri(editor.document.uri));
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
  }

  /** Asks the server for the syntax tree of a document. */
  async syntaxTree(source: vscode.Uri): Promise<string> {
    const client = this.client;
    if (!client?.isRunning()) return '(the nix4j server is not running)';
    try {
      const result = await client.sendRequest(SYNTAX_TREE_REQUEST, { uri: client.code2ProtocolConverter.asUri(source) });
      return syntaxTreeText(result);
    } catch (e) {
      return `(the server could not give the syntax tree: ${e instanceof Error ? e.message : String(e)})`;
    }
  }
}

/** Read-only documents `nix4j-syntax-tree:/…/file.nix.tree?<source uri>` that follow their source. */
class SyntaxTreeProvider implements vscode.TextDocumentContentProvider {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly owner: { syntaxTree(source: vscode.Uri): Promise<string> }) {}

  treeUri(source: vscode.Uri): vscode.Uri {
    return vscode.Uri.from({ scheme: SYNTAX_TREE_SCHEME, path: `${source.path}.tree`, query: source.toString() });
  }

  provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    return this.owner.syntaxTree(vscode.Uri.parse(uri.query));
  }

  /** Refreshes an open tree a moment after its source changed. */
  sourceChanged(source: vscode.Uri): void {
    if (source.scheme === SYNTAX_TREE_SCHEME) return;
    const tree = this.treeUri(source);
    if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === tree.toString())) return;
    const key = tree.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.changed.fire(tree);
      }, 300),
    );
  }
}
