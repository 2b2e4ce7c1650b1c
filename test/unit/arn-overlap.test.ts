/** ARN pattern overlap: a policy resource against catalogue ARN templates. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { overlaps, overlapsAny, overlapsWhole, resourcePattern, templatePatterns, templateSet } from '../../server/src/service/arnOverlap';
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

  it('matches plain ARNs against templates of many placeholders exactly as it compares whole patterns', () => {
    // More placeholders than an expression takes: the resource field's literals are looked for in order.
    const template = 'arn:${Partition}:demo:${Region}:${Account}:a/${First}/b/${Second}/b/${Third}.log';
    const resources = [
      'arn:aws:demo:eu-west-1:123456789012:a/1/b/2/b/3.log', 'arn:aws:demo:eu-west-1:123456789012:a//b//b/.log',
      'arn:aws:demo:eu-west-1:123456789012:a/1/b/b.log', 'arn:aws:demo:eu-west-1:123456789012:a/b/b.log',
      'arn:aws:demo:eu-west-1:123456789012:a/1/b/2/b/3.txt', 'arn:aws:demo:eu-west-1:123456789012:b/1/b/2/b/3.log',
      'arn:aws:demo:eu-west-1:123456789012:a/x/b/y/b/z/b/w.log', 'arn:aws:demo:eu-west-1:123456789012:a/1:2/b/3:4/b/5.log',
      'arn:aws:demo::123456789012:a/1/b/2/b/3.log', 'arn:aws:demo:eu-west-1::a/1/b/2/b/3.log', 'arn:aws:other:eu-west-1:123456789012:a/1/b/2/b/3.log',
      'ARN:AWS:DEMO:EU-WEST-1:123456789012:A/1/B/2/B/3.LOG', 'arn:aws:demo:eu-west-1:123456789012:a/1/b/2/b/3.log.log',
    ];
    const [form] = templatePatterns(template);
    assert.ok(form.parts, 'the template is matched by its parts');
    const answers = resources.map((text) => overlaps(form, resourcePattern(text)));
    assert.deepEqual(answers, resources.map((text) => overlapsWhole(form, resourcePattern(text))));
    assert.deepEqual(answers, [true, true, false, false, false, false, true, true, true, true, false, true, true]);
    // A middle literal found only where the last one must stand does not count.
    const [ending] = templatePatterns('arn:${Partition}:demo:${Region}:${Account}:x/${A}/y${B}/y${C}y.log');
    const endings = ['x/1/y/y.log', 'x/1/y/yy.log', 'x/1/y2/y3y.log'].map((r) => resourcePattern(`arn:aws:demo:eu-west-1:123456789012:${r}`));
    assert.deepEqual(endings.map((r) => overlaps(ending, r)), endings.map((r) => overlapsWhole(ending, r)));
    assert.deepEqual(endings.map((r) => overlaps(ending, r)), [false, true, true]);
  });

  it('tests a set of templates at once exactly as one by one, for every service of the catalogue', () => {
    const { catalog } = getService();
    const names = catalog.serviceNames();
    let overlapping = 0;
    let compared = 0;
    for (const [k, prefix] of names.entries()) {
      const arns = catalog.service(prefix)!.resourceTypes.map((r) => r.arn);
      // The service's own templates and, as actions of other services sometimes name, one of another service.
      const otherService = catalog.service(names[(k * 31 + 7) % names.length])!.resourceTypes[0]?.arn;
      const set = templateSet(otherService ? [...arns, otherService] : arns);
      const fill = (template: string, name: string) => template.split(', ').at(-1)!.replace(/\$\{(\w+)\}/g, (_, p: string) => (p === 'Partition' ? 'aws' : p === 'Region' ? 'eu-west-1' : p === 'Account' ? '123456789012' : name));
      const resources = [...arns.map((a) => fill(a, 'x-1')), ...arns.map((a) => fill(a, 'x/*')), ...(otherService ? [fill(otherService, 'o')] : []),
        `arn:aws:${prefix}:eu-west-1:123456789012:nothing/x`, `arn:aws:${prefix}`, 'arn:aws:s3:::bucket', `ARN:AWS:${prefix.toUpperCase()}:EU-WEST-1:123456789012:X`];
      for (const text of resources) {
        const resource = resourcePattern(text);
        const expected = set.templates.some((t) => overlaps(t, resource));
        assert.equal(overlapsAny(set, resource), expected, `${prefix}: ${text}`);
        compared++;
        if (expected) overlapping++;
      }
    }
    assert.ok(overlapping > compared / 3 && overlapping < compared, `both answers are tested (${overlapping} of ${compared} overlap)`);
  });
});
