/** What each Redshift command accepts for authorization, from the Amazon Redshift Database Developer Guide
 * (COPY authorization parameters, UNLOAD, CREATE LIBRARY, CREATE/ALTER EXTERNAL SCHEMA, CREATE EXTERNAL
 * FUNCTION, CREATE [EXTERNAL] MODEL, CREATE DATABASE, GRANT ASSUMEROLE, COPY JOB). One table, so rules,
 * completion and hover agree. */

export type StatementKind =
  | 'copy'
  | 'copy-job'
  | 'unload'
  | 'create-library'
  | 'create-external-schema'
  | 'alter-external-schema'
  | 'create-external-function'
  | 'create-model'
  | 'create-external-model'
  | 'create-database'
  | 'grant-assumerole'
  | 'revoke-assumerole'
  | 'grant-iam-role'
  | 'create-procedure'
  | 'other';

export interface KindInfo {
  /** The command as the documentation names it. */
  label: string;
  /** `IAM_ROLE default` (the cluster's default role). */
  defaultRole: boolean;
  /** `IAM_ROLE 'SESSION'` (the caller's federated or Identity Center identity). */
  sessionRole: boolean;
  /** A comma-separated chain of role ARNs. */
  chain: boolean;
  /** ACCESS_KEY_ID / SECRET_ACCESS_KEY / SESSION_TOKEN and CREDENTIALS. */
  keys: boolean;
  /** Clause keywords offered by completion after the statement's head. */
  clauses: string[];
}

const KEY_CLAUSES = ['IAM_ROLE', 'CREDENTIALS', 'ACCESS_KEY_ID', 'SECRET_ACCESS_KEY', 'SESSION_TOKEN'];

export const KINDS: Record<StatementKind, KindInfo> = {
  copy: {
    label: 'COPY', defaultRole: true, sessionRole: false, chain: true, keys: true,
    clauses: [...KEY_CLAUSES, 'MANIFEST', 'REGION', 'FORMAT AS', 'SSH', 'READRATIO', 'JOB CREATE'],
  },
  'copy-job': {
    label: 'COPY JOB', defaultRole: false, sessionRole: false, chain: true, keys: false,
    clauses: ['IAM_ROLE', 'REGION', 'FORMAT AS', 'AUTO ON', 'AUTO OFF'],
  },
  unload: {
    label: 'UNLOAD', defaultRole: true, sessionRole: false, chain: true, keys: true,
    clauses: [...KEY_CLAUSES, 'KMS_KEY_ID', 'ENCRYPTED', 'ENCRYPTED AUTO', 'MANIFEST', 'CLEANPATH', 'ALLOWOVERWRITE', 'REGION', 'FORMAT AS', 'PARALLEL OFF'],
  },
  'create-library': {
    label: 'CREATE LIBRARY', defaultRole: true, sessionRole: false, chain: true, keys: true,
    clauses: [...KEY_CLAUSES, 'REGION'],
  },
  'create-external-schema': {
    label: 'CREATE EXTERNAL SCHEMA', defaultRole: true, sessionRole: true, chain: true, keys: false,
    clauses: ['IAM_ROLE', 'CATALOG_ROLE', 'DATABASE', 'REGION', 'SCHEMA', 'URI', 'SECRET_ARN', 'AUTHENTICATION', 'AUTHENTICATION_ARN', 'CLUSTER_ARN', 'CATALOG_ID', 'CREATE EXTERNAL DATABASE IF NOT EXISTS'],
  },
  'alter-external-schema': {
    label: 'ALTER EXTERNAL SCHEMA', defaultRole: true, sessionRole: true, chain: true, keys: false,
    clauses: ['IAM_ROLE', 'AUTHENTICATION', 'AUTHENTICATION_ARN', 'SECRET_ARN', 'URI'],
  },
  'create-external-function': {
    label: 'CREATE EXTERNAL FUNCTION', defaultRole: true, sessionRole: false, chain: true, keys: false,
    clauses: ['LAMBDA', 'SAGEMAKER', 'IAM_ROLE', 'RETRY_TIMEOUT', 'MAX_BATCH_ROWS', 'MAX_BATCH_SIZE'],
  },
  'create-model': {
    label: 'CREATE MODEL', defaultRole: true, sessionRole: false, chain: true, keys: false,
    clauses: ['TARGET', 'FUNCTION', 'IAM_ROLE', 'SAGEMAKER', 'MODEL_TYPE', 'SETTINGS'],
  },
  'create-external-model': {
    label: 'CREATE EXTERNAL MODEL', defaultRole: true, sessionRole: false, chain: true, keys: false,
    clauses: ['FUNCTION', 'IAM_ROLE', 'MODEL_TYPE BEDROCK', 'SETTINGS'],
  },
  'create-database': {
    label: 'CREATE DATABASE', defaultRole: true, sessionRole: true, chain: true, keys: false,
    clauses: ['FROM INTEGRATION', 'FROM ARN', 'WITH DATA CATALOG SCHEMA', 'IAM_ROLE'],
  },
  'grant-assumerole': {
    label: 'GRANT ASSUMEROLE', defaultRole: true, sessionRole: false, chain: true, keys: false,
    clauses: ['ON', 'TO', 'FOR COPY', 'FOR UNLOAD', 'FOR EXTERNAL FUNCTION', 'FOR CREATE MODEL', 'FOR ALL'],
  },
  'revoke-assumerole': {
    label: 'REVOKE ASSUMEROLE', defaultRole: true, sessionRole: false, chain: true, keys: false,
    clauses: ['ON', 'FROM', 'FOR COPY', 'FOR UNLOAD', 'FOR EXTERNAL FUNCTION', 'FOR CREATE MODEL', 'FOR ALL'],
  },
  'grant-iam-role': {
    label: 'GRANT … IAM_ROLE', defaultRole: false, sessionRole: false, chain: false, keys: false,
    clauses: ['IAM_ROLE'],
  },
  'create-procedure': { label: 'CREATE PROCEDURE', defaultRole: false, sessionRole: false, chain: false, keys: false, clauses: [] },
  other: { label: 'SQL', defaultRole: false, sessionRole: false, chain: false, keys: false, clauses: [] },
};

/** The most roles a chain may hold ("You can chain up to 10 roles"). */
export const MAX_CHAIN = 10;

/** The keys a CREDENTIALS string may hold (case-sensitive), and what each means. */
export const CREDENTIAL_KEYS: Record<string, string> = {
  aws_iam_role: 'The ARN of an IAM role (or a comma-separated chain of role ARNs) that the cluster assumes. Cannot be combined with access keys.',
  aws_access_key_id: 'The access key ID of an IAM user or of temporary credentials. Needs `aws_secret_access_key`.',
  aws_secret_access_key: 'The secret access key that goes with `aws_access_key_id`.',
  token: 'The session token of temporary security credentials (access key IDs starting with ASIA). Needs the access key ID and secret.',
  master_symmetric_key: 'The root symmetric key of client-side encryption, which COPY and UNLOAD no longer use since April 30, 2026: encrypt on the server side (SSE-S3, SSE-KMS) instead.',
};

/** What each clause keyword means, for hovers. */
export const CLAUSE_DOCS: Record<string, string> = {
  IAM_ROLE: 'The IAM role the cluster assumes to reach other AWS services: `default` (the cluster\'s default role, where the command supports it), `\'SESSION\'` (the caller\'s federated identity, external schemas and CREATE DATABASE), or `\'<role ARN>[,<role ARN>…]\'`: a chain of up to 10 roles, comma-separated without spaces, where each role assumes the next.',
  CATALOG_ROLE: 'The role (or chain) used for the AWS Glue Data Catalog or Athena, when it differs from IAM_ROLE. `\'SESSION\'` uses the caller\'s identity.',
  CREDENTIALS: '`[WITH] CREDENTIALS [AS] \'key=value;…\'`: the legacy authorization string. Keys are case-sensitive: `aws_iam_role`, or `aws_access_key_id` + `aws_secret_access_key` (+ `token`). No spaces. IAM_ROLE is preferred.',
  ACCESS_KEY_ID: 'Key-based authorization (COPY, UNLOAD, CREATE LIBRARY only): the access key ID of an IAM user or of temporary credentials. Needs SECRET_ACCESS_KEY. AWS strongly recommends IAM_ROLE instead of plain-text keys.',
  SECRET_ACCESS_KEY: 'The secret access key that goes with ACCESS_KEY_ID. Anyone who can read the SQL can use it: prefer IAM_ROLE.',
  SESSION_TOKEN: 'The session token of temporary credentials; needs ACCESS_KEY_ID and SECRET_ACCESS_KEY. Cannot be combined with IAM_ROLE or CREDENTIALS.',
  MASTER_SYMMETRIC_KEY: 'The root symmetric key of client-side encryption, which COPY and UNLOAD no longer use since April 30, 2026: encrypt on the server side (SSE-S3, SSE-KMS) instead.',
  KMS_KEY_ID: 'UNLOAD: the AWS KMS key for server-side encryption (SSE-KMS) of the files written. Needs ENCRYPTED; cannot be used with CREDENTIALS. The role must be allowed to use the key (kms:GenerateDataKey, kms:Decrypt).',
  ENCRYPTED: 'UNLOAD: encrypt the files with the AWS KMS key of KMS_KEY_ID (SSE-KMS); ENCRYPTED AUTO uses the bucket\'s default KMS key. On COPY it meant client-side encrypted files, which COPY no longer reads since April 30, 2026; it reads SSE-S3 and SSE-KMS files without any option.',
  MANIFEST: 'COPY: the FROM path is a manifest file listing the data files. UNLOAD: also write a manifest listing the files written.',
  CLEANPATH: 'UNLOAD: delete the existing files under the TO prefix before writing (the role needs s3:DeleteObject).',
  ALLOWOVERWRITE: 'UNLOAD: overwrite existing files instead of failing.',
  REGION: 'The AWS Region of the bucket or table, when it differs from the cluster\'s.',
  SSH: 'COPY from remote hosts: the FROM path is an SSH manifest on Amazon S3.',
  SECRET_ARN: 'The AWS Secrets Manager secret holding the credentials of the federated database or Kafka cluster; the role needs secretsmanager:GetSecretValue on it.',
  LAMBDA: 'The AWS Lambda function the external function invokes; the role needs lambda:InvokeFunction on it.',
  SAGEMAKER: 'The Amazon SageMaker AI endpoint the function or model invokes; the role needs sagemaker:InvokeEndpoint on it.',
  DEFAULT: '`IAM_ROLE default`: the IAM role set as the default of the cluster or workgroup when the command runs. Not accepted by COPY JOB.',
  SESSION: '`IAM_ROLE \'SESSION\'`: Redshift uses the caller\'s federated (IAM Identity Center or IAM) identity instead of a role. Accepted by CREATE/ALTER EXTERNAL SCHEMA and CREATE DATABASE.',
};
