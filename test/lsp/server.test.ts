/** Protocol tests: the bundled server over stdio, driven as Neovim or Helix would drive it. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { FIXTURES } from '../helpers';
import { LspClient } from './client';

const fixture = (p: string) => readFileSync(join(FIXTURES, p), 'utf8');

describe('language server over stdio', () => {
  let client: LspClient;
  before(async () => {
    client = new LspClient({ rules: { 'duplicate-key': 'warning' } });
    await client.initialize();
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
  });

  it('reports a syntax error at its real place, with rule code and docs link', async () => {
    const diagnostics = await client.open('file:///w/missing-brace.json', 'json', fixture('policy/json-syntax/missing-brace.json'));
    // The trust policy also gets information-level advice; exactly one error, the syntax error.
    const errors = diagnostics.filter((x) => x.severity === 1);
    assert.equal(errors.length, 1);
    const [d] = errors;
    assert.equal(d.code, 'json-syntax');
    assert.equal(d.source, 'redshift-iam');
    assert.deepEqual(d.range, { start: { line: 6, character: 31 }, end: { line: 6, character: 32 } });
    assert.match(d.codeDescription!.href, /docs\/rules\/json-syntax\.md$/);
  });

  it('applies per-rule severity from the client settings', async () => {
    const diagnostics = await client.open('file:///w/dup.json', 'json', fixture('policy/duplicate-key/duplicate.json'));
    const d = diagnostics.find((x) => x.code === 'duplicate-key');
    assert.equal(d?.severity, 2);
  });

  it('publishes an empty list for a clean policy and for JSON that is not a policy', async () => {
    assert.deepEqual(await client.open('file:///w/valid.json', 'json', fixture('policy/json-syntax/valid.json')), []);
    assert.deepEqual(await client.open('file:///w/package.json', 'json', '{ "name": "x", "Actions": 1 }'), []);
  });

  it('clears problems once an edit fixes them, and reports only the latest version', async () => {
    const uri = 'file:///w/edit.json';
    const bad = '{ "Version": "2012-10-17", "Statment": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }] }';
    assert.equal((await client.open(uri, 'json', bad)).length, 1);
    const final = client.diagnostics(uri, 3);
    await client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: bad.replace('Statment', 'Statemen') }] });
    await client.notify('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text: bad.replace('Statment', 'Statement') }] });
    assert.deepEqual((await final).diagnostics, []);
    assert.ok(!client.published.some((p) => p.uri === uri && p.version === 2), 'a superseded version was validated');
  });

  it('offers a quick fix that removes the diagnostic', async () => {
    const uri = 'file:///w/fix.json';
    const text = '{ "Version": "2012-10-17", "Statment": [] }';
    const [d] = await client.open(uri, 'json', text);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    const fix = actions.find((a) => a.title === 'Change to "Statement"');
    assert.ok(fix?.edit?.changes?.[uri]);
    const [edit] = fix.edit.changes[uri];
    assert.deepEqual(edit.range, d.range);
    assert.deepEqual((fix.diagnostics as Diagnostic[])[0].code, 'unknown-key');
  });
});

describe('language server: globs of the settings', () => {
  const policy = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObjekt","Resource":"*"}]}';
  let client: LspClient;
  before(async () => {
    client = new LspClient({ exclude: ['work/**', 'legacy/**'] });
    await client.initialize({}, ['file:///home/work/repo']);
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
  });

  it('start from the workspace folder of the document, and follow the folders as they change', async () => {
    // `work/**` names a folder above the workspace folder: the checkout's location excludes nothing.
    assert.equal((await client.open('file:///home/work/repo/p.json', 'json', policy)).length, 1);
    assert.deepEqual(await client.open('file:///home/work/repo/legacy/p.json', 'json', policy), []);
    // Without a workspace folder around it, a glob matches any end of the path.
    const outside = client.diagnostics('file:///home/work/repo/p.json', 1);
    await client.notify('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [{ uri: 'file:///home/work/repo', name: 'repo' }] } });
    assert.deepEqual((await outside).diagnostics, []);
  });
});
