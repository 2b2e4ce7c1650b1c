/** ARN pattern overlap: a policy resource against catalogue ARN templates. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { overlaps, overlapsWhole, resourcePattern, templatePatterns } from '../../server/src/service/arnOverlap';
import { prng } from '../fuzz';
import { getService } from '../helpers';

const OBJECT = 'arn:${Partition}:s3:::${BucketName}/${ObjectName}';
const BUCKET = 'arn:${Partition}:s3:::${BucketName}';
const ACCESS_POINT = 'arn:${Partition}:s3:${Region}:${Account}:accesspoint/${AccessPointName}';
const ROLE = 'arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}';
const DBUSER = 'arn:${Partition}:redshift:${Region}:${Account}:dbuser:${ClusterName}/${DbUser}';

const fits = (template: string, resource: string) => templatePatterns(template).some((t) => overlaps(t, resourcePattern(resource)));

describe('ARN overlap', () => {
  it('tells S3 buckets from objects', () => {
    assert.ok(fits(OBJECT, 'arn:aws:s3:::reports/2024/q1.csv'));
    assert.ok(fits(OBJECT, 'arn:aws:s3:::reports/*'));
    assert.ok(!fits(OBJECT, 'arn:aws:s3:::reports'));
    assert.ok(fits(BUCKET, 'arn:aws:s3:::reports'));
    assert.ok(!fits(BUCKET, 'arn:aws:s3:::reports/*'), 'a bucket name has no "/"');
    assert.ok(!fits(ACCESS_POINT, 'arn:aws:s3:::reports'));
  });

  it('lets resource wildcards and policy variables stand for anything', () => {
    assert.ok(fits(OBJECT, 'arn:aws:s3:::*'));
    assert.ok(fits(BUCKET, 'arn:aws:s3:::report?'));
    assert.ok(fits(OBJECT, 'arn:aws:s3:::home/${aws:username}/*'));
    assert.ok(fits(ROLE, 'arn:aws:iam::*:role/*'));
    assert.ok(fits(DBUSER, 'arn:aws:redshift:*:123456789012:dbuser:analytics/${redshift:DbUser}'));
    assert.ok(fits(OBJECT, '*'));
  });

  it('keeps partition, region and account within their field', () => {
    assert.ok(fits(DBUSER, 'arn:aws-cn:redshift:cn-north-1:123456789012:dbuser:analytics/loader'));
    assert.ok(!fits(DBUSER, 'arn:aws:redshift:eu-west-1:123456789012:cluster:analytics'));
    assert.ok(!fits(ROLE, 'arn:aws:iam::123456789012:policy/Loader'));
    assert.ok(!fits(ROLE, 'arn:aws:iam:eu-west-1:123456789012:role/Loader'), 'IAM ARNs have no region');
    assert.ok(!fits(DBUSER, 'arn:aws:redshift:eu-west-1:123456789012:extra:dbuser:analytics/loader'), 'an account has no ":"');
  });

  it('compares services first and ignores case', () => {
    assert.ok(!fits(ROLE, 'arn:aws:s3:::reports'));
    assert.ok(fits(ROLE, 'ARN:AWS:IAM::123456789012:ROLE/LOADER'));
  });

  it('reads templates that list two forms', () => {
    const stage = 'arn:${Partition}:apigateway:${Region}::/apis/${ApiId}/stages/${StageName}, arn:${Partition}:apigateway:${Region}::/restapis/${RestApiId}/stages/${StageName}';
    assert.equal(templatePatterns(stage).length, 2);
    assert.ok(fits(stage, 'arn:aws:apigateway:eu-west-1::/restapis/a1b2c3/stages/prod'));
    assert.ok(!fits(stage, 'arn:aws:apigateway:eu-west-1::/restapis/a1b2c3/models/m'));
  });

  it('answers "overlap" for text longer than any ARN', () => {
    assert.ok(fits(ROLE, `arn:aws:iam::123456789012:policy/${'x'.repeat(5000)}`));
    assert.ok(fits(ROLE, `arn:aws:iam::123456789012:policy/${'x'.repeat(5000)}*`));
  });

  it('stays fast on long ARNs built to make a matcher backtrack', () => {
    const template = 'arn:${Partition}:partnercentral:${Region}:${Account}:catalog/${Catalog}/engagement/${EngagementIdentifier}/resource/${ResourceType}/${ResourceIdentifier}/template/${TemplateIdentifier}/resource-snapshot/${SnapshotRevision}';
    const arn = `arn:aws:partnercentral:us-east-1:123456789012:catalog/c/engagement/${'e/resource/'.repeat(200)}x`;
    const started = performance.now();
    for (let k = 0; k < 100; k++) assert.ok(!fits(template, arn));
    const ms = performance.now() - started;
    assert.ok(ms < 2000, `100 comparisons of a ${arn.length}-character ARN took ${ms.toFixed(0)} ms`);
  });

  it('matches plain ARNs against templates of many placeholders as the whole comparison does, repeated separators included', () => {
    const random = prng(11);
    const pick = (xs: string[]) => xs[Math.floor(random() * xs.length)];
    const part = (placeholders: boolean) => Array.from({ length: 1 + Math.floor(random() * 6) }, () => pick(placeholders ? ['a', 'b', '/', '${X}', '${Y}'] : ['a', 'b', '/'])).join('');
    const head = 'arn:${Partition}:svc:${Region}:${Account}:';
    for (let k = 0; k < 3000; k++) {
      const template = templatePatterns(`${head}${part(true)}/${part(true)}/${part(true)}`)[0];
      const resource = resourcePattern(`arn:aws:svc:us-east-1:123456789012:${part(false)}/${part(false)}`);
      assert.equal(overlaps(template, resource), overlapsWhole(template, resource), `${template.text} against ${resource.text}`);
    }
  });

  it('compares field by field, and plain ARNs by expression, exactly as it compares whole patterns, for every catalogue template', () => {
    const { catalog } = getService();
    const templates = catalog.serviceNames().flatMap((prefix) => catalog.service(prefix)!.resourceTypes.map((r) => r.arn));
    // Each template filled in, then bent the ways policies bend it: wildcards in each field, a field
    // dropped, another template's resource, S3 bucket and object forms.
    const fill = (template: string, region: string, account: string, name: string) =>
      template.split(', ')[0].replace(/\$\{(\w+)\}/g, (_, p: string) => (p === 'Partition' ? 'aws' : p === 'Region' ? region : p === 'Account' ? account : name));
    let compared = 0;
    let differing = 0;
    for (const [k, template] of templates.entries()) {
      const other = templates[(k * 7919) % templates.length];
      const resources = [
        fill(template, 'eu-west-1', '123456789012', 'x-1'), fill(template, '*', '*', '*'), fill(template, 'eu-west-?', '123456789012', 'x/*'),
        fill(template, '', '', 'x'), fill(other, 'us-east-1', '123456789012', 'y'), fill(template, 'eu-west-1', '123456789012', '${aws:username}'),
        'arn:aws:s3:::bucket', 'arn:aws:s3:::bucket/*', 'arn:aws:*', `${fill(template, 'eu-west-1', '1', 'z')}:extra`,
      ];
      for (const form of templatePatterns(template)) {
        for (const text of resources) {
          const resource = resourcePattern(text);
          const fieldwise = overlaps(form, resource);
          assert.equal(fieldwise, overlapsWhole(form, resource), `${form.text} against ${text}`);
          compared++;
          if ((form.encoded?.fields && resource.encoded?.fields) || resource.plain !== undefined) differing++;
        }
      }
    }
    assert.ok(differing > compared / 2, `most comparisons take a fast path (${differing} of ${compared})`);
  });
});

