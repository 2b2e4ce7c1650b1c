// `npm run package`: production build, then out/redshift-iam.vsix (vsce runs on the cached Node 24).
// vsce lists what went in; .vscodeignore is an allow-list of what the extension runs.
import { statSync } from 'node:fs';
import * as path from 'node:path';
import { REPO, VSIX, ensureEditorTools, packageExtension } from './editor/code-server.mjs';

const BUDGET_KB = 3 * 1024;

ensureEditorTools();
packageExtension();
const sizeKb = statSync(VSIX).size / 1024;
console.log(`${path.relative(REPO, VSIX)} ${sizeKb.toFixed(0)} KB (budget ${BUDGET_KB} KB)`);
if (sizeKb > BUDGET_KB) {
  console.error('the package is over its size budget');
  process.exit(1);
}
