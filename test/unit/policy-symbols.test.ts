/** The outline of a policy: one symbol per statement, with its elements as children. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import { documentOf, getService } from '../helpers';

const text = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "ReadReports",
      "Effect": "Allow",
      "Action": ["s3:GetObject", "s3:ListBucket"],
      "Resource": "arn:aws:s3:::reports/*"
    },
    {
      "Effect": "Deny",
      "NotAction": "s3:*",
      "Resource": "*",
      "Condition": { "Bool": { "aws:SecureTransport": "false" } }
    },
    {
      "Effect": "Allow",
      "Principal": { "Service": "redshift.amazonaws.com" },
      "Action": "sts:AssumeRole"
    },
    {}
  ]
}`;

const textOf = (doc: ReturnType<typeof documentOf>, s: DocumentSymbol, which: 'range' | 'selectionRange' = 'range') =>
  doc.getText(s[which]);

describe('policy document symbols', () => {
  const doc = documentOf(text);
  const symbols = getService().documentSymbols(doc);

  it('has one symbol per statement, named by Sid, else by effect and first action', () => {
    assert.deepEqual(symbols.map((s) => s.name), ['ReadReports', 'Deny s3:*', 'Allow sts:AssumeRole', 'Statement 4']);
    assert.equal(symbols[0].detail, 'Allow');
    assert.equal(textOf(doc, symbols[0], 'selectionRange'), '"ReadReports"');
    assert.equal(textOf(doc, symbols[1], 'selectionRange'), '{');
    assert.match(textOf(doc, symbols[1]), /^\{\n\s+"Effect": "Deny"[\s\S]*\}$/);
  });

  it('has the principal, actions, resources and conditions as children', () => {
    const children = symbols.map((s) => (s.children ?? []).map((c) => `${c.name}=${c.detail}`));
    assert.deepEqual(children, [
      ['Action=2 values', 'Resource=arn:aws:s3:::reports/*'],
      ['NotAction=s3:*', 'Resource=*', 'Condition=Bool'],
      ['Principal=Service', 'Action=sts:AssumeRole'],
      [],
    ]);
    const principal = symbols[2].children![0];
    assert.equal(principal.kind, SymbolKind.Interface);
    assert.equal(textOf(doc, principal, 'selectionRange'), '"Principal"');
    assert.equal(textOf(doc, principal), '"Principal": { "Service": "redshift.amazonaws.com" }');
  });

  it('outlines a half-typed policy and a single-object Statement, and nothing for other JSON', () => {
    const partial = getService().documentSymbols(documentOf('{ "Version": "2012-10-17", "Statement": [ { "Sid": "A", "Action": "s3:Get'));
    assert.deepEqual(partial.map((s) => s.name), ['A']);
    const single = getService().documentSymbols(documentOf('{ "Statement": { "Effect": "Allow", "Action": "s3:GetObject" } }'));
    assert.deepEqual(single.map((s) => s.name), ['Allow s3:GetObject']);
    assert.deepEqual(getService().documentSymbols(documentOf('{ "name": "x" }')), []);
  });
});
