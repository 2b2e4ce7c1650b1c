/** "Redshift IAM: Generate role chain policies": takes a chain of role ARNs, has the server write
 * the permission and trust policy of every role plus the IAM_ROLE clause, and opens them. */
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  GENERATE_CHAIN, ROLE_CHAIN_AT, type ChainCommandArgs, type ChainTrust, type CommandResult, type DocumentPosition, type GenerateResult,
  type RoleChainAtResult, type RoleChainInput,
} from '../../../server/src/protocol';
import { chainProblem, chainRoles } from '../../../server/src/service/generators/inputs';
import { MAX_CHAIN } from '../../../server/src/service/sql/syntax';
import { deliver } from './output';
import { sqlCursor } from './editor';
import { askText, pickOne } from './prompts';
import { askTrustRestrictions, refusal } from './trust';

const TITLE = 'Redshift IAM: role chain policies';

async function askChainInput(initialRoles: string[]): Promise<RoleChainInput | undefined> {
  const typed = await askText(TITLE, `Role ARNs in chain order, separated by commas (the first is attached to the cluster; at most ${MAX_CHAIN})`,
    (v) => chainProblem(chainRoles(v)), initialRoles.join(','), 'arn:aws:iam::123456789012:role/RoleA,arn:aws:iam::210987654321:role/RoleB');
  if (typed === undefined) return undefined;
  const roles = chainRoles(typed);
  let trust: ChainTrust | undefined = 'role';
  if (roles.length > 1) {
    trust = await pickOne(TITLE, [
      { label: 'Trust the previous role', description: 'Principal: the ARN of the role before it', value: 'role' as const },
      { label: 'Trust the previous role\'s account', description: 'Principal: arn:…:iam::<account>:root; that account\'s policies decide', value: 'account' as const },
    ], 'How does each role trust the role before it?');
    if (!trust) return undefined;
  }
  const restrict = await pickOne(TITLE, [
    { label: 'Basic Redshift trust', description: 'redshift.amazonaws.com', value: false },
    { label: 'Restricted Redshift trust…', description: 'database users, Regions, one cluster or workgroup, Redshift ML', value: true },
  ], `How does the first role (${roles[0].slice(roles[0].lastIndexOf('/') + 1)}) trust Amazon Redshift?`);
  if (restrict === undefined) return undefined;
  if (!restrict) return { roles, trust };
  const redshift = await askTrustRestrictions(TITLE);
  return redshift && { roles, trust, redshift };
}

/** The role ARNs of the IAM_ROLE clause at a position of an open SQL document, or null. */
function chainAt(client: LanguageClient, at: DocumentPosition): Promise<RoleChainAtResult> {
  return client.sendRequest<RoleChainAtResult>(ROLE_CHAIN_AT, at);
}

async function inputFromArgs(client: LanguageClient, args: ChainCommandArgs): Promise<RoleChainInput | string> {
  if ('roles' in args.input) return args.input;
  const { at, ...rest } = args.input;
  const roles = await chainAt(client, at);
  return roles ? { ...rest, roles } : 'There is no IAM_ROLE clause listing role ARNs at that position.';
}

export async function generateChainCommand(client: LanguageClient, args?: ChainCommandArgs): Promise<CommandResult | undefined> {
  let input: RoleChainInput | string | undefined;
  if (args) input = await inputFromArgs(client, args);
  else {
    // The IAM_ROLE clause under the cursor of a SQL editor starts the chain.
    const cursor = sqlCursor();
    input = await askChainInput(cursor ? await chainAt(client, cursor) ?? [] : []);
  }
  if (typeof input === 'string') return refusal(input);
  if (!input) return undefined;
  const result = await client.sendRequest<GenerateResult>(GENERATE_CHAIN, input);
  if (!result.ok) return refusal(result.problem);
  return deliver(result.documents, args?.output, !args);
}
