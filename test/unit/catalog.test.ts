/** The Catalog class over the built dist/catalog.json. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Catalog, wildcardMatch } from '../../server/src/service/catalog';
import { getService } from '../helpers';

const catalog = (): Catalog => getService().catalog;

describe('catalog', () => {
  it('finds services and actions case-insensitively', () => {
    assert.equal(catalog().service('S3')?.prefix, 's3');
    assert.equal(catalog().action('s3', 'getobject')?.name, 'GetObject');
    assert.equal(catalog().action('REDSHIFT', 'GETCLUSTERCREDENTIALS')?.name, 'GetClusterCredentials');
    assert.equal(catalog().action('s3', 'GetObjekt'), undefined);
    assert.equal(catalog().service('s4'), undefined);
  });

  it('matches action wildcards within one service', () => {
    const names = catalog().matchActions('s3', 'get*tagging').map((a) => a.name);
    assert.ok(names.includes('GetObjectTagging') && names.includes('GetBucketTagging'), names.join());
    assert.ok(names.every((n) => /^Get.*Tagging$/.test(n)));
    assert.deepEqual(catalog().matchActions('iam', 'PassRol?').map((a) => a.name), ['PassRole']);
    assert.deepEqual(catalog().matchActions('s3', 'Gte*'), []);
    assert.deepEqual(catalog().matchActions('nosuchservice', '*'), []);
    assert.ok(wildcardMatch('s3:Get*', 'S3:GETOBJECT'));
    assert.ok(!wildcardMatch('s3:Get?', 's3:GetObject'));
  });

  it('matches wildcards in linear time, any length, with the options asked for', () => {
    const cases: [string, string, boolean][] = [
      ['*', '', true], ['', '', true], ['', 'a', false], ['a*', 'a', true], ['*a', 'ba', true], ['*a', 'ab', false],
      ['a*b*c', 'axxbyyc', true], ['a*b*c', 'axxbyy', false], ['a?c', 'abc', true], ['a?c', 'ac', false],
      ['*ab*ab', 'abxabab', true], ['**', 'x', true], ['s3:*Object', 's3:GetObjectAcl', false],
    ];
    for (const [pattern, text, expected] of cases) assert.equal(wildcardMatch(pattern, text), expected, `${pattern} ~ ${text}`);
    assert.ok(!wildcardMatch('a?', 'a*', { except: '*' }));
    assert.ok(wildcardMatch('a*', 'a*', { except: '*' }));
    assert.ok(!wildcardMatch('arn:aws:s3:::b/*', 'arn:aws:s3:::B/k', { caseSensitive: true }));
    // A regular expression of these `.*`s backtracked for seconds; the matcher answers at once.
    const started = performance.now();
    assert.ok(!wildcardMatch(`s3:${'*a'.repeat(30)}*c`, `s3:${'a'.repeat(200)}`));
    assert.ok(wildcardMatch('x'.repeat(40000) + '*', 'x'.repeat(40001)));
    assert.ok(performance.now() - started < 1000);
  });

  it('describes actions with their resource types and ARN templates', () => {
    const getObject = catalog().action('s3', 'GetObject')!;
    assert.ok(getObject.resourceTypes.some((r) => r.key === 'object'));
    assert.equal(catalog().resourceType('s3', 'object')?.arn, 'arn:${Partition}:s3:::${BucketName}/${ObjectName}');
    assert.deepEqual(catalog().action('iam', 'PassRole')?.resourceTypes, [{ key: 'role', required: true }]);
    assert.ok(catalog().resourceType('iam', 'role')?.conditionKeys.includes('iam:ResourceTag/${TagKey}'));
    assert.deepEqual(catalog().action('s3', 'ListAllMyBuckets')?.resourceTypes, []);
  });

  it('resolves tag-pattern condition keys', () => {
    assert.equal(catalog().conditionKey('aws:ResourceTag/Project')?.key.toLowerCase(), 'aws:resourcetag/${tagkey}');
    assert.ok(catalog().conditionKey('aws:PrincipalTag/team'));
    assert.ok(catalog().conditionKey('s3:ExistingObjectTag/classification'));
    assert.equal(catalog().conditionKey('aws:ResourceTag'), undefined);
    assert.ok(Catalog.keyListed('iam:ResourceTag/Owner', ['iam:ResourceTag/${TagKey}']));
    assert.ok(!Catalog.keyListed('iam:ResourceTag/Owner', ['aws:ResourceTag/${TagKey}']));
  });

  it('knows the global condition keys', () => {
    const globals = catalog().globalConditionKeys().map((k) => k.key);
    for (const key of ['aws:SourceArn', 'aws:SourceAccount', 'aws:PrincipalOrgID', 'aws:SecureTransport']) assert.ok(globals.includes(key), key);
    assert.equal(catalog().conditionKey('AWS:SOURCEARN')?.global, true);
    assert.equal(catalog().conditionKey('sts:ExternalId')?.global, false);
    assert.equal(catalog().conditionKey('aws:SourceArnn'), undefined);
  });
});
