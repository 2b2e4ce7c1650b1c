import type { SqlRule } from './rule';

/** The authorization methods; a statement uses exactly one. */
const METHOD_OF: Record<string, string> = {
  IAM_ROLE: 'IAM_ROLE',
  CREDENTIALS: 'CREDENTIALS',
  ACCESS_KEY_ID: 'ACCESS_KEY_ID/SECRET_ACCESS_KEY',
  SECRET_ACCESS_KEY: 'ACCESS_KEY_ID/SECRET_ACCESS_KEY',
  SESSION_TOKEN: 'ACCESS_KEY_ID/SECRET_ACCESS_KEY',
  TOKEN: 'ACCESS_KEY_ID/SECRET_ACCESS_KEY',
};

export const rule: SqlRule = {
  id: 'auth-exclusive',
  severity: 'error',
  description: 'IAM_ROLE, access keys (ACCESS_KEY_ID, SECRET_ACCESS_KEY, SESSION_TOKEN) and CREDENTIALS are mutually exclusive, and each is given once.',
  check(model, report) {
    for (const statement of model.statements) {
      if (statement.kind === 'grant-assumerole' || statement.kind === 'revoke-assumerole') continue;
      // Most statements name one method once: the lists are made only for a second clause.
      let seen: string[] | undefined;
      let conflicting: string[] | undefined;
      let method: string | undefined;
      for (const clause of statement.clauses) {
        const mine = METHOD_OF[clause.name];
        if (!mine) continue;
        if (method === undefined) {
          method = mine;
          seen = [clause.name];
          continue;
        }
        let message: string | undefined;
        if (seen!.includes(clause.name)) message = `${clause.name} is given twice.`;
        else if (method !== mine && !conflicting?.includes(mine)) {
          // One finding per conflicting method: ACCESS_KEY_ID and SECRET_ACCESS_KEY are one method.
          (conflicting ??= []).push(mine);
          message = `${mine} can't be used together with ${method}: a statement authorizes itself one way.`;
        }
        if (message) report({ offset: clause.keyword.start, length: clause.keyword.end - clause.keyword.start, message });
        seen!.push(clause.name);
      }
    }
  },
};
