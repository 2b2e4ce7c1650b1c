/** The generators: pure functions from validated inputs to IAM documents and SQL clauses. */
export * from './document';
export * from './inputs';
export { generateTrustPolicy, type Deployment, type RedshiftTrustInput } from './trust';
export { generateRoleChain, type ChainTrust, type RoleChainInput } from './chain';
export { generatePermissions, PLACEHOLDERS, type PermissionsInput } from './permissions';
