/** Editor features over stdio: completion, hover and the outline, as an editor requests them from the
 * bundled server. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, CompletionItem, CompletionList, DocumentSymbol, Hover, MarkupContent, TextEdit } from 'vscode-languageserver-types';
import { LspClient } from './client';

const policyUri = 'file:///w/trust.json';
const policy = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "RedshiftAssumes",
      "Effect": "Allow",
      "Principal": { "AWS": "" },
      "Action": ["sts:AssumeRole", "redsh"]
    }
  ]
}`;
/** The position right after the first occurrence of `marker` (plus `shift` characters) in the policy. */
function positionAfter(marker: string, shift = 0) {
  const offset = policy.indexOf(marker) + marker.length + shift;
  const before = policy.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

const itemsOf = (result: CompletionItem[] | CompletionList | null) => (Array.isArray(result) ? result : result?.items ?? []);

describe('editor features over stdio', () => {
  let client: LspClient;
  let capabilities: Record<string, unknown>;

  before(async () => {
    client = new LspClient();
    capabilities = ((await client.initialize()) as { capabilities: Record<string, unknown> }).capabilities;
    await client.open('file:///w/load.sql', 'sql', "COPY sales FROM 's3://bucket/sales' IAM_ROLE 'arn:aws:iam::111122223333:role/RedshiftLoader,arn:aws:iam::444455556666:role/Target';");
    await client.open(policyUri, 'json', policy);
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
  });

  const complete = async (marker: string, shift = 0) => itemsOf(await client.request<CompletionItem[] | CompletionList | null>('textDocument/completion', {
    textDocument: { uri: policyUri }, position: positionAfter(marker, shift), context: { triggerKind: 2, triggerCharacter: '"' },
  }));

  it('announces completion with its trigger characters, hover and document symbols', () => {
    assert.deepEqual(capabilities.completionProvider, { triggerCharacters: ['"', ':', ',', "'", '/', ' '], resolveProvider: true });
    assert.equal(capabilities.hoverProvider, true);
    assert.equal(capabilities.documentSymbolProvider, true);
  });

  it('completes actions with replace ranges over what is typed', async () => {
    const items = await complete('"redsh');
    const redshift = items.find((i) => i.label === 'redshift-serverless');
    assert.ok(redshift, 'redshift-serverless offered');
    const edit = redshift.textEdit as TextEdit;
    assert.deepEqual(edit.range, { start: positionAfter('"redsh', -5), end: positionAfter('"redsh') });
    assert.equal(edit.newText, 'redshift-serverless:');
  });

  it('leaves the documentation of actions to completionItem/resolve', async () => {
    const uri = 'file:///w/actions.json';
    const text = '{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": "redshift:GetCl" } ] }';
    await client.open(uri, 'json', text);
    const items = itemsOf(await client.request<CompletionItem[]>('textDocument/completion', {
      textDocument: { uri }, position: { line: 0, character: text.indexOf('GetCl') + 5 },
    }));
    const item = items.find((i) => i.label === 'redshift:GetClusterCredentials');
    assert.ok(item && item.documentation === undefined);
    const resolved = await client.request<CompletionItem>('completionItem/resolve', item);
    assert.match((resolved.documentation as MarkupContent).value, /\*\*redshift:GetClusterCredentials\*\* · Write/);
    assert.deepEqual(resolved.textEdit, item.textEdit);
  });

  it('sends the shared edit range and insert format once to a client that reads item defaults', async () => {
    const lean = new LspClient();
    try {
      await lean.initialize({ completion: { completionList: { itemDefaults: ['commitCharacters', 'editRange', 'insertTextFormat', 'insertTextMode', 'data'] } } });
      await lean.open(policyUri, 'json', policy);
      const params = { textDocument: { uri: policyUri }, position: positionAfter('"redsh'), context: { triggerKind: 2, triggerCharacter: '"' } };
      const list = await lean.request<CompletionList>('textDocument/completion', params);
      assert.ok(!Array.isArray(list) && list.itemDefaults?.editRange, 'a list with item defaults');
      assert.deepEqual(list.itemDefaults.editRange, { start: positionAfter('"redsh', -5), end: positionAfter('"redsh') });
      assert.equal(list.itemDefaults.insertTextFormat, 2);
      assert.ok(list.items.every((i) => i.textEdit === undefined && typeof i.textEditText === 'string'));
      // The same completions as the items in full, once the defaults are applied.
      const full = await complete('"redsh');
      assert.deepEqual(
        list.items.map((i) => [i.label, i.textEditText]),
        full.map((i) => [i.label, (i.textEdit as TextEdit).newText]),
      );
      // A list of actions shares its resolve data too; an item resolves with the data of the defaults.
      const actionsUri = 'file:///w/lean-actions.json';
      const text = '{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": "redshift:GetCl" } ] }';
      await lean.open(actionsUri, 'json', text);
      const actions = await lean.request<CompletionList>('textDocument/completion', { textDocument: { uri: actionsUri }, position: { line: 0, character: text.indexOf('GetCl') + 5 } });
      assert.ok(actions.itemDefaults?.data !== undefined && actions.items.every((i) => i.data === undefined), 'data sent once');
      const item = actions.items.find((i) => i.label === 'redshift:GetClusterCredentials')!;
      const resolved = await lean.request<CompletionItem>('completionItem/resolve', { ...item, data: actions.itemDefaults.data });
      assert.match((resolved.documentation as MarkupContent).value, /\*\*redshift:GetClusterCredentials\*\* · Write/);
    } finally {
      assert.equal(await lean.shutdown(), 0);
    }
  });

  it('offers role ARNs from the other open documents for an AWS principal', async () => {
    const labels = (await complete('"AWS": "')).map((i) => i.label);
    assert.deepEqual(labels.slice(0, 2), ['arn:aws:iam::111122223333:role/RedshiftLoader', 'arn:aws:iam::444455556666:role/Target']);
  });

  it('forgets the role ARNs of a closed document', async () => {
    await client.notify('textDocument/didClose', { textDocument: { uri: 'file:///w/load.sql' } });
    const labels = (await complete('"AWS": "')).map((i) => i.label);
    assert.ok(!labels.some((l) => l.includes('RedshiftLoader')), labels.slice(0, 3).join());
  });

  it('hovers an action with its description, as markdown over the string', async () => {
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: policyUri }, position: positionAfter('"sts:Assume') });
    assert.ok(hover);
    assert.match((hover.contents as MarkupContent).value, /\*\*sts:AssumeRole\*\* · Write/);
    assert.deepEqual(hover.range, { start: positionAfter('"Action": ['), end: positionAfter('"sts:AssumeRole"') });
  });

  it('outlines the statements', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: policyUri } });
    assert.deepEqual(symbols.map((s) => s.name), ['RedshiftAssumes']);
    assert.deepEqual(symbols[0].children?.map((c) => c.name), ['Principal', 'Action']);
  });

  it('offers "Convert to array" as a refactoring, filtered by the requested kind', async () => {
    const uri = 'file:///w/identity.json';
    const text = '{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" } ] }';
    await client.open(uri, 'json', text);
    const value = text.indexOf('"s3:GetObject"');
    const at = { line: 0, character: value + 3 };
    const ask = (only?: string[]) => client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: at, end: at }, context: { diagnostics: [], only } });
    const [convert] = await ask(['refactor']);
    assert.equal(convert.title, 'Convert to array');
    assert.deepEqual(convert.edit?.changes?.[uri], [{ range: { start: { line: 0, character: value }, end: { line: 0, character: value + 14 } }, newText: '["s3:GetObject"]' }]);
    assert.deepEqual(await ask(['quickfix']), []);
  });

  it('answers with nothing for documents it does not analyse', async () => {
    await client.open('file:///w/package.json', 'json', '{ "name": "" }');
    const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: 'file:///w/package.json' }, position: { line: 0, character: 11 } });
    assert.deepEqual(items, []);
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri: 'file:///w/package.json' }, position: { line: 0, character: 4 } }), null);
    assert.deepEqual(await client.request('textDocument/completion', { textDocument: { uri: 'file:///w/unopened.json' }, position: { line: 0, character: 0 } }), []);
  });
});
