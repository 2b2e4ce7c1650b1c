/** The role chains a statement names, wherever they are written: IAM_ROLE, CATALOG_ROLE, the targets of
 * GRANT/REVOKE ASSUMEROLE, and `aws_iam_role=` inside a CREDENTIALS string. */
import type { Clause, SqlStatement, SqlValue } from './statements';

export interface RoleValue {
  clause: Clause;
  /** The chain as written; for CREDENTIALS, the `aws_iam_role` value. */
  value: SqlValue;
  inCredentials: boolean;
}

const QUOTED = new Set(['string', 'dollarString', 'typographicString', 'quotedIdent']);

/** Literal (quoted, untemplated) role chains of a statement; the parser keeps them in `statement.roles`. */
export function roleValues(statement: Pick<SqlStatement, 'clauses'>): RoleValue[] {
  const values: RoleValue[] = [];
  for (const clause of statement.clauses) {
    const value = clause.value;
    if (!value || value.templated || !QUOTED.has(value.kind)) continue;
    if (clause.name === 'IAM_ROLE' || clause.name === 'CATALOG_ROLE' || clause.name === 'ON') {
      values.push({ clause, value, inCredentials: false });
    } else if (clause.name === 'CREDENTIALS') {
      const pair = clause.pairs?.find((p) => p.key === 'aws_iam_role' && p.hasEquals);
      if (pair) values.push({ clause, value: { ...value, text: pair.value, value: pair.value, offset: pair.valueOffset }, inCredentials: true });
    }
  }
  return values;
}

/** Whether a value is a documentation placeholder (`<access-key-id>`, `{role}`, `XXXX`, `your-key`)
 * rather than real content. */
export function isPlaceholderText(text: string): boolean {
  const trimmed = text.trim();
  // "Contains placeholder, no spaces" is tested apart: as `^\S*placeholder\S*$` it backtracks through
  // every long ARN, quadratically.
  return PLACEHOLDER_SHAPE.test(trimmed) || (/placeholder/i.test(trimmed) && !/\s/.test(trimmed));
}

const PLACEHOLDER_SHAPE = /^(?:<[^<>]*>|\{[^{}]*\}|\[[^[\]]*\]|x{4,}|\*{4,}|\.{3}|(?:your|my)[-_ ]\S*)$/i;

/** A role value that is a keyword written in quotes ('default', 'SESSION') rather than an ARN. */
export function isQuotedKeyword(text: string): boolean {
  return /^(?:default|session)$/i.test(text.trim());
}

/** Whether the statement is one of the kinds that carry authorization. */
export function carriesAuthorization(statement: SqlStatement): boolean {
  return statement.kind !== 'other' && statement.kind !== 'create-procedure';
}
