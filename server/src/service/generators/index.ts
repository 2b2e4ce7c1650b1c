/** The generators: pure functions from validated inputs to IAM documents and SQL clauses. */
export * from './document';
export * from './inputs';
export { generateTrustPolicy, redshiftTrustPolicy, trustInputProblem, type Deployment, type RedshiftTrustInput } from './trust';
export { generateRoleChain, iamRoleClause, type ChainTrust, type RoleChainInput } from './chain';
export { generatePermissions, PLACEHOLDERS, type PermissionsInput } from './permissions';
