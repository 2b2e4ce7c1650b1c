/** Every SQL rule, in the order their findings are listed. */
import { rule as accessKeys } from './access-keys';
import { rule as authExclusive } from './auth-exclusive';
import { rule as clientSideEncryption } from './client-side-encryption';
import { rule as credentialsString } from './credentials-string';
import { rule as doubleQuotedValue } from './double-quoted-value';
import { rule as encryptionOptions } from './encryption-options';
import { rule as iamRoleArn } from './iam-role-arn';
import { rule as iamRoleChain } from './iam-role-chain';
import { rule as iamRoleChainDuplicate } from './iam-role-chain-duplicate';
import { rule as iamRoleChainPartitions } from './iam-role-chain-partitions';
import { rule as iamRoleDefault } from './iam-role-default';
import { rule as iamRolePlaceholder } from './iam-role-placeholder';
import { rule as iamRoleSession } from './iam-role-session';
import { rule as missingAuthorization } from './missing-authorization';
import { rule as plaintextSecret } from './plaintext-secret';
import { rule as preferIamRole } from './prefer-iam-role';
import type { SqlRule } from './rule';
import { rule as sqlSyntax } from './sql-syntax';
import { rule as temporaryKeyWithoutToken } from './temporary-key-without-token';
import { rule as typographicQuotes } from './typographic-quotes';

export const SQL_RULES: SqlRule[] = [
  sqlSyntax,
  typographicQuotes,
  doubleQuotedValue,
  iamRoleArn,
  iamRolePlaceholder,
  iamRoleChain,
  iamRoleChainDuplicate,
  iamRoleChainPartitions,
  iamRoleDefault,
  iamRoleSession,
  credentialsString,
  accessKeys,
  authExclusive,
  temporaryKeyWithoutToken,
  plaintextSecret,
  encryptionOptions,
  clientSideEncryption,
  missingAuthorization,
  preferIamRole,
];
