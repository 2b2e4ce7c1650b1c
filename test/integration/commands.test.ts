/**
 * Every command the extension contributes, run with its arguments given programmatically (so no
 * prompt shows). The cases are keyed by command id and the suite is built from package.json: a
 * contributed command without a case is a failing test.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ChainCommandArgs, CommandResult, PermissionsCommandArgs, ProducedDocument, TrustPolicyCommandArgs } from '../../server/src/protocol';
import { closeAllEditors, EXTENSION_ID, openUntitled, positionOf } from './helpers';

interface Contributed { command: string; title: string }

function documentsOf(result: CommandResult | undefined): ProducedDocument[] {
  assert.ok(result && 'documents' in result, `the command produced documents, not ${JSON.stringify(result)}`);
  return result.documents;
}

function openDocument(produced: ProducedDocument): vscode.TextDocument {
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === produced.uri);
  assert.ok(doc, `${produced.name} is open in an editor`);
  return doc;
}

const CASES: Record<string, () => Promise<void>> = {
  async 'redshiftIam.generateTrustPolicy'() {
    const args: TrustPolicyCommandArgs = {
      input: { deployment: 'provisioned', account: '123456789012', regions: ['us-east-1'], cluster: 'examplecluster', dbUsers: ['alice'], restrictRegions: true, sourceArn: true },
    };
    const [trust, ...more] = documentsOf(await vscode.commands.executeCommand<CommandResult>('redshiftIam.generateTrustPolicy', args));
    assert.deepEqual(more, []);
    assert.equal(trust.name, 'examplecluster.trust.json');
    const doc = openDocument(trust);
    assert.equal(doc.languageId, 'json');
    assert.equal(doc.getText(), trust.content);
    assert.equal(vscode.window.activeTextEditor?.document, doc, 'the new policy is the active editor');
    const [statement] = JSON.parse(doc.getText()).Statement;
    assert.deepEqual(statement.Principal, { Service: 'redshift.us-east-1.amazonaws.com' });
    assert.equal(statement.Action, 'sts:AssumeRole');
    assert.deepEqual(statement.Condition, {
      StringEquals: { 'sts:ExternalId': 'arn:aws:redshift:us-east-1:123456789012:dbuser:examplecluster/alice', 'aws:SourceAccount': '123456789012' },
      ArnEquals: { 'aws:SourceArn': 'arn:aws:redshift:us-east-1:123456789012:cluster:examplecluster' },
    });

    const refused = await vscode.commands.executeCommand<CommandResult>('redshiftIam.generateTrustPolicy', { input: { ...args.input, account: '12345' } });
    assert.ok(refused && 'error' in refused && /account/i.test(refused.error), `a wrong account ID is refused: ${JSON.stringify(refused)}`);
  },

  async 'redshiftIam.generateChain'() {
    const folder = mkdtempSync(path.join(tmpdir(), 'redshift-iam-chain-'));
    try {
      const roles = ['arn:aws:iam::123456789012:role/RedshiftRole', 'arn:aws:iam::210987654321:role/S3Access'];
      const args: ChainCommandArgs = { input: { roles, trust: 'role' }, output: { kind: 'folder', folder, overwrite: false } };
      const produced = documentsOf(await vscode.commands.executeCommand<CommandResult>('redshiftIam.generateChain', args));
      assert.deepEqual(produced.map((d) => d.name).sort(),
        ['RedshiftRole.iam_role.sql', 'RedshiftRole.permissions.json', 'RedshiftRole.trust.json', 'S3Access.trust.json']);
      const written = (name: string) => readFileSync(path.join(folder, name), 'utf8');
      for (const d of produced) assert.equal(written(d.name), d.content, `${d.name} holds what the command returned`);
      assert.equal(written('RedshiftRole.iam_role.sql').trim(), `IAM_ROLE '${roles.join(',')}'`);
      assert.deepEqual(JSON.parse(written('RedshiftRole.permissions.json')).Statement[0].Resource, roles[1]);
      assert.deepEqual(JSON.parse(written('S3Access.trust.json')).Statement[0].Principal, { AWS: roles[0] });

      const again = await vscode.commands.executeCommand<CommandResult>('redshiftIam.generateChain', args);
      assert.ok(again && 'error' in again && again.error.includes('RedshiftRole.trust.json'), `existing files are not overwritten: ${JSON.stringify(again)}`);

      // The chain can also come from the IAM_ROLE clause under a position in SQL.
      const { document: sql } = await openUntitled('chain.sql', `UNLOAD ('select 1') TO 's3://amzn-s3-demo-bucket/unload/'\nIAM_ROLE '${roles.join(',')}';\n`);
      const fromClause = documentsOf(await vscode.commands.executeCommand<CommandResult>('redshiftIam.generateChain', {
        input: { at: { uri: sql.uri.toString(), position: positionOf(sql, 'IAM_ROLE', 3) }, trust: 'role' },
      } satisfies ChainCommandArgs));
      assert.deepEqual(fromClause.map((d) => [d.name, d.content]), produced.map((d) => [d.name, d.content]));
      for (const d of fromClause) assert.equal(openDocument(d).getText(), d.content);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  },

  async 'redshiftIam.generatePermissions'() {
    const sql = await vscode.workspace.openTextDocument({
      language: 'sql',
      content: "UNLOAD ('select * from sales')\nTO 's3://example-bucket/unload/sales_'\nIAM_ROLE 'arn:aws:iam::123456789012:role/RedshiftUnload'\nKMS_KEY_ID '1234abcd-12ab-34cd-56ef-1234567890ab' ENCRYPTED;\n",
    });
    const at = { uri: sql.uri.toString(), position: { line: 1, character: 3 } };
    const args: PermissionsCommandArgs = { input: { ...at, account: '123456789012', region: 'us-east-1' } };
    const [policy] = documentsOf(await vscode.commands.executeCommand<CommandResult>('redshiftIam.generatePermissions', args));
    assert.equal(policy.name, 'RedshiftUnload.permissions.json');
    assert.equal(openDocument(policy).getText(), policy.content);
    const statements = JSON.parse(policy.content).Statement;
    assert.deepEqual(statements.map((s: { Action: string | string[] }) => s.Action), [
      's3:ListBucket', ['s3:PutObject', 's3:GetObject'], ['kms:GenerateDataKey', 'kms:Decrypt'],
    ]);
    assert.equal(statements[2].Resource, 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab');

    // Without the account and Region the key's ARN keeps placeholders, which the editor makes tab stops.
    const [withPlaceholders] = documentsOf(await vscode.commands.executeCommand<CommandResult>('redshiftIam.generatePermissions', { input: at }));
    const doc = openDocument(withPlaceholders);
    assert.equal(doc.getText(), withPlaceholders.content);
    assert.match(doc.getText(), /"arn:aws:kms:<region>:<account-id>:key\//);
    assert.equal(doc.getText(vscode.window.activeTextEditor?.selection), '<account-id>', 'the first placeholder is selected');

    const outside = await vscode.commands.executeCommand<CommandResult>('redshiftIam.generatePermissions', { input: { ...at, position: { line: 4, character: 0 } } });
    assert.ok(outside && 'error' in outside, `a position outside any statement is refused: ${JSON.stringify(outside)}`);
  },
};

describe('commands', () => {
  const contributed: Contributed[] = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON.contributes?.commands ?? [];

  it('are contributed, and each test case names a contributed command', () => {
    assert.ok(contributed.length > 0);
    assert.deepEqual(Object.keys(CASES).filter((id) => !contributed.some((c) => c.command === id)), []);
  });

  it('are all registered once the extension is active', async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(contributed.map((c) => c.command).filter((id) => !registered.has(id)), []);
  });

  for (const { command, title } of contributed) {
    it(`${command} (${title})`, async () => {
      const run = CASES[command];
      assert.ok(run, `${command} has no test case in test/integration/commands.test.ts`);
      await run();
    });
  }

  after(closeAllEditors);
});
