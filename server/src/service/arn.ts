/** ARN parsing that keeps the span of each field, so findings can point inside a string. */
import { PARTITIONS } from './regions';
import { escapeRegExp, remembered } from './text';

export interface Field { text: string; start: number }

export interface Arn {
  prefix: Field;
  partition: Field;
  service: Field;
  region: Field;
  account: Field;
  resource: Field;
}

/** Recent parses by text: several rules read the same ARN of a document (a policy's resources, a
 * SQL file's role chains), and the catalogue's templates are parsed for every ARN they are compared
 * with. Bounded, oldest out first; the parses are shared, so callers treat them as read-only. */
const parsedArns = new Map<string, Arn | undefined>();
const PARSED_ARNS_KEPT = 8192;

/** Splits `arn:partition:service:region:account:resource` (the resource may hold more colons).
 * Returns undefined when there are fewer than six fields. Starts are relative to `text`. */
export function parseArn(text: string): Arn | undefined {
  return remembered(parsedArns, PARSED_ARNS_KEPT, text, arnOf);
}

function arnOf(text: string): Arn | undefined {
  const fields = arnFields(text);
  if (fields.length < 6) return undefined;
  const [prefix, partition, service, region, account, resource] = fields;
  return { prefix, partition, service, region, account, resource };
}

/** Splits at most six colon-separated fields, the last taking the rest; a colon inside a policy
 * variable such as `${aws:username}` does not split. */
function arnFields(text: string): Field[] {
  const fields: Field[] = [];
  let start = 0;
  let i = text.indexOf(':');
  while (i >= 0 && fields.length < 5) {
    // The next `${` before this colon: when its `}` comes after the colon, the colon is inside a variable.
    const variable = text.lastIndexOf('${', i);
    const close = variable >= start ? text.indexOf('}', variable) : -1;
    if (close > i) {
      i = text.indexOf(':', close);
      continue;
    }
    fields.push({ text: text.slice(start, i), start });
    start = i + 1;
    i = text.indexOf(':', start);
  }
  fields.push({ text: text.slice(start), start });
  return fields;
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

/** Where to point for a field: the field itself, or for an empty field the colon before it. */
export function fieldSpan(f: Field): { start: number; length: number } {
  return f.text === '' ? { start: Math.max(f.start - 1, 0), length: 1 } : { start: f.start, length: f.text.length };
}

/** Problems with the generic ARN shape: `arn` prefix, partition, account. */
export function arnShapeProblems(arn: Arn, opts: { allowWildcards: boolean; awsOwned?: boolean }): Problem[] {
  const problems: Problem[] = [];
  const at = (f: Field, message: string) => problems.push({ ...fieldSpan(f), message });
  if (arn.prefix.text !== 'arn') {
    at(arn.prefix, arn.prefix.text.toLowerCase() === 'arn' ? `ARNs start with lowercase "arn", not "${arn.prefix.text}".` : `An ARN starts with "arn:", not "${arn.prefix.text}:".`);
  }
  if (!PARTITIONS.includes(arn.partition.text) && !(opts.allowWildcards && /[*?$]/.test(arn.partition.text))) {
    at(arn.partition, `Unknown partition "${arn.partition.text}": expected one of ${PARTITIONS.join(', ')}.`);
  }
  if (arn.service.text === '') at(arn.service, 'The ARN has no service.');
  const account = arn.account.text;
  // AWS managed policies live in the pseudo-account "aws": arn:aws:iam::aws:policy/ReadOnlyAccess; so do
  // the other resources AWS owns (opts.awsOwned, from the catalogue's ARN templates).
  const awsManaged = account === 'aws' && (opts.awsOwned || (arn.service.text === 'iam' && arn.resource.text.startsWith('policy/')));
  if (account !== '' && !/^\d{12}$/.test(account) && !(opts.allowWildcards && hasWildcard(account)) && !isAccountPlaceholder(account) && !awsManaged) {
    at(arn.account, /^\d+$/.test(account)
      ? `Account ID "${account}" has ${account.length} digits; AWS account IDs have exactly 12.`
      : `Account ID "${account}" is not a 12-digit AWS account ID.`);
  }
  if (arn.resource.text === '') at(arn.resource, 'The ARN has no resource part.');
  return problems;
}

const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;

/** Problems with an IAM role ARN `arn:aws:iam::123456789012:role/path/Name`. A SQL script's role ARNs
 * have theirs found once per distinct ARN (`roleArnFacts`). */
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
  // An empty resource is reported by arnShapeProblems already.
  if (arn.resource.text !== '') problems.push(...roleResourceProblems(arn.resource));
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
      ...fieldSpan({ text: name, start: resource.start + slash + 1 }),
      message: name === '' ? 'The role name is empty.' : `Invalid role name "${name}": 1–64 characters of letters, digits and + = , . @ _ -.`,
    });
  }
  return problems;
}

/** Whether a string holds an IAM wildcard (`*`, `?`) or a policy variable (`${aws:username}`). */
export function hasWildcard(text: string): boolean {
  return /[*?]|\$\{/.test(text);
}

/** What a service's ARNs look like, derived from its catalogue ARN templates. */
export interface ArnShape {
  /** Every template has an empty region (IAM, CloudFront, Route 53...). */
  global: boolean;
  /** Every template has an account (IAM: yes; S3: no, buckets have none). */
  needsAccount: boolean;
  /** Resource prefixes of the resources AWS owns, whose account field is the word "aws"
   * (`cluster-access-policy/` in arn:aws:eks::aws:cluster-access-policy/…). */
  awsOwnedResources: string[];
}

export function arnShapeOfTemplates(templates: string[]): ArnShape | undefined {
  const parsed = templates.map(parseArn).filter((a): a is Arn => a !== undefined);
  if (parsed.length === 0) return undefined;
  return {
    global: parsed.every((a) => a.region.text === ''),
    needsAccount: parsed.every((a) => a.account.text !== ''),
    awsOwnedResources: parsed.filter((a) => a.account.text === 'aws').map((a) => a.resource.text.split('${')[0]),
  };
}

/** The resource part of a catalogue ARN template (`${BucketName}/${ObjectName}`) as a regular expression. */
export function templateResourceRegExp(resource: string): RegExp {
  const literals = resource.split(/\$\{[^}]*\}/).map(escapeRegExp);
  return new RegExp(`^${literals.join('.+')}$`);
}

function accountLike(text: string): boolean {
  return /^\d{12}$/.test(text) || text === 'aws' || hasWildcard(text) || isAccountPlaceholder(text);
}

/** Every problem of an ARN string: its six fields, the generic shape, a region on a global service, a
 * missing account where the service needs one (from `shapeOf`), and IAM role names and paths. */
export function arnProblems(text: string, opts: { allowWildcards: boolean; shapeOf: (service: string) => ArnShape | undefined }): Problem[] {
  const arn = parseArn(text);
  if (!arn) {
    const fields = arnFields(text);
    const last = fields[fields.length - 1];
    // `arn:aws:s3:::*` style: a trailing wildcard may stand for the fields that follow.
    if (opts.allowWildcards && last.text.includes('*')) return [];
    const [, partition, service, region, inAccount] = fields;
    if (fields.length === 5 && opts.shapeOf(service.text)?.needsAccount && !accountLike(inAccount.text)) {
      return [{
        start: inAccount.start,
        length: Math.max(inAccount.text.length, 1),
        message: `Missing account ID: "${inAccount.text}" is in the account field; expected arn:${partition.text}:${service.text}:${region.text}:<12-digit account>:${inAccount.text}.`,
      }];
    }
    return [{ start: 0, length: Math.max(text.length, 1), message: `An ARN has six colon-separated fields (arn:partition:service:region:account:resource); this one has ${fields.length}.` }];
  }
  const service = arn.service.text;
  const shape = opts.shapeOf(service);
  const awsOwned = shape?.awsOwnedResources.some((prefix) => arn.resource.text.startsWith(prefix)) ?? false;
  const problems = arnShapeProblems(arn, { allowWildcards: opts.allowWildcards, awsOwned });
  if (shape?.global && arn.region.text !== '' && !(opts.allowWildcards && hasWildcard(arn.region.text))) {
    problems.push({ start: arn.region.start, length: arn.region.text.length, message: `${service} is a global service: its ARNs have an empty region (arn:${arn.partition.text}:${service}::<account>:…).` });
  }
  if (shape?.needsAccount && arn.account.text === '') {
    problems.push({ start: arn.account.start - 1, length: 2, message: `Missing account ID: ${service} ARNs need the 12-digit account between these colons.` });
  }
  if (service === 'iam' && arn.resource.text.startsWith('role/') && !hasWildcard(arn.resource.text)) {
    problems.push(...roleResourceProblems(arn.resource));
  }
  return problems;
}
