/** ARN parsing that keeps the span of each field, so findings can point inside a string. */
import { PARTITIONS } from './regions';

export interface Field { text: string; start: number }

export interface Arn {
  prefix: Field;
  partition: Field;
  service: Field;
  region: Field;
  account: Field;
  resource: Field;
}

/** Splits `arn:partition:service:region:account:resource` (the resource may hold more colons).
 * Returns undefined when there are fewer than six fields. Starts are relative to `text`. */
export function parseArn(text: string): Arn | undefined {
  const fields: Field[] = [];
  let start = 0;
  for (let i = 0; i < 5; i++) {
    const colon = text.indexOf(':', start);
    if (colon < 0) return undefined;
    fields.push({ text: text.slice(start, colon), start });
    start = colon + 1;
  }
  fields.push({ text: text.slice(start), start });
  const [prefix, partition, service, region, account, resource] = fields;
  return { prefix, partition, service, region, account, resource };
}

export function looksLikeArn(text: string): boolean {
  return /^arn:/i.test(text);
}

/** A problem inside a string, relative to the string's start. */
export interface Problem { start: number; length: number; message: string }

const PLACEHOLDER = /^(?:<[^>]*>|\{[^}]*\}|x{12}|X{12}|your[-_ ]?account[-_ ]?id|account[-_ ]?id|aws[-_]account[-_]id)$/i;

/** Whether an account field is a documentation placeholder such as `<aws-account-id>` or `XXXXXXXXXXXX`. */
export function isAccountPlaceholder(account: string): boolean {
  return PLACEHOLDER.test(account);
}

/** Problems with the generic ARN shape: `arn` prefix, partition, account. */
export function arnShapeProblems(arn: Arn, opts: { allowWildcards: boolean }): Problem[] {
  const problems: Problem[] = [];
  const at = (f: Field, message: string) => problems.push({ start: f.start, length: Math.max(f.text.length, 1), message });
  if (arn.prefix.text !== 'arn') {
    at(arn.prefix, arn.prefix.text.toLowerCase() === 'arn' ? `ARNs start with lowercase "arn", not "${arn.prefix.text}".` : `An ARN starts with "arn:", not "${arn.prefix.text}:".`);
  }
  if (!PARTITIONS.includes(arn.partition.text) && !(opts.allowWildcards && /[*?$]/.test(arn.partition.text))) {
    at(arn.partition, `Unknown partition "${arn.partition.text}": expected one of ${PARTITIONS.join(', ')}.`);
  }
  if (arn.service.text === '') at(arn.service, 'The ARN has no service.');
  const account = arn.account.text;
  if (account !== '' && !/^\d{12}$/.test(account) && !(opts.allowWildcards && /[*?]|\$\{/.test(account)) && !isAccountPlaceholder(account)) {
    at(arn.account, /^\d+$/.test(account)
      ? `Account ID "${account}" has ${account.length} digits; AWS account IDs have exactly 12.`
      : `Account ID "${account}" is not a 12-digit AWS account ID.`);
  }
  if (arn.resource.text === '') at(arn.resource, 'The ARN has no resource part.');
  return problems;
}

const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;

/** Problems with an IAM role ARN `arn:aws:iam::123456789012:role/path/Name`. */
export function roleArnProblems(text: string): Problem[] {
  const arn = parseArn(text);
  if (!arn) return [{ start: 0, length: Math.max(text.length, 1), message: `"${text}" is not a role ARN: expected arn:aws:iam::<12-digit account>:role/<name>.` }];
  const problems = arnShapeProblems(arn, { allowWildcards: false });
  const at = (f: Field, message: string) => problems.push({ start: f.start, length: Math.max(f.text.length, 1), message });
  if (arn.service.text !== 'iam') at(arn.service, `A role ARN's service is "iam", not "${arn.service.text}".`);
  if (arn.region.text !== '') at(arn.region, 'IAM is a global service: the region field of a role ARN must be empty.');
  if (arn.account.text === '') {
    problems.push({ start: arn.account.start, length: Math.max(arn.resource.text.length, 1) + arn.resource.start - arn.account.start, message: 'The role ARN has no account ID: expected arn:aws:iam::<12-digit account>:role/<name>.' });
  }
  problems.push(...roleResourceProblems(arn.resource));
  return problems;
}

/** Problems with the `role/path/Name` resource part of a role ARN. */
export function roleResourceProblems(resource: Field): Problem[] {
  const text = resource.text;
  if (!text.startsWith('role/')) {
    const kind = text.split(/[/:]/)[0];
    return [{ start: resource.start, length: Math.max(text.length, 1), message: kind && kind !== text ? `This is an IAM ${kind} ARN, not a role ARN (expected role/<name>).` : `Expected role/<name> in a role ARN, found "${text}".` }];
  }
  const slash = text.lastIndexOf('/');
  const name = text.slice(slash + 1);
  const path = text.slice(4, slash + 1);
  const problems: Problem[] = [];
  if (path.length > 512 || !/^\/(?:[\u0021-\u007e]+\/)*$/.test(path) || path.includes('//')) {
    problems.push({ start: resource.start + 4, length: path.length, message: `Invalid role path "${path}": a path is / or /segments/ of printable characters, at most 512.` });
  }
  if (!ROLE_NAME.test(name)) {
    problems.push({
      start: resource.start + slash + 1,
      length: Math.max(name.length, 1),
      message: name === '' ? 'The role name is empty.' : `Invalid role name "${name}": 1–64 characters of letters, digits and + = , . @ _ -.`,
    });
  }
  return problems;
}
