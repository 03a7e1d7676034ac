/**
 * End to end: starts the real server (server/nix4j.jar, copied there by the build) through the
 * extension's own launch code, exactly as the extension does, and speaks LSP to it with
 * vscode-jsonrpc / vscode-languageserver-protocol, the libraries vscode-languageclient is
 * built on: initialize, open documents, receive diagnostics, hover for values, shut down.
 * The scenario is data: test/fixtures/e2e/scenario.json.
 *
 * Skipped, with the reason, while the jar has no `lsp` subcommand (or is not built, or no
 * Java 17+ is found); NIX4J_E2E=require turns those skips into failures.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { createMessageConnection, MessageConnection } from 'vscode-jsonrpc/node';
import {
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  PublishDiagnosticsParams,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  DidOpenTextDocumentNotification,
  ConfigurationRequest,
  Hover,
  MarkedString,
} from 'vscode-languageserver-protocol/node';
import { OutputTail, spawnServer } from '../src/launch';
import { CLIENT_ID, STATUS_NOTIFICATION } from '../src/protocol';
import { configurationFor, defaultSettings, serverSettings } from '../src/settings';
import { parseStatus } from '../src/status';
import { FIXTURES } from './support/paths';
import { lspServerOrSkip } from './support/server';

interface Scenario {
  diagnostics: Array<{ file: string; start: { line: number; character: number }; severity: number; mentions: string }>;
  clean: string[];
  hovers: Array<{ file: string; position: { line: number; character: number }; what: string; value: string }>;
}

const E2E = path.join(FIXTURES, 'e2e');
const STEP_TIMEOUT_MS = 30000;

function uriOf(file: string): string {
  return pathToFileURL(path.join(E2E, file)).toString();
}

/** The text of a hover, whatever form its contents take. */
export function hoverText(hover: Hover | null): string {
  if (!hover) return '';
  const part = (c: MarkedString | { kind: string; value: string }): string => (typeof c === 'string' ? c : c.value);
  return Array.isArray(hover.contents) ? hover.contents.map(part).join('\n') : part(hover.contents);
}

function within<T>(promise: Promise<T>, what: string, ms = STEP_TIMEOUT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no ${what} within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

test('the real server, started by the extension\'s launch code, answers over LSP', { timeout: 180000 }, async (t) => {
  const settings = defaultSettings();
  const launch = await lspServerOrSkip(t);
  if (!launch) return;

  const scenario: Scenario = JSON.parse(fs.readFileSync(path.join(E2E, 'scenario.json'), 'utf8'));
  const child = spawnServer(launch, E2E);
  const stderr = new OutputTail(20000);
  child.stderr.on('data', (d: Buffer) => stderr.append(d.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  let connection: MessageConnection | undefined;
  try {
    connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const published = new Map<string, PublishDiagnosticsParams[]>();
    const listeners: Array<() => void> = [];
    const statuses: string[] = [];
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      published.set(p.uri, [...(published.get(p.uri) ?? []), p]);
      for (const l of listeners) l();
    });
    connection.onNotification(STATUS_NOTIFICATION, (p: unknown) => {
      const s = parseStatus(p);
      if (s) statuses.push(s.state);
    });
    // Other notifications (logMessage, progress …) are fine to ignore.
    connection.onNotification(() => undefined);
    connection.onRequest(ConfigurationRequest.type, (p) => p.items.map((item) => configurationFor(item.section, settings)));
    // registerCapability, workDoneProgress/create, the refresh requests: accepted.
    connection.onRequest(() => null);
    connection.listen();

    const waitFor = (what: string, check: () => boolean) =>
      within(
        new Promise<void>((resolve) => {
          const l = () => {
            if (check()) resolve();
          };
          listeners.push(l);
          l();
        }),
        what,
      );

    const init = await within(
      connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        clientInfo: { name: `${CLIENT_ID}-e2e-test` },
        rootUri: pathToFileURL(E2E).toString(),
        workspaceFolders: [{ uri: pathToFileURL(E2E).toString(), name: 'e2e' }],
        initializationOptions: serverSettings(settings),
        capabilities: {
          textDocument: {
            synchronization: { dynamicRegistration: false },
            hover: { contentFormat: ['markdown', 'plaintext'] },
            publishDiagnostics: { relatedInformation: true, tagSupport: { valueSet: [1, 2] } },
          },
          workspace: { configuration: true, workspaceFolders: true },
        },
      }),
      'answer to initialize',
    );
    assert.ok(init.capabilities.hoverProvider, 'the server offers no hover');
    connection.sendNotification(InitializedNotification.type, {});

    const files = new Set([...scenario.diagnostics.map((d) => d.file), ...scenario.clean, ...scenario.hovers.map((h) => h.file)]);
    for (const file of files) {
      connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri: uriOf(file), languageId: 'nix', version: 1, text: fs.readFileSync(path.join(E2E, file), 'utf8') },
      });
    }

    for (const d of scenario.diagnostics) {
      const matches = () =>
        (published.get(uriOf(d.file)) ?? []).some((p) =>
          p.diagnostics.some(
            (x) => x.range.start.line === d.start.line && x.range.start.character === d.start.character && x.severity === d.severity,
          ),
        );
      await waitFor(`diagnostic at ${d.file}:${d.start.line + 1}:${d.start.character + 1}`, matches).catch((e: Error) => {
        throw new Error(`${e.message}; published: ${JSON.stringify(published.get(uriOf(d.file)) ?? [])}`);
      });
      const last = published.get(uriOf(d.file))!.at(-1)!;
      const diagnostic = last.diagnostics.find((x) => x.range.start.line === d.start.line && x.range.start.character === d.start.character);
      assert.ok(diagnostic?.message.includes(d.mentions), `the diagnostic does not mention ${d.mentions}: ${diagnostic?.message}`);
    }

    for (const file of scenario.clean) {
      await waitFor(`diagnostics for ${file}`, () => published.has(uriOf(file)));
      const errors = published.get(uriOf(file))!.at(-1)!.diagnostics.filter((x) => x.severity === 1);
      assert.deepEqual(errors, [], `${file} is valid Nix but got errors`);
    }

    for (const h of scenario.hovers) {
      const hover = await within(
        connection.sendRequest(HoverRequest.type, { textDocument: { uri: uriOf(h.file) }, position: h.position }),
        `hover on ${h.what}`,
      );
      const text = hoverText(hover);
      assert.match(text, new RegExp(`(^|[^0-9.])${h.value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^0-9.]|$)`), `hover on ${h.what}: ${JSON.stringify(text)}`);
    }

    await within(connection.sendRequest(ShutdownRequest.type), 'answer to shutdown');
    connection.sendNotification(ExitNotification.type);
    const exit = await within(exited, 'exit after shutdown and exit', 10000);
    assert.deepEqual(exit, { code: 0, signal: null }, `the server did not exit cleanly; stderr:\n${stderr.lastLines(20).join('\n')}`);
    t.diagnostic(`server states seen: ${statuses.join(', ') || 'none'}`);
  } catch (e) {
    const tail = stderr.lastLines(30).join('\n');
    throw tail ? new Error(`${(e as Error).message}\nserver stderr:\n${tail}`) : e;
  } finally {
    connection?.dispose();
    if (child.exitCode === null && child.signalCode === null) child.kill();
  }
});
