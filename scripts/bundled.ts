// Runs a measuring script as the server runs: bundled by esbuild. Loaded through tsx, the same code runs
// markedly slower (each imported constant is read through a getter, each function is wrapped to keep its
// name): the SQL check of the benchmark script took 35–41 ms that way against 25–28 ms bundled.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { buildSync } from 'esbuild';

const BUNDLED = 'BENCH_BUNDLED';

/** The node options the extension starts the server with (client/src/extension.ts). */
export const SERVER_NODE_OPTIONS = ['--max-semi-space-size=4'];

/** Whether this process runs the bundle (rather than the script loaded through tsx). */
export const inBundle = process.env[BUNDLED] === '1';

/** Bundles `script` into node_modules/.cache (inside the project, so that the bundle finds esbuild, which
 * it imports but does not contain) and returns the bundle's path; `__dirname` keeps its value. */
export function bundle(script: string): string {
  const scriptDir = join(script, '..');
  const outfile = join(scriptDir, '..', 'node_modules', '.cache', script.slice(scriptDir.length + 1).replace(/\.ts$/, '.js'));
  buildSync({ entryPoints: [script], outfile, bundle: true, platform: 'node', format: 'cjs', mainFields: ['module', 'main'], define: { __dirname: JSON.stringify(scriptDir) }, external: ['esbuild'], logLevel: 'warning' });
  return outfile;
}

/** Runs `script` bundled, with the server's node options and this process's arguments, and exits with its
 * status. Call it first thing, when not `inBundle`. */
export function runBundled(script: string): never {
  const result = spawnSync(process.execPath, [...SERVER_NODE_OPTIONS, bundle(script), ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, [BUNDLED]: '1' } });
  process.exit(result.status ?? 1);
}
