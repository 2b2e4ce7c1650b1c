/** ARN parsing with policy variables, and the quick fixes of the ARN and principal rules applied to text. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { arnProblems, parseArn } from '../../server/src/service/arn';
import { arnShapeLookup } from '../../server/src/service/policy/arns';
import type { Finding } from '../../server/src/service/types';
import { applyFix, documentOf, getService } from '../helpers';

function findings(text: string, rule: string): Finding[] {
  return getService().findings(documentOf(text)).filter((f) => f.rule === rule);
}

/** The text after applying the preferred fix of the only finding of `rule`. */
function fixed(text: string, rule: string): string {
  const [finding, ...others] = findings(text, rule);
  assert.ok(finding, `no ${rule} finding`);
  assert.equal(others.length, 0, `more than one ${rule} finding`);
  const fix = finding.fixes?.find((f) => f.preferred);
  assert.ok(fix, `the ${rule} finding has no preferred fix`);
  return applyFix(text, fix);
}

const trust = (principal: string) =>
  `{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Principal": ${principal}, "Action": "sts:AssumeRole" } ] }`;
const identity = (resource: string) =>
  `{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": "s3:GetObject", "Resource": ${resource} } ] }`;

describe('parseArn', () => {
  it('does not split at a colon inside a policy variable', () => {
    const arn = parseArn('arn:aws:iam::${aws:PrincipalAccount}:role/${aws:username}');
    assert.equal(arn?.account.text, '${aws:PrincipalAccount}');
    assert.equal(arn?.resource.text, 'role/${aws:username}');
  });

  it('keeps the colons of the resource part', () => {
    assert.equal(parseArn('arn:aws:redshift:us-west-2:123456789012:dbuser:my-cluster/user1')?.resource.text, 'dbuser:my-cluster/user1');
  });
});

describe('arnProblems', () => {
  const shapeOf = arnShapeLookup(getService().catalog);
  it('says "missing account ID" when the resource slid into the account field', () => {
    const [problem, ...rest] = arnProblems('arn:aws:iam::role/RoleA', { allowWildcards: true, shapeOf });
    assert.equal(rest.length, 0);
    assert.match(problem.message, /^Missing account ID/);
    assert.deepEqual([problem.start, problem.length], [13, 'role/RoleA'.length]);
  });

  it('accepts the "aws" account of AWS managed policies and a bucket without account', () => {
    assert.deepEqual(arnProblems('arn:aws:iam::aws:policy/AmazonRedshiftAllCommandsFullAccess', { allowWildcards: false, shapeOf }), []);
    assert.deepEqual(arnProblems('arn:aws:s3:::amzn-s3-demo-bucket', { allowWildcards: false, shapeOf }), []);
  });
});

describe('quick fixes', () => {
  it('invalid-principal renames a misspelt principal type', () => {
    assert.equal(fixed(trust('{ "Services": "redshift.amazonaws.com" }'), 'invalid-principal'), trust('{ "Service": "redshift.amazonaws.com" }'));
  });

  it('invalid-principal quotes a numeric account ID', () => {
    assert.equal(fixed(trust('{ "AWS": 123456789012 }'), 'invalid-principal'), trust('{ "AWS": "123456789012" }'));
  });

  it('invalid-principal wraps a bare principal in its type', () => {
    assert.equal(fixed(trust('"redshift.amazonaws.com"'), 'invalid-principal'), trust('{ "Service": "redshift.amazonaws.com" }'));
  });

  it('service-principal corrects a misspelt service and an unknown region', () => {
    assert.equal(fixed(trust('{ "Service": "redshfit.amazonaws.com" }'), 'service-principal'), trust('{ "Service": "redshift.amazonaws.com" }'));
    assert.equal(fixed(trust('{ "Service": "redshift.us-east-7.amazonaws.com" }'), 'service-principal'), trust('{ "Service": "redshift.us-east-1.amazonaws.com" }'));
  });

  it('s3-arn-region-account empties the region and account', () => {
    assert.equal(fixed(identity('"arn:aws:s3:us-east-1:123456789012:amzn-s3-demo-bucket/*"'), 's3-arn-region-account'), identity('"arn:aws:s3:::amzn-s3-demo-bucket/*"'));
  });

  it('invalid-arn turns an s3:// URL into an S3 ARN', () => {
    assert.equal(fixed(identity('"s3://amzn-s3-demo-bucket/data/*"'), 'invalid-arn'), identity('"arn:aws:s3:::amzn-s3-demo-bucket/data/*"'));
  });
});

describe('escaped strings', () => {
  it('point at the whole string when offsets inside it do not map onto the text', () => {
    const text = trust('{ "AWS": "arn:aws:iam::role\\/RoleA" }');
    const [finding] = findings(text, 'invalid-arn');
    assert.equal(text.slice(finding.offset, finding.offset + finding.length), '"arn:aws:iam::role\\/RoleA"');
  });
});
