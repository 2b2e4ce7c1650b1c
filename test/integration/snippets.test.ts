/** The contributed snippets, offered and inserted by the editor's own snippet machinery. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, EXTENSION_ID, expectNoProblems, openUntitled, pollUntil } from './helpers';

const snippetLabels = (list: vscode.CompletionList) => list.items
  .filter((i) => i.kind === vscode.CompletionItemKind.Snippet).map((i) => (typeof i.label === 'string' ? i.label : i.label.label));

/** Opens an untitled document `name` holding `prefix`, and waits for the snippet of that prefix among the completions at its end. */
async function offersSnippet(name: string, prefix: string): Promise<vscode.TextEditor> {
  const editor = await openUntitled(name, prefix);
  await pollUntil(`the ${prefix} snippet in ${name}`,
    () => vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, editor.document.positionAt(prefix.length)),
    (list) => snippetLabels(list).includes(prefix));
  return editor;
}

/** Replaces the whole document with the named snippet, as "Insert Snippet" does. */
async function insertSnippet(editor: vscode.TextEditor, langId: string, name: string): Promise<string> {
  const doc = editor.document;
  editor.selection = new vscode.Selection(doc.positionAt(0), doc.positionAt(doc.getText().length));
  await vscode.commands.executeCommand('editor.action.insertSnippet', { langId, name });
  return doc.getText();
}

describe('snippets', () => {
  afterEach(closeAllEditors);

  it('are contributed for JSON and SQL', () => {
    const languages = (vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON.contributes?.snippets ?? []).map((s: { language: string }) => s.language);
    assert.ok(languages.includes('json') && languages.includes('sql'), `snippet languages: ${languages.join(', ')}`);
  });

  it('a JSON document offers and inserts the Redshift trust policy', async () => {
    const editor = await offersSnippet('snippet.json', 'redshift-trust');
    const text = await insertSnippet(editor, 'json', 'Redshift trust policy');
    const [statement] = JSON.parse(text).Statement;
    assert.deepEqual(statement.Principal, { Service: 'redshift.amazonaws.com' });
    assert.equal(statement.Action, 'sts:AssumeRole');
    await expectNoProblems(editor.document.uri);
  });

  it('a SQL document offers and inserts COPY with an IAM role', async () => {
    const editor = await offersSnippet('snippet.sql', 'copy-iam-role');
    const text = await insertSnippet(editor, 'sql', 'COPY with an IAM role');
    assert.match(text, /^COPY /);
    assert.match(text, /IAM_ROLE 'arn:aws:iam::\d{12}:role\/[\w+=,.@-]+'/);
  });
});
