import * as path from 'node:path';

/** The extension's folder (tests run from out/test/, compiled). */
export const EXTENSION_ROOT = path.resolve(__dirname, '..', '..', '..');
export const FIXTURES = path.join(EXTENSION_ROOT, 'test', 'fixtures');
