/**
 * What the status bar item shows for each state of the server. The states come from the
 * client (starting, crashed, no Java) and from the server's `nix4j/status` notification
 * (ready, evaluating, or another state it names). No `vscode` import.
 */
import { StatusParams } from './protocol';

export type ClientState = 'starting' | 'ready' | 'evaluating' | 'stopped' | 'crashed' | 'noJava';

export interface StatusView {
  /** Text with a codicon, e.g. `$(check) nix4j`. */
  text: string;
  tooltip: string;
  severity: 'normal' | 'warning' | 'error';
}

const KNOWN: Record<string, { icon: string; label: string; severity: StatusView['severity'] }> = {
  starting: { icon: '$(sync~spin)', label: 'starting', severity: 'normal' },
  ready: { icon: '$(check)', label: 'ready', severity: 'normal' },
  evaluating: { icon: '$(loading~spin)', label: 'evaluating', severity: 'normal' },
  stopped: { icon: '$(circle-slash)', label: 'stopped', severity: 'warning' },
  crashed: { icon: '$(error)', label: 'crashed', severity: 'error' },
  noJava: { icon: '$(error)', label: 'needs Java 17+', severity: 'error' },
};

/** The view of a state; `message` (the server's words or the crash reason) goes in the tooltip. */
export function statusView(state: string, message?: string): StatusView {
  const known = KNOWN[state];
  const icon = known?.icon ?? '$(info)';
  const label = known?.label ?? state;
  const text = state === 'ready' ? `${icon} nix4j` : `${icon} nix4j: ${label}`;
  const detail = message && message.trim() !== '' ? `\n${message.trim()}` : '';
  const action = state === 'crashed' || state === 'stopped' ? '\nClick to restart the server.' : '\nClick to show the output.';
  return { text, tooltip: `nix4j language server: ${label}${detail}${action}`, severity: known?.severity ?? 'normal' };
}

/** Checks the params of a `nix4j/status` notification; undefined when they are malformed. */
export function parseStatus(params: unknown): StatusParams | undefined {
  if (typeof params !== 'object' || params === null) return undefined;
  const { state, message } = params as Record<string, unknown>;
  if (typeof state !== 'string' || state === '') return undefined;
  if (message !== undefined && message !== null && typeof message !== 'string') return undefined;
  return typeof message === 'string' ? { state, message } : { state };
}
