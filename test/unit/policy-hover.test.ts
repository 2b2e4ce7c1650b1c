/** Hovers in policies: actions, wildcards, condition operators and keys, ARNs, principals. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MarkupContent } from 'vscode-languageserver-types';
import { Catalog } from '../../server/src/service/catalog';
import { hoverPolicy } from '../../server/src/service/policy/hover';
import { parsePolicy } from '../../server/src/service/policy/parse';
import { atCursor } from '../editing';
import { getService } from '../helpers';

const statement = (body: string) => `{ "Version": "2012-10-17", "Statement": [ { ${body} } ] }`;

/** The hover's markdown, after checking that its range is exactly the hovered string. */
function hoverAt(marked: string, hovered: string): string {
  const cursor = atCursor(marked);
  const hover = getService().hover(cursor.doc, cursor.position);
  assert.ok(hover, `no hover in ${marked}`);
  const { start, end } = hover.range!;
  assert.equal(cursor.text.slice(cursor.doc.offsetAt(start), cursor.doc.offsetAt(end)), JSON.stringify(hovered));
  return (hover.contents as MarkupContent).value;
}

function noHover(marked: string): void {
  const cursor = atCursor(marked);
  assert.equal(getService().hover(cursor.doc, cursor.position), null);
}

describe('policy hover', () => {
  it('describes an action: description, access level, resource types, condition keys, reference link', () => {
    const md = hoverAt(statement('"Action": "redshift:GetCluster|Credentials"'), 'redshift:GetClusterCredentials');
    assert.match(md, /\*\*redshift:GetClusterCredentials\*\* · Write/);
    assert.match(md, /Grants permission to get temporary credentials/);
    assert.match(md, /`dbuser` \(required\)/);
    assert.match(md, /`redshift:DbUser`/);
    assert.match(md, /\(https:\/\/docs\.aws\.amazon\.com\/service-authorization\/latest\/reference\/list_amazonredshift\.html\)/);
  });

  it('lists the dependent actions of an action that has some', () => {
    const catalog = new Catalog({
      version: 'test', updatedAt: 'test', global: [],
      services: { demo: { n: 'Demo Service', a: [['Launch', 'W', 'Grants permission to launch', [], [], ['iam:PassRole']]], r: [], c: [] } },
    });
    const cursor = atCursor(statement('"Action": "demo:Lau|nch"'));
    const hover = hoverPolicy(cursor.doc, parsePolicy(cursor.text), cursor.offset, { catalog });
    assert.match((hover?.contents as MarkupContent).value, /\*\*Dependent actions:\*\* `iam:PassRole`/);
  });

  it('says how many actions a wildcard covers and names the first few', () => {
    const count = getService().catalog.matchActions('s3', 'Get*').length;
    const md = hoverAt(statement('"Action": ["s3:ListBucket", "s3:G|et*"]'), 's3:Get*');
    assert.match(md, new RegExp(`matches ${count} of the \\d+ Amazon S3 actions`));
    assert.match(md, /`GetAccelerateConfiguration`/);
    assert.match(md, /… and \d+ more/);
    assert.match(hoverAt(statement('"NotAction": "|*"'), '*'), /every action of every service/);
  });

  it('explains condition operators and condition keys', () => {
    const op = hoverAt(statement('"Condition": { "ForAnyValue:StringLike|IfExists": { "aws:TagKeys": "x" } }'), 'ForAnyValue:StringLikeIfExists');
    assert.match(op, /`\*` matches any run of characters/);
    assert.match(op, /`IfExists`: when the key is absent/);
    assert.match(op, /`ForAnyValue:`/);
    const key = hoverAt(statement('"Condition": { "StringEquals": { "sts:Extern|alId": "x" } }'), 'sts:ExternalId');
    assert.match(key, /\*\*sts:ExternalId\*\* · String/);
    assert.match(key, /unique identifier required when you assume a role/);
    assert.match(hoverAt(statement('"Condition": { "StringEquals": { "aws:ResourceTag/te|am": "x" } }'), 'aws:ResourceTag/team'), /global key/);
  });

  it('explains the fields of an ARN, a Redshift database user and a role', () => {
    const dbuser = hoverAt(statement('"Resource": "arn:aws:redshift:us-east-1:123456789012:dbuser:sales|-cluster/alice"'), 'arn:aws:redshift:us-east-1:123456789012:dbuser:sales-cluster/alice');
    assert.match(dbuser, /Redshift database user `alice` in cluster `sales-cluster`/);
    assert.match(dbuser, /- region: `us-east-1`/);
    assert.match(dbuser, /- account: `123456789012`/);
    const bucket = hoverAt(statement('"Resource": "arn:aws:s3:::|reports/*"'), 'arn:aws:s3:::reports/*');
    assert.match(bucket, /BucketName `reports`, ObjectName `\*`/);
    assert.match(bucket, /- region: _\(empty: global resource\)_/);
    const role = hoverAt(statement('"Condition": { "ArnLike": { "aws:PrincipalArn": "arn:aws:iam::123456789012:role/etl/|Loader" } }'), 'arn:aws:iam::123456789012:role/etl/Loader');
    assert.match(role, /IAM role `Loader`, path `\/etl\/`/);
  });

  it('says what a principal trusts: an account, a role, a service', () => {
    assert.match(hoverAt(statement('"Principal": { "AWS": "1234|56789012" }'), '123456789012'), /AWS account `123456789012`/);
    assert.match(hoverAt(statement('"Principal": { "AWS": ["arn:aws:iam::123456789012:ro|ot"] }'), 'arn:aws:iam::123456789012:root'), /AWS account `123456789012`/);
    assert.match(hoverAt(statement('"Principal": { "AWS": "arn:aws:iam::123456789012:role/|Loader" }'), 'arn:aws:iam::123456789012:role/Loader'), /IAM role `Loader`/);
    assert.match(hoverAt(statement('"Principal": { "Service": "redshift.|amazonaws.com" }'), 'redshift.amazonaws.com'), /Service principal of Amazon Redshift\*\*:/);
    assert.match(hoverAt(statement('"Principal": { "Service": "redshift.eu-west-1.|amazonaws.com" }'), 'redshift.eu-west-1.amazonaws.com'), /Amazon Redshift\*\* in eu-west-1/);
    assert.match(hoverAt(statement('"Principal": { "Service": "|redshfit.amazonaws.com" }'), 'redshfit.amazonaws.com'), /not a known service principal/);
    assert.match(hoverAt(statement('"Principal": { "Service": "ecs-|tasks.amazonaws.com" }'), 'ecs-tasks.amazonaws.com'), /\(Documented in the Amazon ECS Developer Guide/);
    assert.match(hoverAt(statement('"Principal": "|*"'), '*'), /Every principal/);
  });

  it('explains the policy elements on their keys', () => {
    assert.match(hoverAt(statement('"Not|Action": "s3:GetObject"'), 'NotAction'), /Every action except those listed/);
    assert.match(hoverAt(statement('"Principal": { "Fed|erated": "x" }'), 'Federated'), /identity providers/);
  });

  it('has nothing to say about free text, unknown names or non-policy JSON', () => {
    noHover(statement('"Sid": "Read|Reports"'));
    noHover(statement('"Action": "s3:GetObj|ekt"'));
    noHover('{ "name": "arn:aws:s3:::|x" }');
    noHover(statement('"Effect": "Allow",| "Action": "s3:GetObject"'));
  });
});
