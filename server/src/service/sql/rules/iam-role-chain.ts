import type { Fix } from '../../types';
import { KINDS, MAX_CHAIN } from '../syntax';
import type { RoleValue } from '../roles';
import { roleClauseLabel } from './iam-role-arn';
import type { SqlRule } from './rule';

/** The fix that writes the chain's ARNs separated by single commas. */
function rewrite({ value, elements }: RoleValue, title: string): Fix {
  return {
    title,
    edits: [{ offset: value.offset, length: value.text.length, newText: elements.map((e) => e.arn).filter(Boolean).join(',') }],
    preferred: true,
  };
}

const NO_SPACES: RegExpExecArray[] = [];

export const rule: SqlRule = {
  id: 'iam-role-chain',
  severity: 'error',
  description: 'A role chain is 1 to 10 role ARNs separated by commas, with no spaces, no empty element and no trailing comma.',
  check(model, report) {
    for (const statement of model.statements) {
      for (const role of statement.roles) {
        // A CREDENTIALS string is checked as a whole by credentials-string.
        if (role.inCredentials) continue;
        const { value } = role;
        const elements = role.elements;
        if (value.text.trim() === '') {
          report({ offset: value.start, length: value.end - value.start, message: `${roleClauseLabel(role)} is empty: expected a role ARN.` });
          continue;
        }
        for (const space of /\s/.test(value.text) ? value.text.matchAll(/\s+/g) : NO_SPACES) {
          const before = value.text[space.index - 1];
          const after = value.text[space.index + space[0].length];
          if (before !== undefined && before !== ',' && after !== undefined && after !== ',') continue;
          report({
            offset: value.offset + space.index,
            length: space[0].length,
            message: `A role chain must not contain spaces: write the ARNs separated by commas only.`,
            fixes: [rewrite(role, 'Remove the spaces from the role chain')],
          });
        }
        let roles = 0;
        // An index rather than entries(), which makes a pair for every element of every chain.
        for (let k = 0; k < elements.length; k++) {
          const element = elements[k];
          if (element.arn !== '') {
            roles++;
            continue;
          }
          const where = k === elements.length - 1 ? 'a trailing comma' : k === 0 ? 'a leading comma' : 'two commas in a row';
          const comma = k === 0 ? element.offset + element.text.length : element.offset - 1;
          report({
            offset: comma,
            length: 1,
            message: `The role chain has ${where}: every element between commas must be a role ARN.`,
            fixes: [rewrite(role, k === elements.length - 1 ? 'Drop the trailing comma' : 'Remove the empty element')],
          });
        }
        if (roles <= 1 || (KINDS[statement.kind].chain && roles <= MAX_CHAIN)) continue;
        const named = elements.filter((e) => e.arn !== '');
        if (!KINDS[statement.kind].chain) {
          const second = named[1];
          report({ offset: second.offset, length: value.offset + value.text.length - second.offset, message: `${statement.label} takes a single role ARN, not a chain.` });
        } else {
          const extra = named[MAX_CHAIN];
          report({ offset: extra.offset, length: value.offset + value.text.length - extra.offset, message: `A role chain holds at most ${MAX_CHAIN} roles; this one has ${roles}.` });
        }
      }
    }
  },
};
