import type { SqlRule } from './rule';

/** What each clause needs after its keyword. */
const VALUE_NEEDED: Record<string, string> = {
  IAM_ROLE: 'default or a quoted role ARN',
  CATALOG_ROLE: "a quoted role ARN or 'SESSION'",
  CREDENTIALS: "a quoted 'key=value;…' string",
  ACCESS_KEY_ID: 'a quoted access key ID',
  SECRET_ACCESS_KEY: 'a quoted secret access key',
  SESSION_TOKEN: 'a quoted session token',
  MASTER_SYMMETRIC_KEY: 'the quoted root symmetric key',
  KMS_KEY_ID: 'a quoted AWS KMS key ID or ARN',
};

export const rule: SqlRule = {
  id: 'sql-syntax',
  severity: 'error',
  description: 'Strings, comments and quoted identifiers must be closed, and authorization clauses need their value.',
  check(model, report) {
    for (const p of model.problems) report(p);
    for (const statement of model.statements) {
      for (const clause of statement.clauses) {
        const needed = VALUE_NEEDED[clause.name];
        if (!needed || clause.value) continue;
        const keyword = model.text.slice(clause.keyword.start, clause.keyword.end);
        report({ offset: clause.keyword.start, length: clause.keyword.end - clause.keyword.start, message: `${keyword} needs a value: ${needed}.` });
      }
    }
  },
};
