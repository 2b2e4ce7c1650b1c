import type { SqlRule } from './rule';

/** Clauses whose value is an identifier, where double quotes are right. */
const IDENTIFIER_CLAUSES = new Set(['FUNCTION', 'JOB']);

export const rule: SqlRule = {
  id: 'double-quoted-value',
  severity: 'error',
  description: 'In Redshift, double quotes make an identifier; the value of IAM_ROLE, CREDENTIALS, FROM, TO and the other clauses is a string in single quotes.',
  check(model, report) {
    for (const statement of model.statements) {
      for (const clause of statement.clauses) {
        const value = clause.value;
        if (!value || value.kind !== 'quotedIdent' || IDENTIFIER_CLAUSES.has(clause.name)) continue;
        const keyword = model.text.slice(clause.keyword.start, clause.keyword.end);
        report({
          offset: value.start,
          length: value.end - value.start,
          message: `${keyword} takes a string in single quotes; "…" is an identifier.`,
          fixes: [{ title: 'Use single quotes', edits: [{ offset: value.start, length: value.end - value.start, newText: statement.literal(value.text.replace(/""/g, '"')) }], preferred: true }],
        });
      }
    }
  },
};
