/**
 * The editor test suite: what @vscode/test-electron and the code-server runner (scripts/test-editor.mjs)
 * load as extensionTestsPath. Runs inside the extension host with the examples/ workspace open.
 */
import Mocha from 'mocha';

/** The runner shows the log from this line on (the workbench's own messages come before it). */
const SUITE_STARTS = 'redshift-iam editor tests start';

export async function run(): Promise<void> {
  process.setSourceMapsEnabled(true);
  console.log(SUITE_STARTS);
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, grep: process.env.MOCHA_GREP || undefined });
  // The suites are bundled into this file: define describe/it before their modules run.
  mocha.suite.emit('pre-require', globalThis, 'test/integration', mocha);
  await import('./activation.test');
  await import('./diagnostics.test');
  await import('./features.test');
  await import('./snippets.test');
  await import('./commands.test');
  const stats = await new Promise<{ passes: number; failures: number }>((resolve) => {
    const runner = mocha.run(() => resolve({ passes: runner.stats?.passes ?? 0, failures: runner.stats?.failures ?? 0 }));
  });
  console.log(`${stats.passes} passed, ${stats.failures} failed`);
  if (stats.failures > 0) throw new Error(`${stats.failures} editor test(s) failed`);
}
