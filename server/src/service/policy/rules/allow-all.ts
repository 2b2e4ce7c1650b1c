import { includesStar, isAllow } from '../elements';
import { stringNodes } from '../parse';
import type { PolicyRule } from './rule';

export const rule: PolicyRule = {
  id: 'allow-all',
  severity: 'warning',
  description: 'An Allow statement must not grant every action on every resource ("Action": "*" with "Resource": "*").',
  check(doc, _ctx, report) {
    for (const statement of doc.statements) {
      if (!isAllow(statement) || !includesStar(statement, 'Resource')) continue;
      const everyAction = stringNodes(statement.members.Action?.value).find((n) => n.value === '*' || n.value === '*:*');
      if (!everyAction) continue;
      report({
        offset: everyAction.offset,
        length: everyAction.length,
        message: 'This statement allows every action on every resource, which is full administrator access: list only the actions and resources that are needed.',
      });
    }
  },
};
