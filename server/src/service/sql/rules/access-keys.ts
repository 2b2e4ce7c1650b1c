import type { Clause } from '../statements';
import { KINDS } from '../syntax';
import type { SqlRule } from './rule';

const KEY_CLAUSES = new Set(['ACCESS_KEY_ID', 'SECRET_ACCESS_KEY', 'SESSION_TOKEN', 'TOKEN', 'CREDENTIALS']);
const isKeyClause = (c: Clause) => KEY_CLAUSES.has(c.name);

export const rule: SqlRule = {
  id: 'access-keys',
  severity: 'error',
  description: 'Access keys and CREDENTIALS are accepted only by COPY, UNLOAD and CREATE LIBRARY; ACCESS_KEY_ID and SECRET_ACCESS_KEY go together, and SESSION_TOKEN needs both.',
  check(model, report) {
    for (const statement of model.statements) {
      // Most statements have none: they are passed over without making a list.
      if (!statement.clauses.some(isKeyClause)) continue;
      const clauses = statement.clauses.filter(isKeyClause);
      const keyword = (name: string) => clauses.find((c) => c.name === name)?.keyword;
      const at = (span: { start: number; end: number }, message: string) => report({ offset: span.start, length: span.end - span.start, message });
      if (!KINDS[statement.kind].keys) {
        for (const c of clauses) {
          at(c.keyword, `${statement.label} does not accept ${c.name}: only COPY, UNLOAD and CREATE LIBRARY take access keys or CREDENTIALS. Use IAM_ROLE.`);
        }
        continue;
      }
      const id = keyword('ACCESS_KEY_ID');
      const secret = keyword('SECRET_ACCESS_KEY');
      const misnamed = keyword('TOKEN');
      if (misnamed) {
        report({
          offset: misnamed.start,
          length: misnamed.end - misnamed.start,
          message: `${statement.label} has no TOKEN parameter: the session token of temporary credentials goes in SESSION_TOKEN (token= is the CREDENTIALS string's key).`,
          fixes: [{ title: 'Write SESSION_TOKEN', edits: [{ offset: misnamed.start, length: misnamed.end - misnamed.start, newText: 'SESSION_TOKEN' }], preferred: true }],
        });
      }
      const token = keyword('SESSION_TOKEN') ?? misnamed;
      if (id && !secret) at(id, 'ACCESS_KEY_ID needs SECRET_ACCESS_KEY.');
      if (secret && !id) at(secret, 'SECRET_ACCESS_KEY needs ACCESS_KEY_ID.');
      if (token && !(id && secret)) at(token, 'A session token is for temporary credentials: it needs ACCESS_KEY_ID and SECRET_ACCESS_KEY.');
    }
  },
};
