import { sameWord } from '../../text';
import { KINDS } from '../syntax';
import type { SqlRule } from './rule';

export const rule: SqlRule = {
  id: 'iam-role-session',
  severity: 'error',
  description: "IAM_ROLE 'SESSION' (the caller's federated identity) is a quoted keyword accepted only by CREATE/ALTER EXTERNAL SCHEMA and CREATE DATABASE.",
  check(model, report) {
    for (const statement of model.statements) {
      for (const clause of statement.clauses) {
        const value = clause.value;
        if (!value || value.kind === 'template' || (clause.name !== 'IAM_ROLE' && clause.name !== 'CATALOG_ROLE') || !sameWord(value.value, 'SESSION')) continue;
        const span = { offset: value.start, length: value.end - value.start };
        if (!KINDS[statement.kind].sessionRole) {
          report({ ...span, message: `${statement.label} does not accept ${clause.name} 'SESSION': only CREATE EXTERNAL SCHEMA, ALTER EXTERNAL SCHEMA and CREATE DATABASE do. Name a role ARN instead.` });
        } else if (value.kind === 'word') {
          report({
            ...span,
            message: `SESSION must be written in quotes: ${clause.name} 'SESSION'.`,
            fixes: [{ title: "Write 'SESSION'", edits: [{ ...span, newText: statement.literal('SESSION') }], preferred: true }],
          });
        }
      }
    }
  },
};
