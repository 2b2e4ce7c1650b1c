/** The strict parser must build exactly parseTree's tree for every text parseTree reads without an
 * error, and give up on every other text (parseTree then reports). Checked on the fixtures, the
 * examples, the benchmark's policy, hand-picked edge cases and seeded mutations of all of them. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { type Node, type ParseError, parseTree } from 'jsonc-parser';
import { parsePolicy, repeatedKeys } from '../../server/src/service/policy/parse';
import { parseStrictJson } from '../../server/src/service/policy/strictJson';
import { policyWorkload } from '../../scripts/workloads.mjs';
import { collect, mutate, prng } from '../fuzz';
import { FIXTURES, ROOT } from '../helpers';

/** A node without its parent links, which are checked on the way. */
function shape(node: Node, parent: Node | undefined): unknown {
  assert.equal(node.parent, parent, `parent of the ${node.type} at ${node.offset}`);
  return {
    type: node.type, offset: node.offset, length: node.length, value: node.value, colonOffset: node.colonOffset,
    children: node.children?.map((c) => shape(c, node)),
  };
}

function agrees(text: string): boolean {
  const errors: ParseError[] = [];
  const expected = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const strict = parseStrictJson(text);
  const actual = strict?.root;
  if (errors.length > 0) {
    assert.equal(actual, undefined, `strict parse of a text parseTree rejects: ${JSON.stringify(text.slice(0, 200))}`);
    return false;
  }
  assert.ok(actual, `strict parse gave up on a text parseTree reads: ${JSON.stringify(text.slice(0, 200))}`);
  assert.equal('parent' in actual, false);
  assert.deepEqual(shape(actual, undefined), shape(expected!, undefined));
  // The whitespace it counts is the whitespace outside strings, which the policy-size rule leaves out.
  assert.equal(strict!.whitespace, text.replace(/"(?:[^"\\]|\\.)*"/g, '').match(/[ \t\r\n]/g)?.length ?? 0);
  // The repeated keys it finds while reading are those a walk of parseTree's tree finds.
  const policy = parsePolicy(text);
  const offsets = (doc: typeof policy) => repeatedKeys(doc).map((key) => key.offset);
  assert.deepEqual(offsets(policy), offsets({ ...policy, root: expected, repeatedKeys: undefined }));
  return true;
}

const EDGE_CASES = [
  '{}', '[]', '"text"', '0', '-0', '12.5e-3', '1E+2', 'true', 'false', 'null', ' \t\r\n{ "a" : [ 1 , -2.0 , true , null , { } , [ ] ] }\n',
  '{"Sid":"\\u0041\\"\\\\\\/\\b\\f\\n\\r\\t","Resource":"arn:aws:s3:::b/é😀"}', '{"a":1,"a":2}', '{"":""}',
  '{"a":{"b":1,"b":2,"c":[{"c":1,"c":2}]},"a":3}', `{${Array.from({ length: 20 }, (_, k) => `"k${k % 18}":${k}`).join(',')}}`,
  // Not strict JSON: parseTree reports each of these.
  '', ' ', '{', '{"a":1,}', '[1,]', '{"a" 1}', '{"a":1 "b":2}', '// c\n{}', '/* c */{}', '{"a":"\u0001"}', '{"a":"x\ny"}',
  '{"a":"\\x"}', '{"a":"\\u12"}', '{"a":01}', '{"a":1.}', '{"a":.5}', '{"a":+1}', '{"a":-}', '{"a":tru}', '{"a":nullx}', '{}}',
  '{} {}', '\u00a0{}', '\ufeff{}', "{'a':1}", '{a:1}', '[1 2]', '{"a":1}\u2028', '"unterminated', '"ends in a backslash\\',
];

describe('strict JSON parser', () => {
  it('builds parseTree\'s tree, or gives up where parseTree reports an error, on edge cases', () => {
    const read = EDGE_CASES.filter(agrees).length;
    assert.equal(read, 16, 'the first 16 cases are strict JSON');
  });

  it('agrees with parseTree on every fixture, example and the benchmark policy', () => {
    const catalog = JSON.parse(readFileSync(join(ROOT, 'dist', 'catalog.json'), 'utf8'));
    const texts = [...collect(FIXTURES, /\.json$/), ...collect(join(ROOT, 'examples'), /\.json$/), policyWorkload(catalog, 200)];
    const read = texts.filter(agrees).length;
    // The json-syntax fixtures and a few others are not strict JSON; the rest must take the fast path.
    assert.ok(read > texts.length * 0.8, `${read} of ${texts.length} texts read strictly`);
  });

  it('agrees with parseTree on 4,000 seeded mutations', () => {
    const random = prng(0x150e);
    const seeds = collect(FIXTURES, /\.json$/);
    let read = 0;
    for (let i = 0; i < 4000; i++) if (agrees(mutate(seeds[i % seeds.length], random))) read++;
    // Both outcomes must be exercised: mutations that keep the text valid and ones that break it.
    assert.ok(read > 200 && read < 3800, `${read} of 4,000 mutations read strictly`);
  });
});
