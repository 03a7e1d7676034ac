// Installs node_modules with `npm ci` from package-lock.json, but only when the lock file
// changed since the last install: later builds need no network and take no time here.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';

const lock = fs.readFileSync('package-lock.json');
const hash = createHash('sha256').update(lock).update(process.version).digest('hex');
const stamp = 'node_modules/.nix4j-installed';

if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === hash) process.exit(0);

console.log('npm ci (package-lock.json changed or node_modules missing)');
// Install scripts stay off: esbuild finds its binary in its platform package without them,
// and nothing else needs one (vsce's optional keytar is only for publishing).
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const r = spawnSync(npm, ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline'], {
  stdio: 'inherit',
  shell: process.platform === 'win32',
});
if (r.status !== 0) {
  console.error(`npm ci failed (exit ${r.status ?? r.signal}); the first build needs the npm registry.`);
  process.exit(1);
}
fs.writeFileSync(stamp, hash);
