import { arnProblems, looksLikeArn } from '../../arn';
import { arnShapeLookup, arnValues } from '../arns';
import { spanInString } from '../parse';
import type { PolicyRule } from './rule';

export const rule: PolicyRule = {
  id: 'invalid-arn',
  severity: 'error',
  description: 'ARNs in Resource, AWS principals and ARN conditions must read arn:partition:service:region:account:resource, with a 12-digit account where the service needs one.',
  check(doc, { catalog }, report) {
    const shapeOf = arnShapeLookup(catalog);
    for (const value of arnValues(doc)) {
      if (value.place === 'resource' && !looksLikeArn(value.text)) {
        if (value.text === '*') continue;
        const s3Url = /^s3:\/\/(.+)$/.exec(value.text);
        const arn = s3Url && `arn:aws:s3:::${s3Url[1]}`;
        report({
          offset: value.node.offset,
          length: value.node.length,
          message: value.text === ''
            ? 'An empty Resource matches nothing: write an ARN or "*".'
            : arn ? `An S3 URL is not an ARN: write "${arn}".` : 'A Resource value is an ARN (arn:partition:service:region:account:resource) or "*".',
          fixes: arn ? [{ title: `Change to "${arn}"`, preferred: true, edits: [{ offset: value.node.offset, length: value.node.length, newText: JSON.stringify(arn) }] }] : undefined,
        });
        continue;
      }
      // Wildcards and variables inside an AWS principal are invalid-principal's to report.
      for (const problem of arnProblems(value.text, { allowWildcards: true, shapeOf })) {
        report({ ...spanInString(doc.text, value.node, problem.start, problem.length), message: problem.message });
      }
    }
  },
};
