import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { closeAllEditors, diagnosticOf, EXTENSION_ID, openUntitled, ruleIds, waitForDiagnostics, within } from './helpers';

describe('activation', () => {
  afterEach(closeAllEditors);

  it('is declared for JSON and SQL documents', () => {
    const events: string[] = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON.activationEvents ?? [];
    assert.ok(events.includes('onLanguage:json') && events.includes('onLanguage:sql'), `activation events: ${events.join(', ')}`);
    assert.ok(!events.includes('*') && !events.includes('onStartupFinished'), `not started eagerly: ${events.join(', ')}`);
  });

  // Whether the extension is still inactive at this point depends on the workbench: it fires
  // onLanguage:json for JSON models of its own (settings) that never reach the extension host.
  it('is active once a SQL document opens, which is then checked', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, 'the extension is installed');
    const { document: doc } = await openUntitled('activation.sql', "COPY sales FROM 's3://amzn-s3-demo-bucket/sales/'\nIAM_ROLE 'arn:aws:iam::12345:role/RedshiftCopy';\n");
    assert.equal(doc.languageId, 'sql');
    const diagnostics = await waitForDiagnostics(doc.uri, (d) => ruleIds(d).includes('iam-role-arn'), 'iam-role-arn on an untitled SQL document');
    assert.ok(extension.isActive);
    assert.equal(doc.getText(diagnosticOf(diagnostics, 'iam-role-arn').range), '12345');
  });

  it('checks a JSON document that is a policy', async () => {
    const { document: doc } = await openUntitled('activation.json', '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Actoin": "s3:GetObject", "Resource": "*" }]\n}\n');
    assert.equal(doc.languageId, 'json');
    const diagnostics = await waitForDiagnostics(doc.uri, (d) => ruleIds(d).includes('unknown-key'), `unknown-key on an untitled policy ${doc.uri.toString()} ${doc.languageId}`);
    assert.equal(doc.getText(diagnosticOf(diagnostics, 'unknown-key').range), '"Actoin"');
  });

  it('checks a document reopened under the name of one just closed', async () => {
    const first = await openUntitled('reopened.json', '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Actoin": "s3:GetObject", "Resource": "*" }]\n}\n');
    await waitForDiagnostics(first.document.uri, (d) => ruleIds(d).includes('unknown-key'), 'unknown-key on the first document');
    await closeAllEditors();
    const second = await openUntitled('reopened.json', '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "alow", "Action": "s3:GetObject", "Resource": "*" }]\n}\n');
    const diagnostics = await waitForDiagnostics(second.document.uri, (d) => ruleIds(d).includes('invalid-effect'), `invalid-effect on the reopened document ${second.document.uri.toString()}`);
    assert.ok(!ruleIds(diagnostics).includes('unknown-key'), 'nothing left from the closed document');
  });

  it('restarts a language server that dies, and keeps checking', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    await extension.activate();
    const client = extension.exports as { state: number; onDidChangeState(listener: (e: { newState: number }) => void): vscode.Disposable };
    const serverPath = path.join(extension.extensionPath, 'dist', 'server.js');
    const pid = Number(execFileSync('pgrep', ['-n', '-f', serverPath], { encoding: 'utf8' }).trim());
    assert.ok(pid > 0, 'the server process');
    const running = 2; // vscode-languageclient State.Running
    const restarted = new Promise<void>((resolve) => {
      const listener = client.onDidChangeState((e) => {
        if (e.newState === running) {
          listener.dispose();
          resolve();
        }
      });
    });
    process.kill(pid, 'SIGKILL');
    await within(30_000, () => 'the server to be restarted', restarted);
    const { document: doc } = await openUntitled('after-restart.json', '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Alow", "Action": "s3:GetObject", "Resource": "*" }]\n}\n');
    await waitForDiagnostics(doc.uri, (d) => ruleIds(d).includes('invalid-effect'), 'invalid-effect after the restart');
  });
});
