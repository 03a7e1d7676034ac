// Bundles the extension and the libraries it uses into dist/extension.js (CommonJS, for VS
// Code's Node.js); `vscode` is provided by VS Code at run time.
import * as esbuild from 'esbuild';

await esbuild.build({
  entryPoints: ['src/extension.ts'],
  outfile: 'dist/extension.js',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  external: ['vscode'],
  sourcemap: false,
  minify: false,
  legalComments: 'inline',
  logLevel: 'warning',
});
