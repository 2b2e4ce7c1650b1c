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
.gitignore ignores); "-" reads standard input; after "--" every argument is a path. Settings come
from .redshift-iam.json or --config.
Exit status: 0 no findings at or above --fail-on (default: error), 1 findings, 2 usage or I/O error.

  redshift-iam generate trust --account ACCOUNT --region REGION [--region REGION2...]
                     [--cluster ID | --workgroup WORKGROUP-ID | --serverless] [--dbuser USER...]
                     [--restrict-regions] [--source-arn] [--ml] [--role-name NAME]
  redshift-iam generate chain (--roles ARN1,ARN2[,...] | --sql FILE --line N) --out DIR [--trust role|account]
                     [--force] [trust options above, without --account: restrict the first role's Redshift trust]
  redshift-iam generate permissions --sql FILE --line N [--account ACCOUNT] [--region REGION]
                     [--default-role ARN]

generate trust: prints a Redshift trust policy, restricted to database users (--dbuser, needs
--cluster or --workgroup), to the Regions' service principals (--restrict-regions), to one cluster
or workgroup (--source-arn); --ml also trusts SageMaker for Redshift ML.
generate chain: writes ROLE.trust.json and ROLE.permissions.json for every role of an IAM_ROLE chain
(at most 10 roles, one partition; typed, or the IAM_ROLE of the SQL statement at line N) into DIR and
prints the IAM_ROLE clause. Existing files are replaced only with --force. Each role trusts the
previous role (--trust role, the default) or its account (--trust account).
generate permissions: prints the least-privilege policy for the SQL statement at line N (COPY, UNLOAD,
CREATE LIBRARY, CREATE EXTERNAL SCHEMA, CREATE EXTERNAL FUNCTION, CREATE MODEL); values the statement
does not say stay as <account-id>, <region> placeholders unless given.
Exit status: 0 done, 2 bad input or nothing written.`;

/** dist/catalog.json, beside the bundled dist/cli.js and dist/server.js. */
export function loadCatalog(): CatalogData {
  return JSON.parse(readFileSync(join(__dirname, 'catalog.json'), 'utf8'));
}
