/** What a statement reaches and with which roles: the input for writing a least-privilege policy for "the
 * statement under the cursor". Built from the statement model; templated values are left out. */
import { carriesAuthorization, chainElements, ROLE_CLAUSES } from './roles';
import { statementAt, type Clause, type SqlStatement, type SqlValue } from './statements';
import type { StatementKind } from './syntax';

export interface RoleRef {
  arn: string;
  /** Document offset and length of the ARN. */
  offset: number;
  length: number;
}

export interface StatementAccess {
  kind: StatementKind;
  label: string;
  start: number;
  end: number;
  /** How the statement authorizes itself: a role chain (IAM_ROLE, CREDENTIALS aws_iam_role or the
   * target of GRANT ASSUMEROLE), the default role, the caller's session, access keys, nothing, or a template. */
  authorization: 'roles' | 'default' | 'session' | 'keys' | 'none' | 'templated';
  /** The role chain, first role (attached to the cluster) first. */
  roles: RoleRef[];
  /** CATALOG_ROLE chain of an external schema. */
  catalogRoles: RoleRef[];
  /** S3 URIs read: COPY's FROM (a prefix, or the manifest with MANIFEST/SSH), its JSONPaths file, the
   * CREATE LIBRARY file. */
  s3Reads: string[];
  /** S3 prefixes written: UNLOAD's TO. */
  s3Writes: string[];
  /** UNLOAD … CLEANPATH deletes existing objects under the prefix. */
  s3Deletes: boolean;
  manifest: boolean;
  encrypted: boolean;
  dynamoDbTable?: string;
  emrClusterId?: string;
  lambdaFunction?: string;
  sagemakerEndpoint?: string;
  kmsKeyId?: string;
  region?: string;
  /** CREATE MODEL SETTINGS S3_BUCKET. */
  s3Bucket?: string;
  /** External schema source (DATA CATALOG, HIVE METASTORE, POSTGRES, …), or COPY's (S3, DYNAMODB, EMR, SSH). */
  source?: string;
  database?: string;
  catalogId?: string;
  secretArn?: string;
  clusterArn?: string;
  /** GRANT/REVOKE ASSUMEROLE … FOR: COPY, UNLOAD, EXTERNAL FUNCTION, CREATE MODEL, ALL. */
  commands?: string[];
}

function literal(value: SqlValue | undefined): string | undefined {
  return value && !value.templated && value.kind !== 'word' ? value.value : undefined;
}

/** The role ARNs of a chain value, in order (empty elements dropped). */
export function chainRoles(value: SqlValue): RoleRef[] {
  return chainElements(value).filter((e) => e.arn).map((e) => ({ arn: e.arn, offset: e.arnOffset, length: e.arn.length }));
}

function rolesOf(clause: Clause | undefined): RoleRef[] {
  return clause?.value && !clause.value.templated && clause.value.kind !== 'word' ? chainRoles(clause.value) : [];
}

export function accessOf(statement: SqlStatement): StatementAccess {
  const first = (name: string) => statement.clauses.find((c) => c.name === name);
  const value = (name: string) => literal(first(name)?.value);
  const role = first('IAM_ROLE') ?? first('ON');
  const credentials = first('CREDENTIALS');
  const keys = statement.clauses.some((c) => c.name === 'ACCESS_KEY_ID' || c.name === 'SECRET_ACCESS_KEY');
  const credentialRole = credentials?.pairs?.find((p) => p.key === 'aws_iam_role');

  let roles = rolesOf(role);
  let authorization: StatementAccess['authorization'] = 'none';
  if (role?.value?.templated || credentials?.value?.templated) authorization = 'templated';
  else if (role?.value?.kind === 'word') authorization = role.value.value.toUpperCase() === 'DEFAULT' ? 'default' : 'roles';
  else if (role?.value && role.value.value.toUpperCase() === 'SESSION') {
    authorization = 'session';
    roles = [];
  } else if (roles.length) authorization = 'roles';
  else if (credentialRole) {
    authorization = 'roles';
    roles = chainRoles({ ...credentials!.value!, text: credentialRole.value, value: credentialRole.value, offset: credentialRole.valueOffset });
  } else if (keys || credentials) authorization = 'keys';
  else if (statement.templated) authorization = 'templated';

  const from = value('FROM');
  const access: StatementAccess = {
    kind: statement.kind,
    label: statement.label,
    start: statement.start,
    end: statement.end,
    authorization,
    roles,
    catalogRoles: rolesOf(first('CATALOG_ROLE')),
    s3Reads: [],
    s3Writes: [],
    s3Deletes: statement.clauses.some((c) => c.name === 'CLEANPATH'),
    manifest: statement.clauses.some((c) => c.name === 'MANIFEST'),
    encrypted: statement.clauses.some((c) => c.name === 'ENCRYPTED'),
    kmsKeyId: value('KMS_KEY_ID'),
    region: value('REGION'),
    s3Bucket: value('S3_BUCKET'),
    source: statement.source,
    database: value('DATABASE'),
    catalogId: value('CATALOG_ID'),
    secretArn: value('SECRET_ARN'),
    clusterArn: value('CLUSTER_ARN'),
    lambdaFunction: value('LAMBDA'),
    sagemakerEndpoint: value('SAGEMAKER'),
  };
  if (from && /^s3:\/\//i.test(from)) access.s3Reads.push(from);
  const jsonPaths = value('JSONPATHS');
  if (jsonPaths) access.s3Reads.push(jsonPaths);
  if (from && /^dynamodb:\/\//i.test(from)) access.dynamoDbTable = from.slice('dynamodb://'.length);
  if (from && /^emr:\/\//i.test(from)) access.emrClusterId = from.slice('emr://'.length).split('/')[0];
  const to = value('TO');
  if (to) access.s3Writes.push(to);
  const commands = first('FOR')?.modifier;
  if (commands) access.commands = commands.split(',');
  return access;
}

/** The access model of the statement under the cursor, if it is one that carries an IAM role or keys. */
export function accessAt(text: string, offset: number): StatementAccess | undefined {
  const statement = statementAt(text, offset);
  return statement && carriesAuthorization(statement) ? accessOf(statement) : undefined;
}

/** The role ARNs of the role clause under the cursor, or else of the statement's IAM_ROLE; null when
 * there is no literal chain there. */
export function roleChainAt(text: string, offset: number): string[] | null {
  const statement = statementAt(text, offset);
  if (!statement) return null;
  const clauses = statement.clauses.filter((c) => ROLE_CLAUSES.has(c.name));
  const clause = clauses.find((c) => offset >= c.start && offset <= c.end) ?? clauses.find((c) => c.name === 'IAM_ROLE');
  const roles = rolesOf(clause);
  if (roles.length) return roles.map((r) => r.arn);
  const fromCredentials = accessOf(statement);
  return fromCredentials.authorization === 'roles' && fromCredentials.roles.length ? fromCredentials.roles.map((r) => r.arn) : null;
}
