/** The Catalog class over the built dist/catalog.json. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Catalog, wildcardRegExp } from '../../server/src/service/catalog';
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
    assert.ok(wildcardRegExp('s3:Get*').test('S3:GETOBJECT'));
    assert.ok(!wildcardRegExp('s3:Get?').test('s3:GetObject'));
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
