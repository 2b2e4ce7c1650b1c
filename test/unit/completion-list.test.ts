/** Completion items with their shared parts sent once, as LSP 3.17 item defaults. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CompletionItem, CompletionList, Range } from 'vscode-languageserver-types';
import { withItemDefaults } from '../../server/src/service/completionList';

const range = (from: number, to: number): Range => ({ start: { line: 2, character: from }, end: { line: 2, character: to } });
const item = (label: string, r = range(4, 9), insertTextFormat: 1 | 2 | undefined = 2): CompletionItem =>
  ({ label, detail: 'Read', insertTextFormat, textEdit: { range: r, newText: `"${label}"` } });
const VSCODE = ['commitCharacters', 'editRange', 'insertTextFormat', 'insertTextMode', 'data'];

/** The items as a client sees them once it applies the defaults. */
function expand(result: CompletionItem[] | CompletionList): CompletionItem[] {
  if (Array.isArray(result)) return result;
  const { editRange, insertTextFormat, data } = result.itemDefaults ?? {};
  return result.items.map(({ textEditText, ...rest }) => JSON.parse(JSON.stringify({
    ...rest,
    data: rest.data ?? data,
    insertTextFormat: rest.insertTextFormat ?? insertTextFormat,
    textEdit: { range: editRange as Range, newText: textEditText ?? rest.label },
  })));
}

describe('completion item defaults', () => {
  it('moves a shared edit range and insert format into the defaults, losing nothing', () => {
    const items = [item('s3:GetObject'), item('s3:GetObjectAcl'), item('s3:GetBucketPolicy')];
    const result = withItemDefaults(structuredClone(items), VSCODE);
    assert.ok(!Array.isArray(result));
    assert.deepEqual(result.itemDefaults, { editRange: range(4, 9), insertTextFormat: 2 });
    assert.ok(result.items.every((i) => i.textEdit === undefined && i.insertTextFormat === undefined));
    assert.deepEqual(expand(result), items);
    assert.ok(JSON.stringify(result).length < JSON.stringify(items).length);
  });

  it('sends data once when the items share it, and keeps it on each item otherwise', () => {
    const shared = { resolve: 'policyAction' };
    const items = [{ ...item('s3:GetObject'), data: shared }, { ...item('s3:PutObject'), data: shared }];
    const result = withItemDefaults(structuredClone(items).map((i) => ({ ...i, data: shared })), VSCODE);
    assert.ok(!Array.isArray(result));
    assert.deepEqual(result.itemDefaults?.data, shared);
    assert.ok(result.items.every((i) => i.data === undefined));
    assert.deepEqual(expand(result), items);
    const own = [{ ...item('a'), data: { n: 1 } }, { ...item('b'), data: { n: 2 } }];
    const kept = withItemDefaults(structuredClone(own), VSCODE);
    assert.ok(!Array.isArray(kept) && kept.itemDefaults?.data === undefined);
    assert.deepEqual(expand(kept), own);
  });

  it('keeps each item\'s insert format when they differ', () => {
    const items = [item('a', range(4, 9), 2), item('b', range(4, 9), 1)];
    const result = withItemDefaults(structuredClone(items), VSCODE);
    assert.ok(!Array.isArray(result));
    assert.deepEqual(result.itemDefaults, { editRange: range(4, 9) });
    assert.deepEqual(expand(result), items);
  });

  it('leaves the items whole when their ranges differ, or for a client without item defaults', () => {
    const differing = [item('a', range(4, 9)), item('b', range(3, 9))];
    assert.equal(withItemDefaults(differing, VSCODE), differing);
    const shared = [item('a'), item('b')];
    assert.equal(withItemDefaults(shared, []), shared);
    assert.equal(withItemDefaults(shared, ['insertTextFormat']), shared);
    const one = [item('a')];
    assert.equal(withItemDefaults(one, VSCODE), one);
  });
});
