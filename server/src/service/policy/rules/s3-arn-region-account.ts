import { looksLikeArn, parseArn } from '../../arn';
import { arnValues, resourceTypeOf } from '../arns';
import { spanInString } from '../parse';
import type { PolicyRule } from './rule';

export const rule: PolicyRule = {
  id: 's3-arn-region-account',
  severity: 'warning',
  description: 'S3 bucket and object ARNs have an empty region and account (arn:aws:s3:::bucket/key); filled in, they match nothing.',
  check(doc, { catalog }, report) {
    for (const value of arnValues(doc)) {
      if (value.place === 'principal' || !looksLikeArn(value.text)) continue;
      const arn = parseArn(value.text);
      if (!arn || arn.service.text !== 's3' || (arn.region.text === '' && arn.account.text === '')) continue;
      // A wildcard in the bucket name could stand for an access point or a job: too ambiguous to judge.
      if (/[*?]/.test(arn.resource.text.split('/')[0])) continue;
      const located = resourceTypeOf(catalog, arn);
      if (!located || located.template.region.text !== '' || located.template.account.text !== '') continue;
      const first = arn.region.text !== '' ? arn.region : arn.account;
      const end = arn.account.text !== '' ? arn.account.start + arn.account.text.length : arn.region.start + arn.region.text.length;
      const fixed = `${value.text.slice(0, arn.region.start)}:${value.text.slice(arn.account.start + arn.account.text.length)}`;
      const filled = [arn.region.text && 'region', arn.account.text && 'account'].filter(Boolean).join(' and ');
      report({
        ...spanInString(doc.text, value.node, first.start, end - first.start),
        message: `An S3 ${located.type.key} ARN has an empty region and account (${fixed}); with the ${filled} filled in it matches nothing.`,
        fixes: [{ title: `Change to "${fixed}"`, preferred: true, edits: [{ offset: value.node.offset, length: value.node.length, newText: JSON.stringify(fixed) }] }],
      });
    }
  },
};
