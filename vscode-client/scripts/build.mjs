// Type checks and compiles src/ and test/ to out/ (tsc), then bundles the extension into
// dist/extension.js (esbuild). Each step runs only when one of its inputs is newer than its
// output, so that an up-to-date build costs nothing.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const force = process.argv.includes('--force');

function newest(paths) {
  let t = 0;
  for (const p of paths) {
    if (!fs.existsSync(p)) continue;
    const st = fs.statSync(p);
    if (st.isDirectory()) t = Math.max(t, newest(fs.readdirSync(p).map((e) => path.join(p, e))));
    else t = Math.max(t, st.mtimeMs);
  }
  return t;
}

function stale(output, inputs) {
  return force || !fs.existsSync(output) || fs.statSync(output).mtimeMs < newest(inputs);
}

const common = ['package-lock.json', 'tsconfig.json', 'src'];

if (stale('out/.tsbuildinfo', [...common, 'test'])) {
  const tsc = path.join('node_modules', 'typescript', 'bin', 'tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', '.'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
  // tsc leaves the build info untouched when nothing changed: mark the check as done.
  const now = new Date();
  fs.utimesSync('out/.tsbuildinfo', now, now);
}

if (stale('dist/extension.js', [...common, 'scripts/bundle.mjs'])) {
  await import('./bundle.mjs');
}
