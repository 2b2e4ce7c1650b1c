/** "Convert to array" on a single value, and the quick fix for a second value added without brackets. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'jsonc-parser';
import type { TextEdit } from 'vscode-languageserver-types';
import { applyEdits, atCursor } from '../editing';
import { getService } from '../helpers';

const statement = (body: string) => `{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", ${body} } ] }`;

function actionsAt(marked: string) {
  const cursor = atCursor(marked);
  const diagnostics = getService().validate(cursor.doc);
  const range = { start: cursor.position, end: cursor.position };
  const actions = getService().editActions(cursor.doc, range, diagnostics);
  const apply = (title: string) => {
    const action = actions.find((a) => a.title === title);
    assert.ok(action, `no "${title}" among ${actions.map((a) => a.title).join(', ')}`);
    return applyEdits(cursor.doc, action.edit!.changes![cursor.doc.uri] as TextEdit[]);
  };
  return { actions, diagnostics, apply };
}

describe('convert to array', () => {
  it('converts a single Action or Resource string into an array (refactor)', () => {
    const { actions, apply } = actionsAt(statement('"Action": "s3:Get|Object", "Resource": "*"'));
    assert.deepEqual(actions.map((a) => [a.title, a.kind]), [['Convert to array', 'refactor.rewrite']]);
    assert.equal(apply('Convert to array'), statement('"Action": ["s3:GetObject"], "Resource": "*"'));
    assert.equal(actionsAt(statement('"Action": "s3:GetObject", "Resource": "arn:aws:s3:::b|/*"')).apply('Convert to array'),
      statement('"Action": "s3:GetObject", "Resource": ["arn:aws:s3:::b/*"]'));
  });

  it('applies to principals and condition values too, and not to arrays, Effect or Sid', () => {
    assert.equal(actionsAt(statement('"Principal": { "Service": "redshift.amazon|aws.com" }')).apply('Convert to array'),
      statement('"Principal": { "Service": ["redshift.amazonaws.com"] }'));
    assert.equal(actionsAt(statement('"Condition": { "StringEquals": { "aws:SourceAccount": "1234|56789012" } }')).apply('Convert to array'),
      statement('"Condition": { "StringEquals": { "aws:SourceAccount": ["123456789012"] } }'));
    for (const marked of [statement('"Action": ["s3:Get|Object"]'), statement('"Sid": "A|b", "Action": "s3:GetObject"'), statement('"Action": "s3:GetObject"').replace('Allow', 'All|ow')]) {
      assert.deepEqual(actionsAt(marked).actions, [], marked);
    }
  });

  it('fixes a second value added without brackets, clearing the syntax error', () => {
    const { actions, diagnostics, apply } = actionsAt(statement('"Action": "s3:GetObject", "s3:Put|Object", "s3:DeleteObject", "Resource": "*"'));
    assert.ok(diagnostics.some((d) => d.code === 'json-syntax'), 'the slip is a syntax error');
    const fix = actions.find((a) => a.kind === 'quickfix')!;
    assert.equal(fix.title, 'Put the 3 values of Action in an array');
    assert.equal(fix.isPreferred, true);
    assert.ok(fix.diagnostics?.every((d) => d.code === 'json-syntax') && fix.diagnostics.length > 0);
    const fixed = apply(fix.title);
    assert.equal(fixed, statement('"Action": ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"], "Resource": "*"'));
    assert.deepEqual(parse(fixed).Statement[0].Action, ['s3:GetObject', 's3:PutObject', 's3:DeleteObject']);
    const after = actionsAt(fixed.replace('"s3:GetObject"', '"s3:Get|Object"'));
    assert.ok(!after.diagnostics.some((d) => d.code === 'json-syntax'));
  });

  it('offers the fix from the first value too, at the end of a statement', () => {
    const { apply } = actionsAt(statement('"Resource": "arn:aws:s3:::a|/*", "arn:aws:s3:::b/*"'));
    assert.equal(apply('Put the 2 values of Resource in an array'), statement('"Resource": ["arn:aws:s3:::a/*", "arn:aws:s3:::b/*"]'));
  });
});
