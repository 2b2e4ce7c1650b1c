/** What the generators produce: policy objects serialised the same way everywhere, and the
 * documents (one per role and kind) handed to the editor or written by the command line. */

export type ConditionBlock = Record<string, Record<string, string | string[]>>;

export interface PolicyStatement {
  Sid: string;
  Effect: 'Allow';
  Principal?: { Service: string | string[] } | { AWS: string | string[] };
  Action: string | string[];
  Resource?: string | string[];
  Condition?: ConditionBlock;
}

export interface Policy {
  Version: '2012-10-17';
  Statement: PolicyStatement[];
}

export type DocumentKind = 'trust' | 'permissions' | 'clause';

export interface GeneratedDocument {
  /** File name, role and kind: `RoleA.trust.json`, `RoleA.permissions.json`, `iam_role.sql`. */
  name: string;
  kind: DocumentKind;
  language: 'json' | 'sql';
  content: string;
  /** The role the document belongs to, when known. */
  role?: string;
  /** Marked values in `content` that the user must replace (`<account-id>`, `<region>`). */
  placeholders?: string[];
}

export type Generated =
  | { ok: true; documents: GeneratedDocument[] }
  | { ok: false; problem: string };

export function policy(statements: PolicyStatement[]): Policy {
  return { Version: '2012-10-17', Statement: statements };
}

export function policyJson(value: Policy): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** A single value as a string, several as an array, without repeats: the form AWS examples use. */
export function oneOrMany(values: readonly string[]): string | string[] {
  const unique = [...new Set(values)];
  return unique.length === 1 ? unique[0] : unique;
}

export function failure(problem: string): Generated {
  return { ok: false, problem };
}
