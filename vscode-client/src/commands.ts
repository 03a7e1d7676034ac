/** The ids of the commands that the extension contributes (declared in package.json too). */
export const Commands = {
  restartServer: 'nix4j.restartServer',
  evaluateSelection: 'nix4j.evaluateSelection',
  showSyntaxTree: 'nix4j.showSyntaxTree',
  showOutput: 'nix4j.showOutput',
} as const;

/** VS Code's own command that opens the settings editor filtered to one setting. */
export const OPEN_SETTINGS = 'workbench.action.openSettings';
