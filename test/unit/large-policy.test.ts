/** Statements beyond maxStatements are left to syntax checks only, and the user is told once. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findingsOf } from '../helpers';

const statement = (i: number, action = 's3:GetObject') => `{"Sid":"S${i}","Effect":"Allow","Action":"${action}","Resource":"arn:aws:s3:::b${i}/*"}`;
const policy = `{"Version":"2012-10-17","Statement":[${[statement(1), statement(2), statement(3, 's3:GetObjekt'), statement(4)].join(',')}]}`;

describe('maxStatements', () => {
  it('checks every statement within the limit', () => {
    const rules = findingsOf(policy).map((f) => f.rule);
    assert.ok(rules.includes('unknown-action'));
    assert.ok(!rules.includes('large-policy'));
  });
  it('checks only the first statements beyond it and says so once', () => {
    const findings = findingsOf(policy, 'json', undefined, { maxStatements: 2 });
    assert.deepEqual(findings.map((f) => f.rule), ['large-policy']);
    assert.equal(findings[0].offset, policy.indexOf('{"Sid":"S3"'));
  });
  it('still reports duplicate keys and syntax beyond the limit', () => {
    const broken = policy.replace('"Sid":"S4"', '"Sid":"S4","Sid":"S5"').replace(/\]\}$/, ',]}');
    const rules = findingsOf(broken, 'json', undefined, { maxStatements: 2 }).map((f) => f.rule).sort();
    assert.deepEqual(rules, ['duplicate-key', 'json-syntax', 'large-policy']);
  });
  it('ignores a limit that is not a positive number', () => {
    assert.ok(!findingsOf(policy, 'json', undefined, { maxStatements: -1 }).some((f) => f.rule === 'large-policy'));
  });
});
