import type { SqlRule } from './rule';

export const rule: SqlRule = {
  id: 'iam-role-placeholder',
  severity: 'warning',
  description: 'A role ARN still holds a documentation placeholder such as <aws-account-id>, XXXXXXXXXXXX or <role-name>.',
  check(model, report) {
    for (const statement of model.statements) {
      for (const role of statement.roles) {
        for (const { arn, arnOffset: offset, facts } of role.elements) {
          const { parsed } = facts;
          if (facts.placeholder) {
            report({ offset, length: arn.length, message: `Replace the placeholder "${arn}" with the ARN of the role (arn:aws:iam::<12-digit account>:role/<name>).` });
            continue;
          }
          // Most ARNs hold no placeholder: the prefix is read only for those that do.
          if (!facts.accountPlaceholder && !facts.namePlaceholder) continue;
          if (!parsed || !/^arn$/i.test(parsed.prefix.text)) continue;
          if (facts.accountPlaceholder) {
            report({ offset: offset + parsed.account.start, length: parsed.account.text.length, message: `Fill in the account ID: "${parsed.account.text}" is a placeholder for the 12-digit AWS account that owns the role.` });
          }
          // Only a name written after a `/` (role/<name>).
          if (facts.namePlaceholder && facts.nameStart > parsed.resource.start) {
            const name = arn.slice(facts.nameStart);
            report({ offset: offset + facts.nameStart, length: name.length, message: `Fill in the role name: "${name}" is a placeholder.` });
          }
        }
      }
    }
  },
};
