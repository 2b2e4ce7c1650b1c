import { isAccountPlaceholder } from '../../arn';
import { isPlaceholderText } from '../roles';
import type { SqlRule } from './rule';

export const rule: SqlRule = {
  id: 'iam-role-placeholder',
  severity: 'warning',
  description: 'A role ARN still holds a documentation placeholder such as <aws-account-id>, XXXXXXXXXXXX or <role-name>.',
  check(model, report) {
    for (const statement of model.statements) {
      for (const role of statement.roles) {
        for (const { arn, arnOffset: offset, parsed } of role.elements) {
          if (arn && isPlaceholderText(arn)) {
            report({ offset, length: arn.length, message: `Replace the placeholder "${arn}" with the ARN of the role (arn:aws:iam::<12-digit account>:role/<name>).` });
            continue;
          }
          if (!parsed || !/^arn$/i.test(parsed.prefix.text)) continue;
          if (isAccountPlaceholder(parsed.account.text)) {
            report({ offset: offset + parsed.account.start, length: parsed.account.text.length, message: `Fill in the account ID: "${parsed.account.text}" is a placeholder for the 12-digit AWS account that owns the role.` });
          }
          const slash = parsed.resource.text.lastIndexOf('/');
          const name = parsed.resource.text.slice(slash + 1);
          if (slash >= 0 && isPlaceholderText(name)) {
            report({ offset: offset + parsed.resource.start + slash + 1, length: name.length, message: `Fill in the role name: "${name}" is a placeholder.` });
          }
        }
      }
    }
  },
};
