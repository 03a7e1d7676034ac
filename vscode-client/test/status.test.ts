/** The status bar item's text for each state, and the check of `nix4j/status` notifications. */
import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { evaluateArgument, evaluationView, syntaxTreeText } from '../src/evaluate';
import { parseStatus, statusView } from '../src/status';

describe('status bar', () => {
  test('each known state has its icon and words', () => {
    assert.equal(statusView('starting').text, '$(sync~spin) nix4j: starting');
    assert.equal(statusView('ready').text, '$(check) nix4j');
    assert.equal(statusView('evaluating', 'default.nix').text, '$(loading~spin) nix4j: evaluating');
    assert.match(statusView('evaluating', 'default.nix').tooltip, /evaluating\ndefault\.nix\n/);
    assert.equal(statusView('noJava').text, '$(error) nix4j: needs Java 17+');
  });

  test('a crash is an error, shows the reason and offers a restart', () => {
    const v = statusView('crashed', 'exited with code 3: internal error');
    assert.equal(v.text, '$(error) nix4j: crashed');
    assert.equal(v.severity, 'error');
    assert.match(v.tooltip, /exited with code 3: internal error/);
    assert.match(v.tooltip, /Click to restart/);
  });

  test('a state the client does not know is shown by its name', () => {
    assert.equal(statusView('indexing', '3 of 50 files').text, '$(info) nix4j: indexing');
  });

  test('parseStatus accepts {state, message?} and nothing else', () => {
    assert.deepEqual(parseStatus({ state: 'ready' }), { state: 'ready' });
    assert.deepEqual(parseStatus({ state: 'evaluating', message: 'a.nix' }), { state: 'evaluating', message: 'a.nix' });
    assert.deepEqual(parseStatus({ state: 'ready', message: null }), { state: 'ready' });
    assert.equal(parseStatus({ state: '' }), undefined);
    assert.equal(parseStatus({ state: 3 }), undefined);
    assert.equal(parseStatus({ state: 'ready', message: 5 }), undefined);
    assert.equal(parseStatus(null), undefined);
    assert.equal(parseStatus('ready'), undefined);
  });
});

describe('evaluation', () => {
  const uri = 'file:///w/default.nix';

  test('an empty selection sends the position, a selection its range', () => {
    const at = { line: 3, character: 7 };
    assert.deepEqual(evaluateArgument(uri, { start: at, end: at }), { uri, position: { line: 3, character: 7 } });
    assert.deepEqual(evaluateArgument(uri, { start: at, end: { line: 4, character: 0 } }), {
      uri,
      range: { start: { line: 3, character: 7 }, end: { line: 4, character: 0 } },
    });
  });

  test('answers: a string, {value, type}, {error}, anything else as JSON', () => {
    assert.deepEqual(evaluationView('{ a = 1; }'), { text: '{ a = 1; }', summary: '{ a = 1; }', isError: false });
    assert.deepEqual(evaluationView({ value: '[ 1 2 ]', type: 'list' }), { text: '[ 1 2 ]', summary: '[ 1 2 ] :: list', isError: false });
    assert.deepEqual(evaluationView({ error: 'error: undefined variable \'x\'' }), {
      text: "error: undefined variable 'x'",
      summary: "Evaluation failed: error: undefined variable 'x'",
      isError: true,
    });
    assert.equal(evaluationView(null).text, '(no value)');
    assert.equal(evaluationView(42).text, '42');
  });

  test('the notification is one line, cut at 200 characters', () => {
    const long = `{\n${'  a = "xxxxxxxxxx";\n'.repeat(30)}}`;
    const view = evaluationView(long);
    assert.equal(view.text, long);
    assert.ok(!view.summary.includes('\n'));
    assert.equal(view.summary.length, 200);
    assert.ok(view.summary.endsWith('…'));
  });

  test('syntax tree answers: a string or {text}', () => {
    assert.equal(syntaxTreeText('ROOT@0..3'), 'ROOT@0..3');
    assert.equal(syntaxTreeText({ text: 'ROOT@0..3' }), 'ROOT@0..3');
  });
});
