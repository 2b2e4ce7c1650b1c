import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, EXTENSION_ID, ruleIds, waitForDiagnostics } from './helpers';

describe('activation', () => {
  it('activates when a JSON document opens and checks it as a policy', async () => {
    const doc = await vscode.workspace.openTextDocument({
      language: 'json',
      content: '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Actoin": "s3:GetObject", "Resource": "*" }]\n}\n',
    });
    await vscode.window.showTextDocument(doc);
    const diagnostics = await waitForDiagnostics(doc.uri, (d) => ruleIds(d).includes('unknown-key'), 'unknown-key on an untitled policy');
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, 'the extension is active');
    const unknownKey = diagnostics.find((d) => ruleIds([d])[0] === 'unknown-key');
    assert.equal(doc.getText(unknownKey!.range), '"Actoin"');
    await closeAllEditors();
  });
});
