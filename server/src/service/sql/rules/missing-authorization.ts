import type { SqlStatement } from '../statements';
import { KINDS } from '../syntax';
import { ROLE_PLACEHOLDER } from './plaintext-secret';
import type { SqlRule } from './rule';

const AUTHORIZATION = new Set(['IAM_ROLE', 'CREDENTIALS', 'ACCESS_KEY_ID', 'SECRET_ACCESS_KEY', 'SESSION_TOKEN', 'TOKEN']);

/** The clause after which IAM_ROLE is inserted, or undefined when the statement doesn't need one yet. */
function anchor(statement: SqlStatement): { end: number; what: string } | undefined {
  const value = (name: string) => statement.clauses.find((c) => c.name === name);
  switch (statement.kind) {
    case 'copy':
    case 'copy-job': {
      const from = value('FROM');
      const what = statement.kind === 'copy-job' ? 'COPY JOB' : statement.source === 'DYNAMODB' ? 'COPY from Amazon DynamoDB' : statement.source === 'EMR' ? 'COPY from Amazon EMR' : 'COPY';
      return from ? { end: from.end, what } : undefined;
    }
    case 'unload': {
      const to = value('TO');
      return to ? { end: to.end, what: 'UNLOAD' } : undefined;
    }
    case 'create-library': {
      const from = value('FROM');
      return from?.value && /^s3:\/\//i.test(from.value.value) ? { end: from.end, what: 'CREATE LIBRARY from Amazon S3' } : undefined;
    }
    case 'create-external-function':
      return { end: statement.end, what: 'CREATE EXTERNAL FUNCTION' };
    default:
      return undefined;
  }
}

export const rule: SqlRule = {
  id: 'missing-authorization',
  severity: 'warning',
  description: 'COPY, UNLOAD, CREATE LIBRARY from Amazon S3 and CREATE EXTERNAL FUNCTION need IAM_ROLE (or, where accepted, keys or CREDENTIALS) to reach other AWS services.',
  check(model, report) {
    for (const statement of model.statements) {
      if (statement.templated || statement.clauses.some((c) => AUTHORIZATION.has(c.name))) continue;
      const where = anchor(statement);
      if (!where) continue;
      const clause = KINDS[statement.kind].defaultRole ? 'IAM_ROLE default' : `IAM_ROLE ${statement.literal(ROLE_PLACEHOLDER)}`;
      report({
        offset: statement.head.start,
        length: statement.head.end - statement.head.start,
        message: `${where.what} has no authorization: add IAM_ROLE with ${KINDS[statement.kind].defaultRole ? 'default or ' : ''}the ARN of a role attached to the cluster.`,
        fixes: [{ title: `Add ${clause}`, edits: [{ offset: where.end, length: 0, newText: ` ${clause}` }], preferred: true }],
      });
    }
  },
};
