/** Diagnostics and quick fixes on the example workspace, as the server publishes them to the editor. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, diagnosticOf, examplesUri, expectNoProblems, openAndExpectRules, problems, ruleIds, waitForDiagnostics } from './helpers';

const FAULTY_TRUST = ['policies', 'faulty-trust.json'];

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
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider', uri, principal.range, vscode.CodeActionKind.QuickFix.value);
    // The command's results do not carry their diagnostics: pick the fix by what its edit touches.
    const fix = actions.find((a) => a.edit?.get(uri).some((e) => e.range.intersection(principal.range)));
    assert.ok(fix?.edit, `a quick fix for service-principal among: ${actions.map((a) => a.title).join('; ')}`);
    assert.equal(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
    assert.match(fix.title, /redshift\.amazonaws\.com/);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(editor.document.lineAt(principal.range.start.line).text.trim(), '"Service": "redshift.amazonaws.com"');
    const after = await waitForDiagnostics(uri, (d) => !ruleIds(d).includes('service-principal'), 'service-principal to go away after its fix');
    assert.deepEqual(ruleIds(problems(after)), ['invalid-arn']);
  });
});
