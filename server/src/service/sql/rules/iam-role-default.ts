import { sameWord } from '../../text';
import { ROLE_CLAUSES } from '../roles';
import { KINDS } from '../syntax';
import type { SqlRule } from './rule';

export const rule: SqlRule = {
  id: 'iam-role-default',
  severity: 'error',
  description: 'IAM_ROLE default is an unquoted keyword, accepted by every command that takes IAM_ROLE except COPY JOB (and never by CATALOG_ROLE).',
  check(model, report) {
    for (const statement of model.statements) {
      for (const clause of statement.clauses) {
        const value = clause.value;
        if (!value || !ROLE_CLAUSES.has(clause.name) || !sameWord(value.value, 'default')) continue;
        const allowed = KINDS[statement.kind].defaultRole && clause.name !== 'CATALOG_ROLE';
        const where = clause.name === 'CATALOG_ROLE' ? 'CATALOG_ROLE' : statement.label;
        const unsupported = `${where} does not accept default: name the role by its ARN.`;
        if (value.kind === 'word') {
          if (!allowed) report({ offset: value.start, length: value.end - value.start, message: unsupported });
        } else if (value.kind !== 'template') {
          report({
            offset: value.start,
            length: value.end - value.start,
            message: allowed ? `default is a keyword: write it without quotes, or Redshift reads '${value.text}' as a role ARN.` : unsupported,
            fixes: allowed ? [{ title: 'Remove the quotes around default', edits: [{ offset: value.start, length: value.end - value.start, newText: 'default' }], preferred: true }] : undefined,
          });
        }
      }
    }
  },
};
