import * as assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import { nodeJavaHost } from '../../src/java';
import { helpListsCommand, resolveLaunch, serverHelp, ServerLaunch } from '../../src/launch';
import { defaultSettings } from '../../src/settings';
import { EXTENSION_ROOT } from './paths';

/**
 * The launch of the bundled server when it can speak LSP; otherwise skips the test, saying
 * why (jar not built, no Java 17+, no `lsp` subcommand yet). NIX4J_E2E=require makes that a
 * failure instead.
 */
export async function lspServerOrSkip(t: TestContext): Promise<ServerLaunch | undefined> {
  const skip = (why: string) => {
    if (process.env.NIX4J_E2E === 'require') assert.fail(`NIX4J_E2E=require, but: ${why}`);
    t.skip(why);
    return undefined;
  };
  const found = await resolveLaunch(defaultSettings(), EXTENSION_ROOT, nodeJavaHost());
  if (!found.ok) {
    return skip(found.problem === 'jar' ? `${found.message} (build with Maven from the repository root)` : found.message);
  }
  if (!helpListsCommand(await serverHelp(found.launch), 'lsp')) {
    return skip(
      'server/nix4j.jar has no `lsp` subcommand yet (`java -jar nix4j.jar --help` does not list it): the language server (issue 5) is not built',
    );
  }
  return found.launch;
}
