import { hasConditionKey, isAllow, principalValues } from '../elements';
import type { PolicyRule } from './rule';

const GLOBAL_PRINCIPAL = 'redshift.amazonaws.com';
const REGIONAL_PRINCIPAL = /^redshift\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/i;

const RESTRICTING_KEYS = new Set(['sts:externalid', 'aws:sourcearn']);

export const rule: PolicyRule = {
  id: 'redshift-trust-unrestricted',
  severity: 'information',
  description: 'A role that trusts redshift.amazonaws.com can be restricted to database users (sts:ExternalId) or to Regions (redshift.<region>.amazonaws.com).',
  check(doc, _ctx, report) {
    if (doc.kind !== 'trust') return;
    const services = doc.statements.filter(isAllow).map((statement) => ({ statement, principals: principalValues(statement, 'Service') }));
    // Regional principals show the role is already scoped by Region.
    if (services.some(({ principals }) => principals.some((n) => REGIONAL_PRINCIPAL.test(String(n.value))))) return;
    for (const { statement, principals } of services) {
      if (hasConditionKey(statement, RESTRICTING_KEYS)) continue;
      for (const node of principals.filter((n) => String(n.value).toLowerCase() === GLOBAL_PRINCIPAL)) {
        report({
          offset: node.offset,
          length: node.length,
          message: 'Every user of every Redshift cluster associated with this role, in any Region, can use it: restrict it to database users with an sts:ExternalId condition (arn:aws:redshift:<region>:<account>:dbuser:<cluster>/<user>) or to Regions with principals such as redshift.<region>.amazonaws.com.',
        });
      }
    }
  },
};
