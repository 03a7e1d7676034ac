// Copies the server jar built by lsp-server into server/nix4j.jar, where the extension and
// the .vsix look for it. Copies only when the jar's bytes changed; fails when it was not built.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

const from = process.argv[2] ?? path.join('..', 'lsp-server', 'target', 'nix4j.jar');
const to = path.join('server', 'nix4j.jar');

if (!fs.existsSync(from)) {
  console.error(`${from} does not exist: build lsp-server first (mvn -B verify from the repository root does).`);
  process.exit(1);
}
// Same bytes: keep the copy and its time, so that the .vsix is not packaged again.
if (fs.existsSync(to) && sha256(to) === sha256(from)) process.exit(0);
fs.mkdirSync(path.dirname(to), { recursive: true });
fs.copyFileSync(from, to);
console.log(`copied ${from} to ${to}`);

function sha256(file) {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}
