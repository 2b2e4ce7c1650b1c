import type { SqlStatement } from '../statements';
import { KINDS } from '../syntax';
import { ROLE_PLACEHOLDER } from './plaintext-secret';
import type { SqlRule } from './rule';

const AUTHORIZATION = new Set(['IAM_ROLE', 'CREDENTIALS', 'ACCESS_KEY_ID', 'SECRET_ACCESS_KEY', 'SESSION_TOKEN', 'TOKEN']);

/** The words that follow IAM_ROLE in CREATE MODEL and CREATE EXTERNAL MODEL, whose keywords must come in
 * the documented order. */
const AFTER_MODEL_ROLE = new Set(['AUTO', 'MODEL_TYPE', 'PROBLEM_TYPE', 'OBJECTIVE', 'PREPROCESSORS', 'HYPERPARAMETERS', 'SETTINGS']);

/** Where IAM_ROLE goes in a CREATE MODEL: before the first keyword that follows it (outside parentheses,
 * after FUNCTION), else at the end. */
function modelRoleAnchor(text: string, statement: SqlStatement): { offset: number; before: boolean } {
  const after = statement.clauses.find((c) => c.name === 'FUNCTION')?.end ?? statement.head.end;
  let depth = 0;
  for (const t of statement.tokens) {
    if (t.start < after) continue;
    if (t.kind === 'operator') depth += text[t.start] === '(' ? 1 : text[t.start] === ')' ? -1 : 0;
    else if (depth === 0 && t.kind === 'word' && AFTER_MODEL_ROLE.has(text.slice(t.start, t.end).toUpperCase())) return { offset: t.start, before: true };
  }
  return { offset: statement.end, before: false };
}

/** Where IAM_ROLE is inserted (after the clause that comes before it, or before the keyword that follows
 * it), or undefined when the statement doesn't need one yet. */
function anchor(text: string, statement: SqlStatement): { offset: number; before: boolean; what: string } | undefined {
  const value = (name: string) => statement.clauses.find((c) => c.name === name);
  switch (statement.kind) {
    case 'copy':
    case 'copy-job': {
      const from = value('FROM');
      const what = statement.kind === 'copy-job' ? 'COPY JOB' : statement.source === 'DYNAMODB' ? 'COPY from Amazon DynamoDB' : statement.source === 'EMR' ? 'COPY from Amazon EMR' : 'COPY';
      return from ? { offset: from.end, before: false, what } : undefined;
    }
    case 'unload': {
      const to = value('TO');
      return to ? { offset: to.end, before: false, what: 'UNLOAD' } : undefined;
    }
    case 'create-library': {
      const from = value('FROM');
      return from?.value && /^s3:\/\//i.test(from.value.value) ? { offset: from.end, before: false, what: 'CREATE LIBRARY from Amazon S3' } : undefined;
    }
    case 'create-external-function':
      return { offset: statement.end, before: false, what: 'CREATE EXTERNAL FUNCTION' };
    case 'create-model':
    case 'create-external-model':
      return { ...modelRoleAnchor(text, statement), what: statement.label };
    default:
      return undefined;
  }
}

export const rule: SqlRule = {
  id: 'missing-authorization',
  severity: 'warning',
  description: 'COPY, UNLOAD, CREATE LIBRARY from Amazon S3, CREATE EXTERNAL FUNCTION, CREATE MODEL and CREATE EXTERNAL MODEL need IAM_ROLE (or, where accepted, keys or CREDENTIALS) to reach other AWS services.',
  check(model, report) {
    for (const statement of model.statements) {
      if (statement.templated || statement.clauses.some((c) => AUTHORIZATION.has(c.name))) continue;
      const where = anchor(model.text, statement);
      if (!where) continue;
      const clause = KINDS[statement.kind].defaultRole ? 'IAM_ROLE default' : `IAM_ROLE ${statement.literal(ROLE_PLACEHOLDER)}`;
      // An unclosed string or name runs to the end of the statement: a clause inserted there would be in it.
      const fixable = !statement.tokens.some((t) => t.unterminated);
      report({
        offset: statement.head.start,
        length: statement.head.end - statement.head.start,
        message: `${where.what} has no authorization: add IAM_ROLE with ${KINDS[statement.kind].defaultRole ? 'default or ' : ''}the ARN of a role attached to the cluster.`,
        fixes: fixable ? [{ title: `Add ${clause}`, edits: [{ offset: where.offset, length: 0, newText: where.before ? `${clause} ` : ` ${clause}` }], preferred: true }] : undefined,
      });
    }
  },
};
