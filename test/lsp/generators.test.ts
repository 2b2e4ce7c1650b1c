/** The generator requests (`redshiftIam/...`) of the bundled server over stdio, as the extension sends them. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  GENERATE_CHAIN, GENERATE_PERMISSIONS, GENERATE_TRUST_POLICY, ROLE_CHAIN_AT, type GenerateChainParams, type GeneratePermissionsParams,
  type GenerateResult, type GenerateTrustPolicyParams, type RoleChainAtParams, type RoleChainAtResult,
} from '../../server/src/protocol';
import { LspClient } from './client';

const ROLE_A = 'arn:aws:iam::123456789012:role/RoleA';
const ROLE_B = 'arn:aws:iam::210987654321:role/RoleB';
const SQL_URI = 'file:///w/load.sql';
const SQL = `COPY sales\nFROM 's3://example-bucket/sales/'\nIAM_ROLE '${ROLE_A},${ROLE_B}'\nFORMAT AS CSV;\n`;

describe('generator requests over stdio', () => {
  let client: LspClient;
  before(async () => {
    client = new LspClient();
    await client.initialize();
    await client.open(SQL_URI, 'sql', SQL);
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
  });

  it('answers a trust policy, and a refusal for bad input', async () => {
    const params: GenerateTrustPolicyParams = { deployment: 'provisioned', account: '123456789012', regions: ['us-east-1'], restrictRegions: true };
    const result = await client.request<GenerateResult>(GENERATE_TRUST_POLICY, params);
    assert.ok(result.ok);
    assert.equal(JSON.parse(result.documents[0].content).Statement[0].Principal.Service, 'redshift.us-east-1.amazonaws.com');
    assert.deepEqual(await client.request<GenerateResult>(GENERATE_TRUST_POLICY, { ...params, account: 'x' }),
      { ok: false, problem: '"x" is not an AWS account ID: expected 12 digits.' });
  });

  it('answers the chain documents', async () => {
    const params: GenerateChainParams = { roles: [ROLE_A, ROLE_B], trust: 'account' };
    const result = await client.request<GenerateResult>(GENERATE_CHAIN, params);
    assert.ok(result.ok);
    assert.deepEqual(result.documents.map((d) => d.name), ['RoleA.trust.json', 'RoleA.permissions.json', 'RoleB.trust.json', 'RoleA.iam_role.sql']);
  });

  it('finds the chain under the cursor of an open SQL document', async () => {
    const at: RoleChainAtParams = { uri: SQL_URI, position: { line: 2, character: 12 } };
    assert.deepEqual(await client.request<RoleChainAtResult>(ROLE_CHAIN_AT, at), [ROLE_A, ROLE_B]);
    assert.equal(await client.request<RoleChainAtResult>(ROLE_CHAIN_AT, { ...at, uri: 'file:///w/closed.sql' }), null);
  });

  it('writes the permissions of the statement under the cursor, for the last role of its chain', async () => {
    const params: GeneratePermissionsParams = { uri: SQL_URI, position: { line: 1, character: 0 } };
    const result = await client.request<GenerateResult>(GENERATE_PERMISSIONS, params);
    assert.ok(result.ok);
    assert.equal(result.documents[0].name, 'RoleB.permissions.json');
    assert.equal(JSON.parse(result.documents[0].content).Statement[1].Resource, 'arn:aws:s3:::example-bucket/sales/*');
    const closed = await client.request<GenerateResult>(GENERATE_PERMISSIONS, { ...params, uri: 'file:///w/closed.sql' });
    assert.deepEqual(closed, { ok: false, problem: 'file:///w/closed.sql is not open in the editor.' });
  });

  it('answers malformed parameters with a refusal, not an error', async () => {
    const result = await client.request<GenerateResult>(GENERATE_CHAIN, { roles: 'not a list' });
    assert.deepEqual(result, { ok: false, problem: 'The chain must be a list of role ARNs.' });
    assert.equal((await client.request<GenerateResult>(GENERATE_TRUST_POLICY, null)).ok, false);
  });
});
