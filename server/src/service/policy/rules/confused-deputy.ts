import { hasConditionKey, isAllow, principalValues } from '../elements';
import type { PolicyRule } from './rule';

/** Keys that tie a service's request to the resource or account it acts for: the global source keys, and
 * the external ID a service such as Redshift sends (the database user's ARN, which names the account). */
const SOURCE_KEYS = new Set(['aws:sourcearn', 'aws:sourceaccount', 'aws:sourceorgid', 'aws:sourceorgpaths', 'sts:externalid']);

export const rule: PolicyRule = {
  id: 'confused-deputy',
  severity: 'information',
  description: 'A trust policy that lets an AWS service assume the role should say on whose behalf, with aws:SourceArn or aws:SourceAccount.',
  check(doc, _ctx, report) {
    if (doc.kind !== 'trust') return;
    for (const statement of doc.statements) {
      if (!isAllow(statement)) continue;
      const services = principalValues(statement, 'Service');
      if (services.length === 0 || hasConditionKey(statement, SOURCE_KEYS)) continue;
      for (const node of services) {
        report({
          offset: node.offset,
          length: node.length,
          message: `${String(node.value)} can assume this role on behalf of any AWS account (the confused deputy problem): add a Condition on aws:SourceAccount (your account) or aws:SourceArn (the resource that uses the role).`,
        });
      }
    }
  },
};
