// Packages the extension into target/nix4j-VERSION.vsix with vsce, when any packaged file is
// newer than the .vsix, then checks that the .vsix holds what VS Code needs.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const manifest = JSON.parse(fs.readFileSync('package.json', 'utf8'));
const vsix = path.join('target', `${manifest.name}-${manifest.version}.vsix`);
const packaged = [
  'dist/extension.js',
  'server/nix4j.jar',
  'syntaxes/nix.tmLanguage.json',
  'snippets/nix.json',
  'language-configuration.json',
  'README.md',
  'CHANGELOG.md',
];
const inputs = ['package.json', '.vscodeignore', ...packaged];
// Where they are in the .vsix: under extension/, README and CHANGELOG in lower case (as vsce stores them).
const required = ['package.json', ...packaged].map((f) => `extension/${/^(README|CHANGELOG)\.md$/.test(f) ? f.toLowerCase() : f}`);

for (const f of inputs) {
  if (!fs.existsSync(f)) {
    console.error(`${f} is missing: run the build (mvn -B verify from the repository root)`);
    process.exit(1);
  }
}

const newest = Math.max(...inputs.map((f) => fs.statSync(f).mtimeMs));
if (!fs.existsSync(vsix) || fs.statSync(vsix).mtimeMs < newest) {
  fs.mkdirSync('target', { recursive: true });
  const vsce = path.join('node_modules', '@vscode', 'vsce', 'vsce');
  const r = spawnSync(
    process.execPath,
    [vsce, 'package', '--no-dependencies', '--skip-license', '--allow-missing-repository', '--out', vsix],
    { stdio: 'inherit' },
  );
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const entries = zipEntries(fs.readFileSync(vsix));
const missing = required.filter((f) => !entries.includes(f));
const stray = entries.filter((f) => /^extension\/(src|test|node_modules|out)\//.test(f));
if (missing.length > 0 || stray.length > 0) {
  if (missing.length > 0) console.error(`${vsix} lacks ${missing.join(', ')}`);
  if (stray.length > 0) console.error(`${vsix} should not hold ${stray.join(', ')}`);
  process.exit(1);
}
console.log(`${vsix}: ${entries.length} files, ${(fs.statSync(vsix).size / 1e6).toFixed(1)} MB`);

/** The names in a zip file's central directory. */
function zipEntries(zip) {
  let eocd = zip.length - 22;
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip file');
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  const names = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error('bad central directory');
    const nameLength = zip.readUInt16LE(p + 28);
    const extraLength = zip.readUInt16LE(p + 30);
    const commentLength = zip.readUInt16LE(p + 32);
    names.push(zip.toString('utf8', p + 46, p + 46 + nameLength));
    p += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}
