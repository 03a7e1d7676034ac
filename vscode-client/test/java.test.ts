/** Java discovery on made-up machines (test/fixtures/java/discovery.json) and version parsing. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { describeRejection, findJava, JavaHost, MIN_JAVA_MAJOR, nodeJavaHost, notFoundMessage, parseJavaVersion } from '../src/java';
import { FIXTURES } from './support/paths';

interface VersionCase {
  output: string;
  version: string | null;
  major: number | null;
}

interface DiscoveryCase {
  name: string;
  platform?: NodeJS.Platform;
  setting: string;
  env: Record<string, string>;
  dirs?: string[];
  /** Executable → the version it reports, or the error running it gives. */
  files: Record<string, string | { error: string }>;
  expect:
    | { executable: string; source: string; major: number; rejected: string[] }
    | { notFound: true; rejected: string[] };
}

function load<T>(name: string): T {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, 'java', name), 'utf8')) as T;
}

/** A machine that has exactly the files and directories of a test case. */
function fakeHost(c: DiscoveryCase): JavaHost & { ran: string[] } {
  const platform = c.platform ?? 'linux';
  const sep = platform === 'win32' ? '\\' : '/';
  const ran: string[] = [];
  return {
    platform,
    env: c.env,
    ran,
    isFile: (p) => p in c.files,
    isDirectory: (p) => (c.dirs ?? []).includes(p) || Object.keys(c.files).some((f) => f.startsWith(p + sep)),
    javaVersionOutput: async (exe) => {
      ran.push(exe);
      const v = c.files[exe];
      if (v === undefined) throw new Error(`spawn ${exe} ENOENT`);
      if (typeof v !== 'string') throw new Error(v.error);
      return v.startsWith('1.') ? `java version "${v}"\n` : `openjdk version "${v}" 2024-01-01\n`;
    },
  };
}

describe('parseJavaVersion', () => {
  for (const c of load<VersionCase[]>('versions.json')) {
    test(`reads ${JSON.stringify(c.output.split('\n')[0])}`, () => {
      const parsed = parseJavaVersion(c.output);
      if (c.version === null) assert.equal(parsed, undefined);
      else assert.deepEqual(parsed, { version: c.version, major: c.major });
    });
  }
});

describe('findJava', () => {
  for (const c of load<DiscoveryCase[]>('discovery.json')) {
    test(c.name, async () => {
      const host = fakeHost(c);
      const found = await findJava(c.setting, host);
      const rejected = (found.rejected ?? []).map(describeRejection);
      if ('notFound' in c.expect) {
        assert.equal(found.ok, false, 'expected no Java to fit');
        assert.deepEqual(rejected, c.expect.rejected);
        if (!found.ok) {
          assert.match(found.message, new RegExp(`Java ${MIN_JAVA_MAJOR} or newer`));
          for (const r of c.expect.rejected) assert.ok(found.message.includes(r), `message lacks "${r}"`);
          assert.match(found.message, /nix4j\.java\.home/);
        }
      } else {
        assert.equal(found.ok, true, `expected a Java; rejected: ${rejected.join('; ')}`);
        if (found.ok) {
          assert.equal(found.java.executable, c.expect.executable);
          assert.equal(found.java.source, c.expect.source);
          assert.equal(found.java.major, c.expect.major);
        }
        assert.deepEqual(rejected, c.expect.rejected);
      }
    });
  }

  test('stops at the first Java that fits, without running the others', async () => {
    const c: DiscoveryCase = {
      name: '',
      setting: '',
      env: { JAVA_HOME: '/jdk', PATH: '/usr/bin' },
      files: { '/jdk/bin/java': '17.0.1', '/usr/bin/java': '21.0.2' },
      expect: { notFound: true, rejected: [] },
    };
    const host = fakeHost(c);
    await findJava('', host);
    assert.deepEqual(host.ran, ['/jdk/bin/java']);
  });

  test('the message says what to do when nothing was tried', () => {
    assert.match(notFoundMessage([]), /Install a JDK or JRE 17\+ and set "nix4j\.java\.home"/);
  });
});

describe('the real machine', () => {
  test('finds a Java 17+ here (the build itself runs on one)', async () => {
    const found = await findJava('', nodeJavaHost());
    assert.equal(found.ok, true, found.ok ? '' : found.message);
    if (found.ok) assert.ok(found.java.major >= MIN_JAVA_MAJOR);
  });

  test('a nix4j.java.home that is not a Java home is passed over with the reason', async () => {
    const found = await findJava(__dirname, nodeJavaHost());
    assert.equal(found.rejected[0]?.source, 'nix4j.java.home');
    assert.equal(found.rejected[0]?.reason, 'has no bin/java');
  });
});
