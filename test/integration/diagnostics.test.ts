/** Diagnostics and quick fixes on the example workspace, as the server publishes them to the editor. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, diagnosticOf, examplesUri, expectNoProblems, openAndExpectRules, openUntitled, positionOf, problems, ruleIds, waitForDiagnostics } from './helpers';

const FAULTY_TRUST = ['policies', 'faulty-trust.json'];
const FAULTY_SQL = ['sql', 'faulty.sql'];

describe('diagnostics', () => {
  afterEach(closeAllEditors);

  it('faulty-trust.json: a role ARN without account and a misspelt service principal', async () => {
    const { editor, diagnostics } = await openAndExpectRules(examplesUri(...FAULTY_TRUST), ['invalid-arn', 'service-principal']);
    const invalidArn = diagnosticOf(diagnostics, 'invalid-arn');
    assert.equal(editor.document.getText(invalidArn.range), 'role/RoleA');
    assert.equal(invalidArn.severity, vscode.DiagnosticSeverity.Error);
    const principal = diagnosticOf(diagnostics, 'service-principal');
    assert.equal(editor.document.getText(principal.range), 'redshfit');
    assert.match(principal.message, /redshift\.amazonaws\.com/);
    for (const d of diagnostics) {
      const code = d.code as { value: string; target: vscode.Uri };
      assert.match(code.target.toString(), new RegExp(`/docs/rules/${code.value}\\.md$`), 'each diagnostic links to its rule page');
    }
  });

  for (const file of ['redshift-trust.json', 'chain-roleA-permissions.json', 'chain-roleB-trust.json']) {
    it(`${file} has no errors or warnings`, () => expectNoProblems(examplesUri('policies', file)));
  }

  it('the quick fix of the misspelt service principal removes its diagnostic', async () => {
    const uri = examplesUri(...FAULTY_TRUST);
    const { editor, diagnostics } = await openAndExpectRules(uri, ['invalid-arn', 'service-principal']);
    const principal = diagnosticOf(diagnostics, 'service-principal');
    const fix = await quickFixFor(uri, principal);
    assert.match(fix.title, /redshift\.amazonaws\.com/);
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    assert.equal(editor.document.lineAt(principal.range.start.line).text.trim(), '"Service": "redshift.amazonaws.com"');
    const after = await waitForDiagnostics(uri, (d) => !ruleIds(d).includes('service-principal'), 'service-principal to go away after its fix');
    assert.deepEqual(ruleIds(problems(after)), ['invalid-arn']);
  });

  it('faulty.sql: every deliberate fault, at its place, and never the secret it found', async () => {
    const { editor, diagnostics } = await openAndExpectRules(examplesUri(...FAULTY_SQL), [
      'client-side-encryption', 'credentials-string', 'encryption-options', 'iam-role-arn', 'iam-role-chain', 'iam-role-default', 'iam-role-placeholder', 'plaintext-secret', 'typographic-quotes',
    ]);
    const text = (rule: string) => editor.document.getText(diagnosticOf(diagnostics, rule).range);
    assert.equal(text('iam-role-arn'), '0123456789012');
    assert.equal(text('iam-role-chain'), ' ');
    assert.equal(text('iam-role-placeholder'), '<aws-account-id>');
    assert.equal(text('iam-role-default'), 'default');
    assert.equal(text('client-side-encryption'), 'MASTER_SYMMETRIC_KEY');
    for (const d of diagnostics) assert.ok(!d.message.includes('wJalrXUtnFEMI'), `the secret key is not repeated: ${d.message}`);
  });

  it('copy-unload.sql has no errors or warnings', () => expectNoProblems(examplesUri('sql', 'copy-unload.sql')));

  it('the quick fix of a role chain with a space removes its diagnostic', async () => {
    const uri = examplesUri(...FAULTY_SQL);
    const { editor, diagnostics } = await openAndExpectRules(uri, [
      'client-side-encryption', 'credentials-string', 'encryption-options', 'iam-role-arn', 'iam-role-chain', 'iam-role-default', 'iam-role-placeholder', 'plaintext-secret', 'typographic-quotes',
    ]);
    const chain = diagnosticOf(diagnostics, 'iam-role-chain');
    const fix = await quickFixFor(uri, chain);
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    assert.equal(editor.document.lineAt(chain.range.start.line).text, "IAM_ROLE 'arn:aws:iam::123456789012:role/RoleA,arn:aws:iam::210987654321:role/RoleB';");
    await waitForDiagnostics(uri, (d) => !ruleIds(d).includes('iam-role-chain') && ruleIds(d).includes('iam-role-arn'), 'iam-role-chain to go away after its fix');
  });

  it('keeps a long script\'s diagnostics at their places through edits above and below them', async () => {
    // Two statements with a 13-digit account; a check after an edit reads again only what it changed.
    const line = (i: number) => `COPY t${i} FROM 's3://amzn-s3-demo-bucket/${i}/' IAM_ROLE 'arn:aws:iam::${i === 5 || i === 9000 ? '0' : ''}123456789012:role/Load${i}';\n`;
    const editor = await openUntitled('edited-script.sql', Array.from({ length: 10_000 }, (_, i) => line(i)).join(''));
    const sql = editor.document;
    const lines = (d: vscode.Diagnostic[]) => d.filter((x) => ruleIds([x])[0] === 'iam-role-arn').map((x) => x.range.start.line).join(',');
    await waitForDiagnostics(sql.uri, (d) => lines(d) === '5,9000', 'the first check of the long script');
    // The mistake at line 9000 mended: its diagnostic goes, the one at line 5 stays.
    const zero = positionOf(sql, line(9000), line(9000).indexOf('::0') + 2);
    assert.ok(await editor.edit((e) => e.delete(new vscode.Range(zero, zero.translate(0, 1)))));
    let edited = Date.now();
    await waitForDiagnostics(sql.uri, (d) => lines(d) === '5', 'the diagnostic at line 9000 to go');
    console.log(`    diagnostics after a fix at line 9000: ${Date.now() - edited} ms`);
    // A faulty statement added at the top: the one at line 5 moves down to line 6.
    assert.ok(await editor.edit((e) => e.insert(new vscode.Position(0, 0), line(9000))));
    edited = Date.now();
    const after = await waitForDiagnostics(sql.uri, (d) => lines(d) === '0,6', 'a diagnostic at line 0 and the one of line 5 at line 6');
    console.log(`    diagnostics after a statement added at the top: ${Date.now() - edited} ms`);
    for (const d of after.filter((x) => ruleIds([x])[0] === 'iam-role-arn')) {
      assert.equal(sql.getText(d.range), '0123456789012');
      assert.equal(d.range.start.character, sql.lineAt(d.range.start.line).text.indexOf('::') + 2);
    }
  });
});

/** The quick fix offered for `diagnostic`: the code action command's results do not carry their
 * diagnostics, so the fix is the quick fix whose edit touches the diagnostic's range. */
async function quickFixFor(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction> {
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
  const fix = actions.find((a) => a.kind?.value === vscode.CodeActionKind.QuickFix.value && a.edit?.get(uri).some((e) => e.range.intersection(diagnostic.range)));
  assert.ok(fix, `a quick fix for ${ruleIds([diagnostic])} among: ${actions.map((a) => a.title).join('; ')}`);
  return fix;
}
