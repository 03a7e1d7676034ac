/** The server's command line, how a crash is described, and reading `nix4j --help`. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { JavaHost } from '../src/java';
import { bundledJar, crashReason, formatCommandLine, helpListsCommand, OutputTail, resolveLaunch, serverCommandLine } from '../src/launch';
import { readSettings } from '../src/settings';

function host(files: Record<string, string>): JavaHost {
  return {
    platform: 'linux',
    env: { PATH: '/usr/bin' },
    isFile: (p) => p in files,
    isDirectory: () => false,
    javaVersionOutput: async (exe) => `openjdk version "${files[exe]}"\n`,
  };
}

describe('server command line', () => {
  test('java [jvmArgs] -jar JAR lsp [extraArgs]', () => {
    const { settings } = readSettings((k) => ({ 'server.jvmArgs': ['-Xmx1g'], 'server.extraArgs': ['--log', 'x y'] })[k]);
    const line = serverCommandLine('/jdk/bin/java', '/ext/server/nix4j.jar', settings);
    assert.deepEqual(line, { command: '/jdk/bin/java', args: ['-Xmx1g', '-jar', '/ext/server/nix4j.jar', 'lsp', '--log', 'x y'] });
    assert.equal(formatCommandLine(line), '/jdk/bin/java -Xmx1g -jar /ext/server/nix4j.jar lsp --log "x y"');
  });

  test('resolveLaunch uses the bundled jar and the Java found', async () => {
    const jar = bundledJar('/ext');
    assert.equal(jar, path.join('/ext', 'server', 'nix4j.jar'));
    const r = await resolveLaunch(readSettings(() => undefined).settings, '/ext', host({ [jar]: '', '/usr/bin/java': '17.0.2' }));
    assert.ok(r.ok);
    if (r.ok) {
      assert.equal(r.launch.command, '/usr/bin/java');
      assert.deepEqual(r.launch.args, ['-jar', jar, 'lsp']);
      assert.equal(r.launch.java.major, 17);
    }
  });

  test('nix4j.server.jar replaces the bundled jar', async () => {
    const { settings } = readSettings((k) => (k === 'server.jar' ? '/dev/nix4j.jar' : undefined));
    const r = await resolveLaunch(settings, '/ext', host({ '/dev/nix4j.jar': '', '/usr/bin/java': '21' }));
    assert.ok(r.ok && r.launch.args.includes('/dev/nix4j.jar'));
  });

  test('a missing jar is said before Java is looked for', async () => {
    const r = await resolveLaunch(readSettings(() => undefined).settings, '/ext', host({ '/usr/bin/java': '21' }));
    assert.ok(!r.ok);
    if (!r.ok) {
      assert.equal(r.problem, 'jar');
      assert.match(r.message, /missing its server/);
    }
  });

  test('no Java: the problem is java, with the discovery message', async () => {
    const jar = bundledJar('/ext');
    const r = await resolveLaunch(readSettings(() => undefined).settings, '/ext', host({ [jar]: '', '/usr/bin/java': '11.0.2' }));
    assert.ok(!r.ok);
    if (!r.ok) {
      assert.equal(r.problem, 'java');
      assert.match(r.message, /Java 11\.0\.2 is older than 17/);
    }
  });
});

describe('help and crashes', () => {
  const help = ['usage: nix4j <command> [options]', '', 'commands:', '  eval     evaluates', '  lsp      starts the language server', '  parse    parses'].join('\n');

  test('helpListsCommand finds a subcommand line', () => {
    assert.equal(helpListsCommand(help, 'lsp'), true);
    assert.equal(helpListsCommand(help, 'parse'), true);
    assert.equal(helpListsCommand(help, 'repl'), false);
    assert.equal(helpListsCommand('usage: nix4j <command> [options]\n\ncommands:\n', 'lsp'), false);
    assert.equal(helpListsCommand('  lspx  other', 'lsp'), false);
  });

  test('crashReason: exit code or signal, and the last line on stderr', () => {
    const tail = new OutputTail();
    assert.equal(crashReason(1, null, tail), 'exited with code 1');
    tail.append('starting\n');
    tail.append('Exception in thread "main" java.lang.OutOfMemoryError: Java heap space\n\n');
    assert.equal(crashReason(null, 'SIGKILL', tail), 'killed by SIGKILL: Exception in thread "main" java.lang.OutOfMemoryError: Java heap space');
    assert.deepEqual(new OutputTail(10).lastLines(3), []);
  });

  test('OutputTail keeps only the end', () => {
    const tail = new OutputTail(16);
    tail.append('first line\nsecond line\nthird\n');
    assert.deepEqual(tail.lastLines(5), ['third']);
    tail.append('4\n');
    assert.deepEqual(tail.lastLines(1), ['4']);
  });
});

describe('the jar in this checkout', () => {
  test('server/nix4j.jar is where bundledJar says (copied by the build)', (t) => {
    const jar = bundledJar(path.resolve(__dirname, '..', '..'));
    if (!fs.existsSync(jar)) {
      t.skip(`${jar} is not there: build with Maven from the repository root`);
      return;
    }
    assert.ok(fs.statSync(jar).size > 1000, 'the jar is too small');
    assert.ok(os.platform().length > 0);
  });
});
