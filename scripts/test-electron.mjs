// `npm run test:electron`: the editor suite (test/integration) in a desktop VS Code that
// @vscode/test-electron downloads into .vscode-test/ (needs Microsoft's download servers, and a
// display: on a headless Linux run it under `xvfb-run -a`). `npm run test:editor` runs the same
// suite in code-server where that download is not possible.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { EXAMPLES, REPO, run } from './editor/code-server.mjs';

run(process.execPath, ['esbuild.mjs', '--test']);
const userDataDir = mkdtempSync(path.join(tmpdir(), 'redshift-iam-vscode-'));
try {
  await runTests({
    version: process.env.VSCODE_VERSION ?? 'stable',
    extensionDevelopmentPath: REPO,
    extensionTestsPath: path.join(REPO, 'out', 'integration', 'index.js'),
    extensionTestsEnv: process.env.MOCHA_GREP ? { MOCHA_GREP: process.env.MOCHA_GREP } : undefined,
    launchArgs: [EXAMPLES, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes', '--user-data-dir', userDataDir],
  });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  rmSync(userDataDir, { recursive: true, force: true });
}
