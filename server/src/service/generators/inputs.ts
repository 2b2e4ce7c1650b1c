/** Checks of the values a user types for the generators: each returns one sentence saying what is
 * wrong and what is expected, or undefined when the value is fine. Shared by the editor prompts
 * (validation as typed), the command line and the generators themselves. */
import { roleArnProblems, parseArn } from '../arn';
import { isRegion, REGIONS } from '../regions';
import { MAX_CHAIN } from '../sql/syntax';
import { didYouMean } from '../text';

export function accountIdProblem(value: unknown): string | undefined {
  // As a number, an ID would lose its leading zeros, and a policy needs it as a string.
  if (typeof value !== 'string') return `The account ID ${String(value)} must be given as a string of 12 digits.`;
  if (/^\d{12}$/.test(value)) return undefined;
  if (/^\d+$/.test(value)) return `"${value}" has ${value.length} digits; an AWS account ID has exactly 12.`;
  return `"${value}" is not an AWS account ID: expected 12 digits.`;
}

export function regionProblem(value: string): string | undefined {
  if (isRegion(value)) return undefined;
  const guess = didYouMean(value, Object.keys(REGIONS));
  return `"${value}" is not an AWS Region${guess ? `; did you mean ${guess}?` : ' (for example us-east-1).'}`;
}

/** The partition of a known Region. */
export function partitionOfRegion(region: string): string {
  return REGIONS[region];
}

/** Problems with a list of Regions: at least one, all known, all in one partition. */
export function regionsProblem(regions: readonly string[]): string | undefined {
  if (regions.length === 0) return 'Choose at least one AWS Region.';
  for (const r of regions) {
    const problem = regionProblem(r);
    if (problem) return problem;
  }
  const partitions = [...new Set(regions.map(partitionOfRegion))];
  if (partitions.length > 1) return `The Regions ${regions.join(', ')} span the partitions ${partitions.join(' and ')}; a role belongs to one partition.`;
  return undefined;
}

/** A provisioned cluster identifier: 1–63 lowercase letters, digits and hyphens, starting with a
 * letter, without two hyphens in a row and not ending with one. */
export function clusterIdentifierProblem(value: string): string | undefined {
  const expected = 'a cluster identifier is 1–63 lowercase letters, digits or hyphens, starting with a letter, with no "--" and no hyphen at the end.';
  if (value === '') return `The cluster identifier is empty: ${expected}`;
  if (value.length > 63) return `The cluster identifier has ${value.length} characters: ${expected}`;
  if (/[A-Z]/.test(value) && clusterIdentifierProblem(value.toLowerCase()) === undefined) return `Cluster identifiers are lowercase: use "${value.toLowerCase()}".`;
  if (!/^[a-z0-9-]+$/.test(value)) return `"${value}" has characters other than lowercase letters, digits and hyphens: ${expected}`;
  if (!/^[a-z]/.test(value)) return `"${value}" does not start with a letter: ${expected}`;
  if (value.includes('--')) return `"${value}" contains "--": ${expected}`;
  if (value.endsWith('-')) return `"${value}" ends with a hyphen: ${expected}`;
  return undefined;
}

/** A Redshift Serverless workgroup ID, the UUID in the workgroup's ARN (not its name). */
export function workgroupIdProblem(value: string): string | undefined {
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value)) return undefined;
  if (/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(value)) return `Workgroup IDs are lowercase: use "${value.toLowerCase()}".`;
  return `"${value}" is not a workgroup ID: expected the UUID from the workgroup's ARN, such as 1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d (the workgroup name is not used in ARNs).`;
}

/** A database user name as it appears in a dbuser ARN: a standard Redshift identifier (letter or
 * underscore, then letters, digits, underscores or dollar signs, at most 127), lowercase because
 * Redshift folds names to lowercase and the external ID is compared exactly. */
export function dbUserProblem(value: string): string | undefined {
  const expected = 'a database user name starts with a letter or underscore, then letters, digits, underscores or dollar signs, at most 127.';
  if (value === '') return `The database user name is empty: ${expected}`;
  if (value.length > 127) return `The database user name has ${value.length} characters: ${expected}`;
  if (!/^[A-Za-z_][A-Za-z0-9_$]*$/.test(value)) return `"${value}" is not a plain database user name: ${expected}`;
  if (value.toLowerCase() === 'public') return '"public" is reserved and cannot be a database user.';
  if (value !== value.toLowerCase()) return `Redshift stores user names in lowercase and the external ID is compared exactly: use "${value.toLowerCase()}".`;
  return undefined;
}

/** Inputs arrive as JSON from the editor, command arguments or the command line: check their shape. */
export function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

/** Comma- or whitespace-separated entries of a typed list, without empty ones. */
export function splitList(text: string): string[] {
  return text.split(/[\s,]+/).filter(Boolean);
}

/** The role ARNs of an IAM_ROLE chain (comma-separated, as Redshift writes them). */
export function chainRoles(text: string): string[] {
  return text.split(',').map((r) => r.trim()).filter(Boolean);
}

/** Problems with a role chain: 1–10 well-formed role ARNs, all in one partition, none repeated. */
export function chainProblem(roles: readonly string[]): string | undefined {
  if (roles.length === 0) return 'The chain is empty: give at least one role ARN.';
  if (roles.length > MAX_CHAIN) return `The chain has ${roles.length} roles; Redshift accepts at most ${MAX_CHAIN}.`;
  for (const [i, role] of roles.entries()) {
    const problem = roleArnProblem(role);
    if (problem) return `Role ${i + 1} (${role}): ${problem}`;
    // IAM allows a comma in a role name; IAM_ROLE reads it as the end of the role.
    if (role.includes(',')) return `Role ${i + 1} (${role}): its name holds a comma, which IAM_ROLE reads as the separator of a chain: Redshift cannot name this role.`;
  }
  // A role is its name in its account, whatever its path, and IAM tells names apart without case.
  const seen = new Map<string, string>();
  for (const role of roles) {
    const key = `${accountOfRole(role)}:${roleName(role).toLowerCase()}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      return `${role} ${earlier === role ? 'appears twice in the chain' : `names the same role as ${earlier} (a role is its name in its account, whatever its path or case)`}; each role assumes the next one, so a role can appear only once.`;
    }
    seen.set(key, role);
  }
  const first = partitionOfRole(roles[0]);
  const other = roles.find((r) => partitionOfRole(r) !== first);
  if (other) return `${roles[0]} is in partition ${first} but ${other} is in ${partitionOfRole(other)}: a role cannot assume a role in another partition.`;
  return undefined;
}

/** The first problem of a role ARN, which must name a real account (not a placeholder). */
export function roleArnProblem(roleArn: string): string | undefined {
  return roleArnProblems(roleArn)[0]?.message ?? accountIdProblem(accountOfRole(roleArn));
}

export function partitionOfRole(roleArn: string): string {
  return parseArn(roleArn)?.partition.text ?? '';
}

export function accountOfRole(roleArn: string): string {
  return parseArn(roleArn)?.account.text ?? '';
}

/** The role name: the last segment of `role/path/Name`. */
export function roleName(roleArn: string): string {
  const resource = parseArn(roleArn)?.resource.text ?? roleArn;
  return resource.slice(resource.lastIndexOf('/') + 1);
}
