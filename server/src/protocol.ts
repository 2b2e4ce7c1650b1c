/** The custom requests between the extension and the language server, and the argument and result
 * shapes of the extension's commands. Imported by both sides, so both agree on every field. */
import type { Generated, RedshiftTrustInput, RoleChainInput } from './service/generators';

export type { Deployment, DocumentKind, Generated, GeneratedDocument, RedshiftTrustInput, RoleChainInput, ChainTrust } from './service/generators';

/** Position of the cursor in an open document, as LSP sends it (0-based line and character). */
export interface DocumentPosition {
  uri: string;
  position: { line: number; character: number };
}

/** `redshiftIam/generateTrustPolicy`: the restricted Redshift trust policy. */
export const GENERATE_TRUST_POLICY = 'redshiftIam/generateTrustPolicy';
export type GenerateTrustPolicyParams = RedshiftTrustInput;

/** `redshiftIam/generateChain`: every document of a role chain, plus the IAM_ROLE clause. */
export const GENERATE_CHAIN = 'redshiftIam/generateChain';
export type GenerateChainParams = RoleChainInput;

/** `redshiftIam/roleChainAt`: the role ARNs of the IAM_ROLE clause under the cursor, or null. */
export const ROLE_CHAIN_AT = 'redshiftIam/roleChainAt';
export type RoleChainAtParams = DocumentPosition;
export type RoleChainAtResult = string[] | null;

/** `redshiftIam/generatePermissions`: the least-privilege policy for the SQL statement at a position
 * of an open document. Account, Region and the default role's ARN fill what the statement does not say. */
export const GENERATE_PERMISSIONS = 'redshiftIam/generatePermissions';
export interface GeneratePermissionsParams extends DocumentPosition {
  account?: string;
  region?: string;
  defaultRole?: string;
}

/** Every generator request answers with generated documents or one sentence saying what is wrong. */
export type GenerateResult = Generated;

/** Where a command puts what it generated: new untitled editors (default) or files in a folder.
 * An existing file is overwritten only when `overwrite` is true; when it is undefined the user is
 * asked, when false the command writes nothing and reports the existing files. */
export type OutputTarget = { kind: 'editors' } | { kind: 'folder'; folder: string; overwrite?: boolean };

interface CommandArgs {
  output?: OutputTarget;
}

/** Argument of `redshiftIam.generateTrustPolicy`: every input, so no prompt is shown. */
export interface TrustPolicyCommandArgs extends CommandArgs {
  input: RedshiftTrustInput;
}

/** Argument of `redshiftIam.generateChain`: the chain, or the SQL position whose IAM_ROLE clause
 * gives it, and how each role trusts the previous one. */
export interface ChainCommandArgs extends CommandArgs {
  input: Omit<RoleChainInput, 'roles'> & ({ roles: string[] } | { at: DocumentPosition });
}

/** Argument of `redshiftIam.generatePermissions`: the SQL position (default: the active editor's
 * cursor) and the values the statement does not say. */
export interface PermissionsCommandArgs extends CommandArgs {
  input: Partial<DocumentPosition> & Omit<GeneratePermissionsParams, keyof DocumentPosition>;
}

/** One produced document: where it went (an untitled editor or a file) and what it holds. */
export interface ProducedDocument {
  uri: string;
  name: string;
  kind: 'trust' | 'permissions' | 'clause';
  language: 'json' | 'sql';
  content: string;
}

/** What every command returns: its documents, or what went wrong. Undefined when the user cancels. */
export type CommandResult = { documents: ProducedDocument[] } | { error: string };
