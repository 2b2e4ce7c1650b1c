/** "Redshift IAM: Generate restricted trust policy": asks for the deployment, account, Regions and
 * restrictions, has the server write the policy, and opens it. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  GENERATE_TRUST_POLICY, type CommandResult, type GenerateResult, type RedshiftTrustInput, type TrustPolicyCommandArgs,
} from '../../../server/src/protocol';
import {
  accountIdProblem, clusterIdentifierProblem, dbUserProblem, partitionOfRegion, regionsProblem, splitList, workgroupIdProblem,
} from '../../../server/src/service/generators/inputs';
import { REGIONS } from '../../../server/src/service/regions';
import { deliver } from './output';
import { askText, pickMany, pickOne } from './prompts';

const TITLE = 'Redshift IAM: restricted trust policy';

type Restriction = 'dbUsers' | 'restrictRegions' | 'sourceArn' | 'ml' | 'serverlessPrincipal';

/** Asks for everything but the account (a chain takes it from its first role). */
export async function askTrustRestrictions(title: string): Promise<Omit<RedshiftTrustInput, 'account'> | undefined> {
  const deployment = await pickOne(title, [
    { label: 'Provisioned cluster', description: 'redshift.amazonaws.com', value: 'provisioned' as const },
    { label: 'Serverless workgroup', description: 'redshift.amazonaws.com, redshift-serverless.amazonaws.com', value: 'serverless' as const },
  ], 'Which Amazon Redshift deployment uses the role?');
  if (!deployment) return undefined;
  const serverless = deployment === 'serverless';

  const regions = await pickMany(title, Object.keys(REGIONS).map((r) => ({ label: r, description: partitionOfRegion(r), value: r })),
    'Regions the role is used in (all in one partition)', regionsProblem);
  if (!regions) return undefined;

  const options: { label: string; detail: string; value: Restriction; picked?: boolean }[] = [
    { label: 'Restrict to database users', detail: 'sts:ExternalId must be the dbuser ARN of one of the users you list', value: 'dbUsers' },
    { label: 'Restrict to these Regions', detail: `trust ${regions.map((r) => `redshift.${r}.amazonaws.com`).join(', ')} only`, value: 'restrictRegions' },
    { label: serverless ? 'Restrict to one workgroup' : 'Restrict to one cluster', detail: 'aws:SourceArn and aws:SourceAccount (confused deputy protection)', value: 'sourceArn' },
    { label: 'Allow Redshift ML', detail: 'also trust sagemaker.amazonaws.com, used by CREATE MODEL', value: 'ml' },
  ];
  if (serverless) options.push({ label: 'Trust redshift-serverless.amazonaws.com', detail: 'the Serverless service principal', value: 'serverlessPrincipal', picked: true });
  const chosen = await pickMany(title, options, 'Restrictions and extra principals (none for the basic trust policy)');
  if (!chosen) return undefined;
  const has = (r: Restriction) => chosen.includes(r);

  const input: Omit<RedshiftTrustInput, 'account'> = {
    deployment, regions, restrictRegions: has('restrictRegions'), sourceArn: has('sourceArn'), ml: has('ml'), serverlessPrincipal: has('serverlessPrincipal'),
  };
  if (has('dbUsers') || has('sourceArn')) {
    const target = serverless
      ? await askText(title, 'Workgroup ID (the UUID in the workgroup ARN, not its name)', workgroupIdProblem, '', '1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d')
      : await askText(title, 'Cluster identifier', clusterIdentifierProblem, '', 'examplecluster');
    if (target === undefined) return undefined;
    if (serverless) input.workgroupId = target;
    else input.cluster = target;
  }
  if (has('dbUsers')) {
    const users = await askText(title, 'Database users allowed to use the role, separated by commas',
      (v) => (splitList(v).length ? splitList(v).map(dbUserProblem).find(Boolean) : 'Give at least one database user.'), '', 'alice, etl_loader');
    if (users === undefined) return undefined;
    input.dbUsers = splitList(users);
  }
  return input;
}

async function askTrustInput(): Promise<RedshiftTrustInput | undefined> {
  const account = await askText(TITLE, 'AWS account ID of the cluster or workgroup (12 digits)', accountIdProblem, '', '123456789012');
  if (account === undefined) return undefined;
  const restrictions = await askTrustRestrictions(TITLE);
  return restrictions && { ...restrictions, account };
}

/** Shows a generator's refusal and turns it into the command's result. */
export function refusal(problem: string): CommandResult {
  void vscode.window.showErrorMessage(problem);
  return { error: problem };
}

export async function generateTrustPolicyCommand(client: LanguageClient, args?: TrustPolicyCommandArgs): Promise<CommandResult | undefined> {
  const input = args?.input ?? await askTrustInput();
  if (!input) return undefined;
  const result = await client.sendRequest<GenerateResult>(GENERATE_TRUST_POLICY, input);
  if (!result.ok) return refusal(result.problem);
  return deliver(result.documents, args?.output, !args);
}
