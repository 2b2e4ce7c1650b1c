/** The documents a chain of roles in one IAM_ROLE clause needs: each role but the last may assume
 * the next one (permissions), each role but the first trusts the previous one or its account
 * (trust), the first role trusts Redshift, plus the clause itself. */
import { accountOfRole, chainProblem, isStringList, partitionOfRegion, partitionOfRole, roleName } from './inputs';
import { failure, Generated, GeneratedDocument, policy, policyJson, PolicyStatement } from './document';
import { redshiftTrustPolicy, trustInputProblem, type RedshiftTrustInput } from './trust';

/** Who each role after the first trusts: the previous role itself, or the previous role's account
 * (whose own policies then decide who may assume it). */
export type ChainTrust = 'role' | 'account';

export interface RoleChainInput {
  /** Role ARNs in chain order: the first is the role attached to the cluster or namespace. */
  roles: string[];
  trust?: ChainTrust;
  /** Restrictions of the first role's Redshift trust; its account is the first role's, its deployment
   * a provisioned cluster unless told. Without them the first role trusts redshift.amazonaws.com. */
  redshift?: Partial<Pick<RedshiftTrustInput, 'deployment'>> & Omit<RedshiftTrustInput, 'account' | 'roleName' | 'deployment'>;
}

/** The first role's Redshift trust inputs, as both the check and the generator read them. */
function firstRoleTrust(input: RoleChainInput): RedshiftTrustInput {
  return { ...input.redshift, deployment: input.redshift?.deployment ?? 'provisioned', account: accountOfRole(input.roles[0]) };
}

function iamRoleClause(roles: readonly string[]): string {
  return `IAM_ROLE '${roles.join(',')}'`;
}

function chainInputProblem(input: RoleChainInput): string | undefined {
  if (typeof input !== 'object' || input === null) return 'The chain inputs must be an object.';
  if (!isStringList(input.roles)) return 'The chain must be a list of role ARNs.';
  const problem = chainProblem(input.roles);
  if (problem) return problem;
  if (input.trust !== undefined && input.trust !== 'role' && input.trust !== 'account') {
    return `Trust "${String(input.trust)}" is neither "role" (trust the previous role) nor "account" (trust the previous role's account).`;
  }
  if (input.redshift === undefined) return undefined;
  if (typeof input.redshift !== 'object' || input.redshift === null) return 'The Redshift trust restrictions must be an object.';
  const redshiftProblem = trustInputProblem(firstRoleTrust(input));
  if (redshiftProblem) return `First role's Redshift trust: ${redshiftProblem}`;
  const partition = partitionOfRole(input.roles[0]);
  const region = (input.redshift.regions ?? []).find((r) => partitionOfRegion(r) !== partition);
  if (region) return `Region ${region} is in partition ${partitionOfRegion(region)}, but the roles are in ${partition}.`;
  return undefined;
}

/** File-name stems: the role name, with the account when two roles of the chain share a name (in
 * another account: chainProblem refuses the same name twice in one), told apart without case as some
 * disks do. */
function documentStems(roles: readonly string[]): string[] {
  const names = roles.map(roleName);
  const folded = names.map((n) => n.toLowerCase());
  return roles.map((role, i) => (folded.indexOf(folded[i]) !== folded.lastIndexOf(folded[i]) ? `${names[i]}-${accountOfRole(role)}` : names[i]));
}

export function generateRoleChain(input: RoleChainInput): Generated {
  const problem = chainInputProblem(input);
  if (problem) return failure(problem);
  const { roles } = input;
  const stems = documentStems(roles);
  const documents: GeneratedDocument[] = [];
  const json = (role: number, kind: 'trust' | 'permissions', statements: PolicyStatement[]) => documents.push({
    name: `${stems[role]}.${kind}.json`, kind, language: 'json', role: roles[role], content: policyJson(policy(statements)),
  });

  const redshiftTrust = redshiftTrustPolicy(firstRoleTrust(input));
  if (!redshiftTrust.ok) return failure(`First role's Redshift trust: ${redshiftTrust.problem}`);
  roles.forEach((_, i) => {
    if (i === 0) {
      json(i, 'trust', redshiftTrust.policy.Statement);
    } else {
      const previous = roles[i - 1];
      const principal = input.trust === 'account' ? `arn:${partitionOfRole(previous)}:iam::${accountOfRole(previous)}:root` : previous;
      json(i, 'trust', [{ Sid: 'TrustPreviousRoleInChain', Effect: 'Allow', Principal: { AWS: principal }, Action: 'sts:AssumeRole' }]);
    }
    if (i < roles.length - 1) {
      json(i, 'permissions', [{ Sid: 'AssumeNextRoleInChain', Effect: 'Allow', Action: 'sts:AssumeRole', Resource: roles[i + 1] }]);
    }
  });
  documents.push({ name: `${stems[0]}.iam_role.sql`, kind: 'clause', language: 'sql', content: `${iamRoleClause(roles)}\n` });
  return { ok: true, documents };
}
