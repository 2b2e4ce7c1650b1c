import { wildcardMatch } from '../../catalog';
import { isAllow } from '../elements';
import { stringNodes } from '../parse';
import type { PolicyRule } from './rule';

const PASS_ROLE = 'iam:PassRole';
const WHY = 'whoever can pass any role to a service can run that service with the role\'s permissions, a privilege escalation';
const FIX = 'restrict Resource to the ARNs of the roles to be passed';

/** `*`, or a role ARN pattern that names every role of an account (`arn:aws:iam::123456789012:role/*`). */
function isEveryRole(resource: string): boolean {
  return resource === '*' || /^arn:[^:]*:iam::[^:]*:(\*|role\/\*)$/i.test(resource);
}

const grantsPassRole = (pattern: string) => wildcardMatch(pattern, PASS_ROLE);

export const rule: PolicyRule = {
  id: 'passrole-wildcard',
  severity: 'warning',
  description: 'An Allow statement must not grant iam:PassRole on every role: restrict it to the roles that are passed.',
  check(doc, _ctx, report) {
    for (const statement of doc.statements) {
      if (!isAllow(statement)) continue;
      const everyRole = stringNodes(statement.members.Resource?.value).find((n) => isEveryRole(String(n.value)));
      const notResource = statement.members.NotResource;
      if (!everyRole && !notResource) continue;
      const scope = everyRole ? `every role (Resource "${everyRole.value}")` : 'every role not listed in NotResource';
      for (const node of stringNodes(statement.members.Action?.value)) {
        const action = String(node.value);
        if (!grantsPassRole(action)) continue;
        report({
          offset: node.offset,
          length: node.length,
          message: `${action.toLowerCase() === PASS_ROLE.toLowerCase() ? `${PASS_ROLE} is` : `"${action}" includes ${PASS_ROLE}, here`} allowed on ${scope}: ${WHY}; ${FIX}.`,
        });
      }
      const notAction = statement.members.NotAction;
      if (notAction && !stringNodes(notAction.value).some((n) => grantsPassRole(String(n.value)))) {
        report({
          offset: notAction.keyNode.offset,
          length: notAction.keyNode.length,
          message: `This NotAction does not exclude ${PASS_ROLE}, so the statement allows passing ${scope}: ${WHY}; exclude ${PASS_ROLE} or ${FIX}.`,
        });
      }
    }
  },
};
