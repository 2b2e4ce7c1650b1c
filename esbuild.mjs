// Bundles the extension: dist/client.js (vscode external), dist/server.js and dist/cli.js
// (everything bundled), plus dist/catalog.json. `--test` also bundles the editor test suite.
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';

const production = process.argv.includes('--production');
const withTests = process.argv.includes('--test');
// jsonc-parser's main build is UMD with dynamic requires that esbuild cannot follow: prefer ESM builds.
const common = { mainFields: ['module', 'main'], bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: !production, minify: production, logLevel: 'warning' };

execFileSync(process.execPath, ['scripts/build-catalog.mjs', 'dist/catalog.json'], { stdio: 'inherit' });
const builds = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];
if (withTests) {
  // mocha is bundled: its package is ESM, which an extension host on an older Node cannot require.
  // Its file unloader reads import.meta.url, which a CommonJS bundle must supply; its parallel
  // mode (unused here) resolves worker files that a bundle cannot hold.
  builds.push({
    entryPoints: ['test/integration/index.ts'], outfile: 'out/integration/index.js', external: ['vscode'], sourcemap: true,
    define: { 'import.meta.url': 'importMetaUrl' }, banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
    logOverride: { 'require-resolve-not-external': 'silent' },
  });
}
await Promise.all(builds.map((b) => esbuild.build({ ...common, ...b })));
for (const f of ['dist/client.js', 'dist/server.js', 'dist/cli.js', 'dist/catalog.json']) {
  console.log(`${f.padEnd(20)} ${(statSync(f).size / 1024).toFixed(0).padStart(6)} KB`);
}
