/** The quick fixes of the catalogue rules: applied one at a time to their fixtures, each leaves valid
 * JSON and makes its finding go away without bringing a new finding of the same rule. */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseTree, type ParseError } from 'jsonc-parser';
import type { Fix } from '../../server/src/service/types';
import { FIXTURES, findingsOf } from '../helpers';

function apply(text: string, fix: Fix): string {
  return [...fix.edits].sort((a, b) => b.offset - a.offset)
    .reduce((out, e) => out.slice(0, e.offset) + e.newText + out.slice(e.offset + e.length), text);
}

for (const rule of ['unknown-action', 'unknown-condition-key', 'redundant-action']) {
  describe(`${rule} quick fixes`, () => {
    const dir = join(FIXTURES, 'policy', rule);
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const text = readFileSync(join(dir, name), 'utf8');
      const findings = findingsOf(text).filter((f) => f.rule === rule);
      for (const finding of findings.filter((f) => f.fixes?.length)) {
        it(`${name} ${finding.where}: ${finding.fixes![0].title}`, () => {
          const fixed = apply(text, finding.fixes![0]);
          const errors: ParseError[] = [];
          parseTree(fixed, errors, { disallowComments: true });
          assert.deepEqual(errors, [], fixed);
          assert.equal(findingsOf(fixed).filter((f) => f.rule === rule).length, findings.length - 1, fixed);
        });
      }
    }
  });
}

describe('quick fix edits', () => {
  it('replace only the misspelt part of an action', () => {
    const text = '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"redshift:DescribeClusterz","Resource":"*"}}';
    const [finding] = findingsOf(text).filter((f) => f.rule === 'unknown-action');
    assert.equal(apply(text, finding.fixes![0]), text.replace('DescribeClusterz', 'DescribeClusters'));
  });

  it('rewrite the whole string when escapes shift the offsets', () => {
    const text = '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s\\u0033:GetObjekt","Resource":"*"}}';
    const [finding] = findingsOf(text).filter((f) => f.rule === 'unknown-action');
    assert.equal(apply(text, finding.fixes![0]), text.replace('"s\\u0033:GetObjekt"', '"s3:GetObject"'));
  });

  it('remove a covered action with its comma, first or last', () => {
    const text = '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":["s3:GetObject","s3:Get*","s3:GetObjectAcl"],"Resource":"*"}}';
    const fixes = findingsOf(text).filter((f) => f.rule === 'redundant-action').map((f) => apply(text, f.fixes![0]));
    assert.deepEqual(fixes, [
      text.replace('"s3:GetObject",', ''),
      text.replace(',"s3:GetObjectAcl"', ''),
    ]);
  });
});
