import { Arn, looksLikeArn, parseArn } from '../../arn';
import { wildcardMatch, type Catalog } from '../../catalog';
import { resourceTypeOf } from '../arns';
import { actionValues, isAllow } from '../elements';
import { statementActions, stringNodes } from '../parse';
import type { PolicyRule } from './rule';

/** Whether an action pattern names only STS actions that act on roles, and among them an AssumeRole*. */
function assumesRoles(catalog: Catalog, action: string): { onlyRoles: boolean; assumes: boolean } {
  const colon = action.indexOf(':');
  const matched = colon > 0 && action.slice(0, colon).toLowerCase() === 'sts' ? catalog.matchActions('sts', action.slice(colon + 1)) : [];
  return {
    onlyRoles: matched.length > 0 && matched.every((a) => a.resourceTypes.length > 0 && a.resourceTypes.every((r) => r.key === 'role')),
    assumes: matched.some((a) => a.name.startsWith('AssumeRole')),
  };
}

/** Whether an ARN, wildcards included, can match `arn:…:iam::<account>:role/…`. */
function couldBeRole(arn: Arn): boolean {
  if (arn.service.text !== 'iam' && !wildcardMatch(arn.service.text, 'iam')) return false;
  const resource = arn.resource.text;
  const literal = resource.split(/[*?$]/)[0];
  return resource.startsWith('role/') || (literal !== resource && 'role/'.startsWith(literal));
}

export const rule: PolicyRule = {
  id: 'assume-role-resource',
  severity: 'warning',
  description: 'A statement allowing sts:AssumeRole acts on IAM roles: a Resource that is another kind of ARN (a user, a Redshift cluster) matches nothing.',
  check(doc, { catalog }, report) {
    for (const statement of doc.statements) {
      if (!isAllow(statement)) continue;
      // Every action must be one of STS's on roles: most statements fail that at the first action.
      if (actionValues(statement, 'Action', catalog).some((v) => v.service?.toLowerCase() !== 'sts')) continue;
      const actions = statementActions(statement);
      const kinds = actions.map((a) => assumesRoles(catalog, a));
      const assume = actions.find((_, i) => kinds[i].assumes);
      // Another action in the statement may act on the other resources.
      if (!assume || !kinds.every((k) => k.onlyRoles)) continue;
      for (const node of stringNodes(statement.members.Resource?.value)) {
        const text = String(node.value);
        const arn = looksLikeArn(text) ? parseArn(text) : undefined;
        if (!arn || couldBeRole(arn)) continue;
        const located = resourceTypeOf(catalog, arn);
        const kind = located ? `${arn.service.text} ${located.type.key}` : undefined;
        report({
          offset: node.offset,
          length: node.length,
          message: `${assume} acts on IAM roles, not on this ${kind ? `${kind} ` : ''}ARN; expected arn:aws:iam::<account>:role/<name>.`,
        });
      }
    }
  },
};
