/** Policy structure rules beyond what fixtures show: findings under a forced policy kind, quick fixes
 * (which must leave valid JSON and a policy the rule no longer flags), and condition operator parsing. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseTree, type ParseError } from 'jsonc-parser';
import { CONDITION_OPERATORS, parseOperator, suggestOperator } from '../../server/src/service/policy/conditions';
import { parsePolicy, type PolicyKind } from '../../server/src/service/policy/parse';
import type { Finding } from '../../server/src/service/types';
import { applyFix, getService } from '../helpers';

function findings(text: string, rule: string, kind?: PolicyKind): Finding[] {
  return getService().policyFindings(parsePolicy(text, kind)).filter((f) => f.rule === rule);
}

/** Applies the single fix of the single finding of `rule`, checks the result parses and is no longer flagged. */
function fixed(text: string, rule: string): string {
  const [finding, ...others] = findings(text, rule);
  assert.ok(finding, `${rule} should report`);
  assert.equal(others.length, 0);
  assert.equal(finding.fixes?.length, 1);
  const result = applyFix(text, finding.fixes![0]);
  const errors: ParseError[] = [];
  parseTree(result, errors, { disallowComments: true, allowTrailingComma: false });
  assert.deepEqual(errors, [], `fix of ${rule} left invalid JSON:\n${result}`);
  assert.deepEqual(findings(result, rule), []);
  return result;
}

const TRUST_STATEMENT = '"Effect": "Allow", "Principal": { "Service": "redshift.amazonaws.com" }, "Action": "sts:AssumeRole"';

describe('principal-placement under a forced kind', () => {
  const text = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 's3:GetObject', Resource: '*' },
      { Effect: 'Deny', NotPrincipal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 's3:DeleteObject', Resource: '*' }],
  }, null, 2);

  it('reports Principal and NotPrincipal keys in an identity policy', () => {
    const found = findings(text, 'principal-placement', 'identity');
    assert.deepEqual(found.map((f) => text.slice(f.offset, f.offset + f.length)), ['"Principal"', '"NotPrincipal"']);
    assert.match(found[0].message, /not allowed in an identity policy/);
  });

  it('accepts the same statements in a resource-based policy', () => {
    assert.deepEqual(findings(text, 'principal-placement', 'resource'), []);
  });

  it('reports a statement without principal in a policy forced to be a trust policy', () => {
    const identity = '{ "Version": "2012-10-17", "Statement": { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" } }';
    const [f] = findings(identity, 'principal-placement', 'trust');
    assert.equal(identity[f.offset], '{');
    assert.equal(f.offset, identity.indexOf('{', 1));
  });
});

describe('trust-policy-elements quick fix', () => {
  for (const [name, statement] of [
    ['last member', `{ ${TRUST_STATEMENT}, "Resource": "*" }`],
    ['first member', `{ "Resource": "*", ${TRUST_STATEMENT} }`],
    ['middle member, one per line', `{\n      "Effect": "Allow",\n      "NotResource": ["arn:aws:s3:::a", "arn:aws:s3:::b"],\n      "Principal": { "Service": "redshift.amazonaws.com" },\n      "Action": "sts:AssumeRole"\n    }`],
  ]) {
    it(`removes Resource as the ${name}`, () => {
      const result = fixed(`{\n  "Version": "2012-10-17",\n  "Statement": [\n    ${statement}\n  ]\n}\n`, 'trust-policy-elements');
      assert.doesNotMatch(result, /Resource/);
      assert.match(result, /"Action": "sts:AssumeRole"/);
    });
  }

  it('has no fix for NotPrincipal', () => {
    const text = '{ "Version": "2012-10-17", "Statement": { "Effect": "Deny", "NotPrincipal": { "AWS": "arn:aws:iam::111122223333:root" }, "Action": "sts:AssumeRole" } }';
    const [f] = findings(text, 'trust-policy-elements', 'trust');
    assert.equal(text.slice(f.offset, f.offset + f.length), '"NotPrincipal"');
    assert.equal(f.fixes, undefined);
  });
});

describe('missing-version quick fix', () => {
  const statement = '{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }';
  it('inserts Version on its own line with the members\' indentation', () => {
    assert.equal(fixed(`{\n    "Statement": ${statement}\n}\n`, 'missing-version'), `{\n    "Version": "2012-10-17",\n    "Statement": ${statement}\n}\n`);
    assert.equal(fixed(`{\n\t"Statement": ${statement}\n}`, 'missing-version'), `{\n\t"Version": "2012-10-17",\n\t"Statement": ${statement}\n}`);
  });
  it('keeps CRLF line ends', () => {
    assert.equal(fixed(`{\r\n  "Statement": ${statement}\r\n}\r\n`, 'missing-version'), `{\r\n  "Version": "2012-10-17",\r\n  "Statement": ${statement}\r\n}\r\n`);
  });
  it('inserts inline in a one-line policy', () => {
    assert.equal(fixed(`{"Statement": ${statement}}`, 'missing-version'), `{"Version": "2012-10-17", "Statement": ${statement}}`);
  });
  it('stays quiet while the JSON is broken', () => {
    assert.deepEqual(findings(`{\n  "Statement": [ ${statement},`, 'missing-version'), []);
  });
});

describe('value quick fixes', () => {
  const policy = (version: string, effect: string) =>
    `{\n  "Version": ${version},\n  "Statement": { "Effect": ${effect}, "Action": "s3:GetObject", "Resource": "*" }\n}`;
  it('invalid-version: close values become "2012-10-17"', () => {
    for (const v of ['"2012-10-18"', '"2012/10/17"', '20121017', '"2008-10-71"']) {
      assert.equal(fixed(policy(v, '"Allow"'), 'invalid-version'), policy('"2012-10-17"', '"Allow"'));
    }
  });
  it('invalid-version: no fix for an unrelated value', () => {
    const [f] = findings(policy('"latest"', '"Allow"'), 'invalid-version');
    assert.equal(f.fixes, undefined);
  });
  it('legacy-version: 2008-10-17 becomes 2012-10-17', () => {
    assert.equal(fixed(policy('"2008-10-17"', '"Allow"'), 'legacy-version'), policy('"2012-10-17"', '"Allow"'));
  });
  it('invalid-effect: wrong case and typos are corrected', () => {
    assert.equal(fixed(policy('"2012-10-17"', '"allow"'), 'invalid-effect'), policy('"2012-10-17"', '"Allow"'));
    assert.equal(fixed(policy('"2012-10-17"', '"Alow"'), 'invalid-effect'), policy('"2012-10-17"', '"Allow"'));
    assert.equal(findings(policy('"2012-10-17"', '"Permit"'), 'invalid-effect')[0].fixes, undefined);
  });
});

describe('condition operators', () => {
  it('parses set prefixes and IfExists', () => {
    assert.deepEqual(parseOperator('StringEquals'), { base: 'StringEquals', type: 'String', ifExists: false, setPrefix: undefined });
    assert.deepEqual(parseOperator('ForAllValues:StringLikeIfExists'), { base: 'StringLike', type: 'String', ifExists: true, setPrefix: 'ForAllValues' });
    assert.deepEqual(parseOperator('ForAnyValue:ArnLike'), { base: 'ArnLike', type: 'Arn', ifExists: false, setPrefix: 'ForAnyValue' });
    assert.equal(parseOperator('NotIpAddressIfExists')?.type, 'IpAddress');
    assert.equal(parseOperator('Null')?.type, 'Null');
  });
  it('knows every base operator of the IAM documentation', () => {
    assert.equal(CONDITION_OPERATORS.length, 27);
    for (const name of CONDITION_OPERATORS) assert.equal(parseOperator(name)?.base, name);
  });
  it('rejects wrong case, unknown prefixes, NullIfExists and a bare IfExists', () => {
    for (const name of ['stringequals', 'StringEqual', 'ForAnyValues:StringLike', 'NullIfExists', 'IfExists', 'ForAllValues:', 'Foo:Bool', 'constructor']) {
      assert.equal(parseOperator(name), undefined, name);
    }
  });
  it('suggests the operator a typo meant', () => {
    assert.equal(suggestOperator('StringEqual'), 'StringEquals');
    assert.equal(suggestOperator('stringequals'), 'StringEquals');
    assert.equal(suggestOperator('StringEqualsIfExist'), 'StringEqualsIfExists');
    assert.equal(suggestOperator('ForAnyValues:StringLike'), 'ForAnyValue:StringLike');
    assert.equal(suggestOperator('forallvalues:stringequals'), 'ForAllValues:StringEquals');
    assert.equal(suggestOperator('NullIfExists'), 'Null');
    assert.equal(suggestOperator('Matches'), undefined);
  });
});

describe('condition and Sid quick fixes', () => {
  const policy = (sid: string, condition: string) =>
    `{\n  "Version": "2012-10-17",\n  "Statement": { "Sid": ${sid}, "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": ${condition} }\n}`;
  it('invalid-condition-operator renames to the suggestion', () => {
    assert.equal(fixed(policy('"Read"', '{ "stringLike": { "s3:prefix": "home/*" } }'), 'invalid-condition-operator'),
      policy('"Read"', '{ "StringLike": { "s3:prefix": "home/*" } }'));
  });
  it('invalid-condition-value lowers a Bool value', () => {
    assert.equal(fixed(policy('"Read"', '{ "Bool": { "aws:SecureTransport": "TRUE" } }'), 'invalid-condition-value'),
      policy('"Read"', '{ "Bool": { "aws:SecureTransport": "true" } }'));
  });
  it('invalid-sid drops the characters IAM does not accept', () => {
    assert.equal(fixed(policy('"Read-Only_1"', '{}'), 'invalid-sid'), policy('"ReadOnly1"', '{}'));
  });
});
