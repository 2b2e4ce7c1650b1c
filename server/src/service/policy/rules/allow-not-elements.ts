import { isAllow } from '../elements';
import { elementMembers } from '../parse';
import type { PolicyRule } from './rule';

const GRANTS = new Map(Object.entries({
  NotAction: 'every action except those listed, including actions AWS adds later',
  NotResource: 'access to every resource except those listed, in every account the policy reaches',
  NotPrincipal: 'access to every principal except those listed, anonymous users included (AWS does not support NotPrincipal with Allow)',
}));

export const rule: PolicyRule = {
  id: 'allow-not-elements',
  severity: 'warning',
  description: 'An Allow statement with NotAction, NotResource or NotPrincipal grants everything except the list, usually far more than intended.',
  check(doc, _ctx, report) {
    for (const statement of doc.statements) {
      const { NotAction, NotResource, NotPrincipal } = statement.members;
      if (!isAllow(statement) || (!NotAction && !NotResource && !NotPrincipal)) continue;
      for (const member of elementMembers(statement)) {
        const key = member.key;
        const grants = GRANTS.get(key);
        // A trust policy cannot hold NotResource or NotPrincipal at all: trust-policy-elements reports them.
        if (!grants || (doc.kind === 'trust' && key !== 'NotAction')) continue;
        report({
          offset: member.keyNode.offset,
          length: member.keyNode.length,
          message: `Allow with ${key} grants ${grants}: list what is allowed with ${key.slice(3)} instead.`,
        });
      }
    }
  },
};
