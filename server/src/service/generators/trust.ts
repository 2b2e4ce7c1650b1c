/** The trust policy that lets Amazon Redshift assume a role, restricted as far as the user asks:
 * to database users (`sts:ExternalId` = dbuser ARNs), to Regions (regional service principals), to
 * one cluster or workgroup (`aws:SourceArn` + `aws:SourceAccount`), plus SageMaker for Redshift ML. */
import { roleResourceProblems } from '../arn';
import {
  accountIdProblem, isStringList, clusterIdentifierProblem, dbUserProblem, partitionOfRegion, regionsProblem, workgroupIdProblem,
} from './inputs';
import { failure, Generated, oneOrMany, policy, Policy, policyJson, PolicyStatement, type ConditionBlock } from './document';
import { thousands } from '../text';

export type Deployment = 'provisioned' | 'serverless';

export interface RedshiftTrustInput {
  deployment: Deployment;
  account: string;
  /** The Regions the role is used in; they decide the partition. Needed by every restriction. */
  regions?: string[];
  /** Provisioned: the cluster identifier, needed to restrict to database users or to the cluster. */
  cluster?: string;
  /** Serverless: the workgroup ID (UUID), needed to restrict to database users or to the workgroup. */
  workgroupId?: string;
  /** Only these database users may use the role. */
  dbUsers?: string[];
  /** Trust the regional principals `redshift.<region>.amazonaws.com` instead of the global one. */
  restrictRegions?: boolean;
  /** Only the given cluster or workgroup of this account may assume the role (confused deputy). */
  sourceArn?: boolean;
  /** Also trust SageMaker, which Redshift ML (CREATE MODEL) uses with the same role. */
  ml?: boolean;
  /** Serverless: also trust `redshift-serverless.amazonaws.com`. */
  serverlessPrincipal?: boolean;
  /** Names the document; defaults to the cluster, the workgroup or "redshift". */
  roleName?: string;
}

function needsRegion(input: RedshiftTrustInput): boolean {
  return !!(input.restrictRegions || input.sourceArn || input.dbUsers?.length);
}

export function trustInputProblem(input: RedshiftTrustInput): string | undefined {
  if (typeof input !== 'object' || input === null) return 'The trust policy inputs must be an object.';
  if (input.deployment !== 'provisioned' && input.deployment !== 'serverless') {
    return `Deployment "${String(input.deployment)}" is neither "provisioned" (a cluster) nor "serverless" (a workgroup).`;
  }
  const serverless = input.deployment === 'serverless';
  const regions = input.regions ?? [];
  if (!isStringList(regions)) return 'The Regions must be a list of Region names such as ["us-east-1"].';
  if (input.dbUsers !== undefined && !isStringList(input.dbUsers)) return 'The database users must be a list of user names.';
  const problem = accountIdProblem(input.account ?? '') ?? (regions.length || needsRegion(input) ? regionsProblem(regions) : undefined);
  if (problem) return problem;
  if (input.roleName !== undefined) {
    // The name also names the file written: a path in it would lead elsewhere.
    if (String(input.roleName).includes('/')) return `Role name "${input.roleName}" holds a "/": give the name alone, without its path.`;
    const nameProblem = roleResourceProblems({ text: `role/${input.roleName}`, start: 0 })[0];
    if (nameProblem) return nameProblem.message;
  }
  if (serverless && input.cluster !== undefined) return 'A cluster identifier names a provisioned cluster; for Redshift Serverless give the workgroup ID.';
  if (!serverless && input.workgroupId !== undefined) return 'A workgroup ID names a Redshift Serverless workgroup; for a provisioned cluster give the cluster identifier.';
  if (!serverless && input.serverlessPrincipal) return 'redshift-serverless.amazonaws.com is trusted only for Redshift Serverless.';
  if (input.cluster !== undefined) {
    const clusterProblem = clusterIdentifierProblem(input.cluster);
    if (clusterProblem) return clusterProblem;
  }
  if (input.workgroupId !== undefined) {
    const workgroupProblem = workgroupIdProblem(input.workgroupId);
    if (workgroupProblem) return workgroupProblem;
  }
  const target = serverless ? input.workgroupId : input.cluster;
  const needed = serverless ? 'the workgroup ID' : 'the cluster identifier';
  for (const user of input.dbUsers ?? []) {
    const userProblem = dbUserProblem(user);
    if (userProblem) return userProblem;
  }
  if (input.dbUsers?.length && !target) return `Restricting the role to database users needs ${needed}: their ARNs name it.`;
  if (input.sourceArn && !target) return `Restricting the role to one ${serverless ? 'workgroup' : 'cluster'} needs ${needed}.`;
  return undefined;
}

/** `arn:<partition>:redshift:<region>:<account>:dbuser:<cluster>/<user>`; Serverless names the
 * workgroup as `serverless-<account>-<workgroup-id>`. */
function dbUserArn(input: RedshiftTrustInput, region: string, user: string): string {
  const partition = partitionOfRegion(region);
  const owner = input.deployment === 'serverless' ? `serverless-${input.account}-${input.workgroupId}` : input.cluster;
  return `arn:${partition}:redshift:${region}:${input.account}:dbuser:${owner}/${user}`;
}

function sourceArn(input: RedshiftTrustInput, region: string): string {
  const partition = partitionOfRegion(region);
  return input.deployment === 'serverless'
    ? `arn:${partition}:redshift-serverless:${region}:${input.account}:workgroup/${input.workgroupId}`
    : `arn:${partition}:redshift:${region}:${input.account}:cluster:${input.cluster}`;
}

/** The statements trusting Redshift (and SageMaker when asked). The input must be valid. */
function redshiftTrustStatements(input: RedshiftTrustInput): PolicyStatement[] {
  const regions = input.regions ?? [];
  const services = input.restrictRegions ? regions.map((r) => `redshift.${r}.amazonaws.com`) : ['redshift.amazonaws.com'];
  if (input.deployment === 'serverless' && input.serverlessPrincipal) services.push('redshift-serverless.amazonaws.com');

  const stringEquals: Record<string, string | string[]> = {};
  const users = input.dbUsers ?? [];
  if (users.length) stringEquals['sts:ExternalId'] = oneOrMany(regions.flatMap((r) => users.map((u) => dbUserArn(input, r, u))));
  if (input.sourceArn) stringEquals['aws:SourceAccount'] = input.account;
  const condition: ConditionBlock = {};
  if (Object.keys(stringEquals).length) condition.StringEquals = stringEquals;
  if (input.sourceArn) condition.ArnEquals = { 'aws:SourceArn': oneOrMany(regions.map((r) => sourceArn(input, r))) };
  const redshift: PolicyStatement = { Sid: 'RedshiftAssumeRole', Effect: 'Allow', Principal: { Service: oneOrMany(services) }, Action: 'sts:AssumeRole' };
  if (Object.keys(condition).length) redshift.Condition = condition;

  // SageMaker assumes the role on its own, without Redshift's external ID or source ARN, so it
  // gets its own statement rather than the Redshift conditions.
  const statements = [redshift];
  if (input.ml) statements.push({ Sid: 'SageMakerAssumeRoleForRedshiftML', Effect: 'Allow', Principal: { Service: 'sagemaker.amazonaws.com' }, Action: 'sts:AssumeRole' });
  return statements;
}

/** IAM's default quota for a role trust policy, in characters without whitespace. */
const TRUST_POLICY_QUOTA = 2048;

export function redshiftTrustPolicy(input: RedshiftTrustInput): { ok: true; policy: Policy } | { ok: false; problem: string } {
  const problem = trustInputProblem(input);
  if (problem) return { ok: false, problem };
  const result = policy(redshiftTrustStatements(input));
  // Compact JSON has no whitespace outside strings: its length is the size IAM counts.
  const size = JSON.stringify(result).length;
  if (size > TRUST_POLICY_QUOTA) {
    return { ok: false, problem: `The trust policy would be ${thousands(size)} characters (whitespace not counted), over IAM's ${thousands(TRUST_POLICY_QUOTA)}-character quota for a role trust policy: restrict it to fewer database users or Regions.` };
  }
  return { ok: true, policy: result };
}

export function generateTrustPolicy(input: RedshiftTrustInput): Generated {
  const result = redshiftTrustPolicy(input);
  if (!result.ok) return failure(result.problem);
  const name = input.roleName || (input.deployment === 'serverless' ? input.workgroupId : input.cluster) || 'redshift';
  return { ok: true, documents: [{ name: `${name}.trust.json`, kind: 'trust', language: 'json', content: policyJson(result.policy) }] };
}
