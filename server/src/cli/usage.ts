/** What every command-line command shares: usage errors and the catalogue next to the bundle. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CatalogData } from '../service';

/** A mistake in the command line or its inputs: printed with the usage, exit status 2. */
export class UsageError extends Error {}

export const USAGE = `Usage:
  redshift-iam check [paths...] [--format text|json|sarif] [--fail-on error|warning|information|none]
                     [--config FILE] [- --language json|sql]

check: checks IAM policy JSON files and Redshift SQL files (folders are walked, skipping what
.gitignore ignores); "-" reads standard input. Settings come from .redshift-iam.json or --config.
Exit status: 0 no findings at or above --fail-on (default: error), 1 findings, 2 usage or I/O error.`;

/** dist/catalog.json, beside the bundled dist/cli.js and dist/server.js. */
export function loadCatalog(): CatalogData {
  return JSON.parse(readFileSync(join(__dirname, 'catalog.json'), 'utf8'));
}
