/** Completion, hover and the outline at known places of the example policies, through the editor's own commands. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, examplesUri, openUntitled, positionOf, ruleIds, waitForDiagnostics } from './helpers';

async function open(...segments: string[]): Promise<vscode.TextDocument> {
  return (await vscode.window.showTextDocument(examplesUri(...segments))).document;
}

async function completionLabels(doc: vscode.TextDocument, position: vscode.Position): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, position);
  return list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
}

async function hoverText(doc: vscode.TextDocument, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position);
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

describe('completion', () => {
  afterEach(closeAllEditors);

  it('offers the actions of the service being typed in an Action value', async () => {
    const doc = await open('policies', 'chain-roleA-permissions.json');
    const labels = await completionLabels(doc, positionOf(doc, '"sts:AssumeRole"', '"sts:'.length));
    assert.ok(labels.includes('sts:AssumeRole') && labels.includes('sts:TagSession'), `sts actions among ${labels.slice(0, 20).join(', ')}`);
    assert.ok(!labels.includes('s3:GetObject'), 'no actions of other services');
  });

  it('replaces what is typed with the action, and documents it when the item is resolved', async () => {
    const doc = await open('policies', 'chain-roleA-permissions.json');
    const position = positionOf(doc, '"sts:AssumeRole"', '"sts:Ass'.length);
    // The list comes with its edit range and resolve data as item defaults; the editor applies them.
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, position, undefined, 100);
    const item = list.items.find((i) => i.label === 'sts:AssumeRole');
    assert.ok(item, 'sts:AssumeRole offered');
    const range = item.range as vscode.Range;
    assert.equal(doc.getText(range), 'sts:AssumeRole', 'the edit replaces the whole content of the string');
    const documentation = item.documentation instanceof vscode.MarkdownString ? item.documentation.value : String(item.documentation);
    assert.match(documentation, /\*\*sts:AssumeRole\*\*/);
  });

  it('offers condition keys, the service\'s and the global ones, in a condition block', async () => {
    const doc = await open('policies', 'redshift-trust.json');
    const labels = await completionLabels(doc, positionOf(doc, '"sts:ExternalId"', '"sts:'.length));
    for (const key of ['sts:ExternalId', 'aws:SourceArn', 'aws:SourceAccount']) assert.ok(labels.includes(key), `${key} among ${labels.slice(0, 20).join(', ')}`);
  });

  it('offers service principals in a Principal value', async () => {
    const doc = await open('policies', 'redshift-trust.json');
    const labels = await completionLabels(doc, positionOf(doc, '"redshift.amazonaws.com"', 1));
    assert.ok(labels.includes('redshift.amazonaws.com') && labels.includes('sagemaker.amazonaws.com'), `principals among ${labels.slice(0, 20).join(', ')}`);
  });
});

describe('completion in SQL', () => {
  afterEach(closeAllEditors);

  it('offers the role ARNs of the other open documents inside IAM_ROLE quotes', async () => {
    await open('policies', 'chain-roleA-permissions.json');
    const { document: sql } = await openUntitled('role-completion.sql', "COPY venue FROM 's3://amzn-s3-demo-bucket/venue/'\nIAM_ROLE '");
    const labels = await completionLabels(sql, sql.positionAt(sql.getText().length));
    assert.ok(labels.includes('arn:aws:iam::210987654321:role/RoleB'), `the role of chain-roleA-permissions.json among ${labels.join(', ')}`);
  });

  it('offers role ARNs in a long script right after a key is typed, before the script is checked again', async () => {
    await open('policies', 'chain-roleA-permissions.json');
    // One statement has a 13-digit account: its diagnostic shows that the script has been checked.
    const line = (i: number) => `COPY t${i} FROM 's3://amzn-s3-demo-bucket/${i}/' IAM_ROLE 'arn:aws:iam::${i === 5 ? '0' : ''}123456789012:role/Load${i}';\n`;
    const editor = await openUntitled('long-script.sql', Array.from({ length: 10_000 }, (_, i) => line(i)).join(''));
    const sql = editor.document;
    await waitForDiagnostics(sql.uri, (d) => ruleIds(d).includes('iam-role-arn'), 'the first check of the long script');
    // A new role typed near the end: the server answers from the statement around the cursor.
    const at = positionOf(sql, line(9000), `COPY t9000 FROM 's3://amzn-s3-demo-bucket/9000/' IAM_ROLE '`.length);
    assert.ok(await editor.edit((e) => e.replace(new vscode.Range(at, sql.lineAt(at.line).range.end.translate(0, -2)), 'arn:')));
    const asked = Date.now();
    const labels = await completionLabels(sql, at.translate(0, 'arn:'.length));
    console.log(`    completion after the edit answered in ${Date.now() - asked} ms`);
    assert.ok(labels.includes('arn:aws:iam::210987654321:role/RoleB'), `the role of chain-roleA-permissions.json among ${labels.slice(0, 20).join(', ')}`);
  });

  it('offers the clauses that may follow a COPY source', async () => {
    const doc = await open('sql', 'copy-unload.sql');
    const labels = await completionLabels(doc, positionOf(doc, "FROM 's3://companyb/redshift/venue_pipe_'\n", "FROM 's3://companyb/redshift/venue_pipe_'".length));
    assert.ok(labels.includes('IAM_ROLE') && labels.includes('CREDENTIALS'), `clauses among ${labels.join(', ')}`);
  });
});

describe('hover', () => {
  afterEach(closeAllEditors);

  it('describes an action from the IAM catalogue', async () => {
    const doc = await open('policies', 'redshift-trust.json');
    const text = await hoverText(doc, positionOf(doc, 'sts:AssumeRole', 5));
    assert.match(text, /\*\*sts:AssumeRole\*\*/);
    assert.match(text, /temporary security credentials/);
  });

  it('explains a condition key and the fields of a Redshift database user ARN', async () => {
    const doc = await open('policies', 'redshift-trust.json');
    assert.match(await hoverText(doc, positionOf(doc, 'sts:ExternalId', 5)), /\*\*sts:ExternalId\*\*/);
    const arn = await hoverText(doc, positionOf(doc, 'dbuser:analytics-cluster/etl_user', 3));
    assert.match(arn, /etl_user/);
    assert.match(arn, /account: `123456789012`/);
    assert.match(arn, /region: `us-west-2`/);
  });
});

describe('hover in SQL', () => {
  afterEach(closeAllEditors);

  it('says what a COPY needs from its role and what IAM_ROLE accepts', async () => {
    const doc = await open('sql', 'copy-unload.sql');
    assert.match(await hoverText(doc, positionOf(doc, 'COPY venue', 1)), /s3:GetObject/);
    assert.match(await hoverText(doc, positionOf(doc, "IAM_ROLE 'arn", 2)), /\*\*IAM_ROLE\*\* \(COPY\)/);
  });
});

describe('outline', () => {
  afterEach(closeAllEditors);

  it('lists each statement by its Sid', async () => {
    const doc = await open('policies', 'redshift-trust.json');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
    assert.ok(symbols.some((s) => s.name === 'RedshiftCopyUnloadForEtlUsers'), `statement among ${symbols.map((s) => s.name).join(', ')}`);
  });
});
