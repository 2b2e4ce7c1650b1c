/** The least-privilege permission policy for the Redshift statement under the cursor: what the role at
 * the end of its IAM_ROLE chain must be allowed to do on the resources the statement names. Values the
 * statement does not say (account, Region) come from the inputs, else stay as marked placeholders. */
import { roleArnProblems } from '../arn';
import { wildcardMatch, type Catalog } from '../catalog';
import { accessOf, statementAt, type SqlStatement, type StatementAccess } from '../sql';
import { failure, Generated, oneOrMany, policy, policyJson, PolicyStatement, type ConditionBlock } from './document';
import { accountIdProblem, partitionOfRegion, partitionOfRole, regionProblem, roleArnProblem, roleName } from './inputs';

export interface PermissionsInput {
  /** The SQL text and the cursor's offset in it. */
  text: string;
  offset: number;
  /** Account of the resources the statement names without an ARN. */
  account?: string;
  /** Region of those resources, unless the statement has a REGION clause. */
  region?: string;
  /** ARN of the cluster's default role, for statements with IAM_ROLE default that must pass it on. */
  defaultRole?: string;
}

/** Placeholders for what neither the statement nor the inputs say. */
export const PLACEHOLDERS = { account: '<account-id>', region: '<region>', defaultRole: 'YOUR_DEFAULT_ROLE' } as const;

/** Where the values of resource ARNs come from. */
interface Context {
  catalog: Catalog;
  partition: string;
  region: string;
  account: string;
  access: StatementAccess;
  statement: SqlStatement;
  text: string;
}

/** One permission before statements are merged: actions on resources, under an optional condition. */
interface Grant {
  sid: string;
  actions: string[];
  resources: string[];
  condition?: ConditionBlock;
}

/** A resource ARN from the catalogue's template of `service`/`type`; partition, Region and account
 * from the context unless `values` gives them. */
function resourceArn(ctx: Context, service: string, type: string, values: Record<string, string>): string {
  const template = ctx.catalog.resourceType(service, type)?.arn;
  if (!template) throw new Error(`The IAM catalogue has no ${service} resource type "${type}".`);
  const all: Record<string, string> = { Partition: ctx.partition, Region: ctx.region, Account: ctx.account, ...values };
  return template.replace(/\$\{(\w+)\}/g, (_, name: string) => {
    if (!(name in all)) throw new Error(`No value for \${${name}} in ${template}.`);
    return all[name];
  });
}

/** The bucket and key of an S3 URI. In a key, `*`, `?` and `$` are written as the policy variables that
 * stand for them (`${*}`, `${?}`, `${$}`): as they are, `*` and `?` would be wildcards in the policy and
 * grant more than the key names. */
function s3Location(uri: string): { bucket: string; key: string } {
  const rest = uri.replace(/^s3:\/\//i, '');
  const slash = rest.indexOf('/');
  const key = slash < 0 ? '' : rest.slice(slash + 1).replace(/[*?$]/g, (c) => `\${${c}}`);
  return { bucket: slash < 0 ? rest : rest.slice(0, slash), key };
}

const objectArn = (ctx: Context, bucket: string, key: string) => resourceArn(ctx, 's3', 'object', { BucketName: bucket, ObjectName: key });
const bucketArn = (ctx: Context, bucket: string) => resourceArn(ctx, 's3', 'bucket', { BucketName: bucket });

/** ListBucket limited to a prefix (s3:prefix), as COPY and UNLOAD list the objects under their path. */
function listPrefix(ctx: Context, sid: string, uri: string): Grant {
  const { bucket, key } = s3Location(uri);
  return { sid, actions: ['s3:ListBucket'], resources: [bucketArn(ctx, bucket)], condition: key ? { StringLike: { 's3:prefix': `${key}*` } } : undefined };
}

/** The word after these consecutive words of the statement ('' when none follows), or undefined when
 * they do not occur: for options the statement model keeps no clause for (AUTHENTICATION, CREATE
 * EXTERNAL DATABASE). */
function wordsAfter(ctx: Context, ...words: string[]): string | undefined {
  const tokens = ctx.statement.tokens;
  const word = (i: number) => (tokens[i]?.kind === 'word' ? ctx.text.slice(tokens[i].start, tokens[i].end).toUpperCase() : '');
  for (let i = 0; i + words.length <= tokens.length; i++) {
    if (words.every((w, k) => word(i + k) === w)) return word(i + words.length);
  }
  return undefined;
}

/** KMS_KEY_ID as a key ARN, a key ID or an alias: cryptographic operations are authorized on the key,
 * so an alias becomes a condition on the key's aliases. */
function kmsGrant(ctx: Context, sid: string, actions: string[], keyId: string): Grant {
  if (/^arn:[^:]+:kms:[^:]*:[^:]*:key\//.test(keyId)) return { sid, actions, resources: [keyId] };
  const alias = /^(?:arn:[^:]+:kms:[^:]*:[^:]*:)?(alias\/.+)$/.exec(keyId)?.[1];
  if (alias) {
    return { sid, actions, resources: [resourceArn(ctx, 'kms', 'key', { KeyId: '*' })], condition: { 'ForAnyValue:StringEquals': { 'kms:ResourceAliases': alias } } };
  }
  return { sid, actions, resources: [resourceArn(ctx, 'kms', 'key', { KeyId: keyId })] };
}

function copyGrants(ctx: Context): Grant[] {
  const { access } = ctx;
  if (access.dynamoDbTable) {
    return [{ sid: 'ReadDynamoDBTable', actions: ['dynamodb:DescribeTable', 'dynamodb:Scan'], resources: [resourceArn(ctx, 'dynamodb', 'table', { TableName: access.dynamoDbTable })] }];
  }
  if (access.emrClusterId) {
    return [{ sid: 'ListEMRClusterInstances', actions: ['elasticmapreduce:ListInstances'], resources: [resourceArn(ctx, 'elasticmapreduce', 'cluster', { ClusterId: access.emrClusterId })] }];
  }
  const [from, ...files] = access.s3Reads;
  if (!from) return [];
  const grants: Grant[] = [];
  const objects: string[] = [];
  const { bucket, key } = s3Location(from);
  // CREATE LIBRARY reads one file; COPY … SSH reads its SSH manifest.
  if (ctx.statement.kind === 'create-library' || access.source === 'SSH') objects.push(objectArn(ctx, bucket, key));
  // A manifest lists its data files, which the statement does not name: its bucket is the best guess.
  else if (access.manifest) objects.push(objectArn(ctx, bucket, '*'));
  else {
    grants.push(listPrefix(ctx, 'ListSourcePrefix', from));
    objects.push(objectArn(ctx, bucket, `${key}*`));
  }
  for (const file of files) objects.push(objectArn(ctx, s3Location(file).bucket, s3Location(file).key));
  grants.push({ sid: 'ReadSourceObjects', actions: ['s3:GetObject'], resources: objects });
  return grants;
}

function unloadGrants(ctx: Context): Grant[] {
  const { access } = ctx;
  const grants: Grant[] = [];
  for (const to of access.s3Writes) {
    const { bucket, key } = s3Location(to);
    // CLEANPATH deletes what is under the prefix; ALLOWOVERWRITE replaces existing files.
    const deletes = access.s3Deletes || ctx.statement.clauses.some((c) => c.name === 'ALLOWOVERWRITE');
    grants.push(listPrefix(ctx, 'ListTargetPrefix', to));
    grants.push({ sid: 'WriteTargetObjects', actions: ['s3:PutObject', 's3:GetObject', ...(deletes ? ['s3:DeleteObject'] : [])], resources: [objectArn(ctx, bucket, `${key}*`)] });
  }
  if (access.kmsKeyId) grants.push(kmsGrant(ctx, 'EncryptWithKmsKey', ['kms:GenerateDataKey', 'kms:Decrypt'], access.kmsKeyId));
  return grants;
}

const GLUE_READ = ['glue:GetDatabase', 'glue:GetDatabases', 'glue:GetTable', 'glue:GetTables', 'glue:GetPartition', 'glue:GetPartitions', 'glue:BatchGetPartition'];

function externalSchemaGrants(ctx: Context): Grant[] | string {
  const { access } = ctx;
  const source = access.source ?? 'DATA CATALOG';
  if (source === 'DATA CATALOG') {
    // The Data Catalog of another account when CATALOG_ID names one.
    const catalog = { ...ctx, account: access.catalogId ?? ctx.account };
    const database = access.database ?? '*';
    const createsDatabase = wordsAfter(ctx, 'CREATE', 'EXTERNAL', 'DATABASE') !== undefined;
    return [{
      sid: 'ReadDataCatalog',
      actions: [...GLUE_READ, ...(createsDatabase ? ['glue:CreateDatabase'] : [])],
      resources: [
        resourceArn(catalog, 'glue', 'rootcatalog', {}),
        resourceArn(catalog, 'glue', 'database', { DatabaseName: database }),
        resourceArn(catalog, 'glue', 'table', { DatabaseName: database, TableName: '*' }),
      ],
    }];
  }
  if (source === 'POSTGRES' || source === 'MYSQL') {
    if (!access.secretArn) return `CREATE EXTERNAL SCHEMA FROM ${source} names no SECRET_ARN, the only AWS resource its role reads.`;
    return [{ sid: 'ReadDatabaseSecret', actions: ['secretsmanager:GetSecretValue'], resources: [access.secretArn] }];
  }
  if (source === 'KINESIS') {
    // The stream is named later, by the materialized view: every stream of the account and Region.
    return [
      { sid: 'ReadStreams', actions: ['kinesis:DescribeStream', 'kinesis:DescribeStreamSummary', 'kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:ListShards'], resources: [resourceArn(ctx, 'kinesis', 'stream', { StreamName: '*' })] },
      { sid: 'ListStreams', actions: ['kinesis:ListStreams'], resources: ['*'] },
    ];
  }
  if (source === 'MSK' || source === 'KAFKA') {
    const cluster = access.clusterArn && /^arn:([^:]+):kafka:([^:]*):([^:]*):cluster\/([^/]+)\/(.+)$/.exec(access.clusterArn);
    if (!cluster) return `CREATE EXTERNAL SCHEMA FROM ${source} names no Amazon MSK CLUSTER_ARN: without one, the role needs no AWS permission.`;
    const [, partition, region, account, name, uuid] = cluster;
    const msk = { ...ctx, partition, region, account };
    const grants: Grant[] = [{ sid: 'GetBootstrapBrokers', actions: ['kafka:GetBootstrapBrokers'], resources: ['*'] }];
    if (wordsAfter(ctx, 'AUTHENTICATION') === 'IAM') {
      grants.push(
        { sid: 'ConnectToCluster', actions: ['kafka-cluster:Connect'], resources: [access.clusterArn!] },
        { sid: 'ReadTopics', actions: ['kafka-cluster:DescribeTopic', 'kafka-cluster:ReadData'], resources: [resourceArn(msk, 'kafka-cluster', 'topic', { ClusterName: name, ClusterUuid: uuid, TopicName: '*' })] },
        { sid: 'UseConsumerGroups', actions: ['kafka-cluster:AlterGroup', 'kafka-cluster:DescribeGroup'], resources: [resourceArn(msk, 'kafka-cluster', 'group', { ClusterName: name, ClusterUuid: uuid, GroupName: '*' })] },
      );
    }
    return grants;
  }
  return `CREATE EXTERNAL SCHEMA FROM ${source} is not one this generator knows the permissions of.`;
}

function invokeGrants(ctx: Context): Grant[] {
  const { access } = ctx;
  const grants: Grant[] = [];
  if (access.lambdaFunction) {
    const fn = /^arn:/.test(access.lambdaFunction) ? access.lambdaFunction : resourceArn(ctx, 'lambda', 'function', { FunctionName: access.lambdaFunction });
    grants.push({ sid: 'InvokeLambdaFunction', actions: ['lambda:InvokeFunction'], resources: [fn] });
  }
  if (access.sagemakerEndpoint) {
    const endpoint = /^arn:/.test(access.sagemakerEndpoint) ? access.sagemakerEndpoint : resourceArn(ctx, 'sagemaker', 'endpoint', { EndpointName: access.sagemakerEndpoint.split(':')[0] });
    grants.push({ sid: 'InvokeSageMakerEndpoint', actions: ['sagemaker:InvokeEndpoint'], resources: [endpoint] });
  }
  return grants;
}

/** CREATE MODEL trains with SageMaker: the documented restricted policy for Redshift ML, scoped to the
 * statement's S3_BUCKET, its KMS key and the role itself (passed to SageMaker). */
function createModelGrants(ctx: Context, role: string): Grant[] | string {
  const { access } = ctx;
  if (access.sagemakerEndpoint) return invokeGrants(ctx);
  if (!access.s3Bucket) return 'CREATE MODEL names no S3_BUCKET in its SETTINGS: Redshift ML needs one for the training data.';
  const buckets = [access.s3Bucket, 'redshift-downloads'];
  const grants: Grant[] = [
    {
      sid: 'RunSageMakerJobs',
      actions: ['cloudwatch:PutMetricData', 'ecr:BatchCheckLayerAvailability', 'ecr:BatchGetImage', 'ecr:GetAuthorizationToken', 'ecr:GetDownloadUrlForLayer',
        'logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:DescribeLogStreams', 'logs:PutLogEvents', 'sagemaker:*Job*'],
      resources: ['*'],
    },
    { sid: 'PassThisRoleToSageMaker', actions: ['iam:PassRole'], resources: [role], condition: { StringEquals: { 'iam:PassedToService': 'sagemaker.amazonaws.com' } } },
    { sid: 'ReadWriteTrainingData', actions: ['s3:AbortMultipartUpload', 's3:DeleteObject', 's3:GetObject', 's3:PutObject'], resources: buckets.map((b) => objectArn(ctx, b, '*')) },
    { sid: 'ListTrainingBuckets', actions: ['s3:GetBucketLocation', 's3:ListBucket'], resources: buckets.map((b) => bucketArn(ctx, b)) },
  ];
  if (access.kmsKeyId) grants.push(kmsGrant(ctx, 'UseKmsKey', ['kms:CreateGrant', 'kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey'], access.kmsKeyId));
  return grants;
}

/** Resources without those another one of the list already covers (`bucket/*` covers `bucket/a.json`). */
function withoutCovered(resources: string[]): string[] {
  const unique = [...new Set(resources)];
  // Resource ARNs match case-sensitively (S3 keys do), unlike the catalogue's action patterns.
  return unique.filter((r) => !unique.some((w) => w !== r && w.includes('*') && wildcardMatch(w, r, { caseSensitive: true })));
}

/** Grants with the same actions and condition become one statement over all their resources. */
function statementsOf(grants: Grant[]): PolicyStatement[] {
  const merged: Grant[] = [];
  for (const g of grants) {
    const same = merged.find((m) => m.sid === g.sid && m.actions.join() === g.actions.join() && JSON.stringify(m.condition) === JSON.stringify(g.condition));
    if (same) same.resources.push(...g.resources);
    else merged.push({ ...g, resources: [...g.resources] });
  }
  for (const g of merged) g.resources = withoutCovered(g.resources);
  const counts = new Map<string, number>();
  return merged.map((g) => {
    const n = (counts.get(g.sid) ?? 0) + 1;
    counts.set(g.sid, n);
    const statement: PolicyStatement = { Sid: n > 1 ? `${g.sid}${n}` : g.sid, Effect: 'Allow', Action: oneOrMany(g.actions), Resource: oneOrMany(g.resources) };
    if (g.condition) statement.Condition = g.condition;
    return statement;
  });
}

function inputProblem(input: PermissionsInput): string | undefined {
  if (typeof input !== 'object' || input === null || typeof input.text !== 'string' || !Number.isInteger(input.offset)) return 'The permissions inputs need the SQL text and the cursor offset in it.';
  if (input.account !== undefined) {
    const problem = accountIdProblem(input.account);
    if (problem) return problem;
  }
  if (input.region !== undefined) {
    const problem = regionProblem(String(input.region));
    if (problem) return problem;
  }
  return input.defaultRole === undefined ? undefined : roleArnProblem(String(input.defaultRole));
}

export function generatePermissions(input: PermissionsInput, catalog: Catalog): Generated {
  const problem = inputProblem(input);
  if (problem) return failure(problem);
  const statement = statementAt(input.text, input.offset);
  if (!statement || statement.kind === 'other' || statement.kind === 'create-procedure') {
    return failure('There is no COPY, UNLOAD, CREATE LIBRARY, CREATE EXTERNAL SCHEMA, CREATE EXTERNAL FUNCTION or CREATE MODEL statement at this position.');
  }
  const access = accessOf(statement);
  // The role at the end of the chain is the one that reaches the resources; an external schema's
  // Data Catalog is reached with its CATALOG_ROLE when it has one.
  const roles = (statement.kind === 'create-external-schema' && access.catalogRoles.length ? access.catalogRoles : access.roles).map((r) => r.arn);
  // Every role of a chain is checked: the policy is written for the last, but an earlier bad ARN stops
  // the chain at run time all the same.
  for (const [k, arn] of roles.entries()) {
    const roleProblem = roleArnProblems(arn)[0]?.message;
    if (roleProblem) return failure(`The statement's ${roles.length > 1 ? `role ${k + 1} of ${roles.length} in its chain` : 'role'}, ${arn}, is not a valid role ARN: ${roleProblem}`);
  }
  const lastRole = roles.at(-1);
  const region = access.region ?? input.region;
  if (region && regionProblem(region)) return failure(`The statement's REGION: ${regionProblem(region)}`);
  const role = lastRole ?? (access.authorization === 'default' ? input.defaultRole : undefined);
  const partition = (role && partitionOfRole(role)) || (region ? partitionOfRegion(region) : 'aws');
  const ctx: Context = {
    catalog, partition, region: region ?? PLACEHOLDERS.region, account: input.account ?? PLACEHOLDERS.account,
    access, statement, text: input.text,
  };

  let grants: Grant[] | string;
  switch (statement.kind) {
    case 'copy':
    case 'copy-job':
    case 'create-library':
      grants = copyGrants(ctx);
      break;
    case 'unload':
      grants = unloadGrants(ctx);
      break;
    case 'create-external-schema':
      grants = externalSchemaGrants(ctx);
      break;
    case 'create-external-function':
      grants = invokeGrants(ctx);
      break;
    case 'create-model':
      grants = createModelGrants(ctx, role ?? `arn:${partition}:iam::${ctx.account}:role/${PLACEHOLDERS.defaultRole}`);
      break;
    default:
      grants = `${statement.label} is not a statement this generator writes permissions for.`;
  }
  if (typeof grants === 'string') return failure(grants);
  if (grants.length === 0) return failure(`This ${statement.label} names no AWS resource to grant access to (templated or missing values are left out).`);
  const name = role ? roleName(role) : access.authorization === 'default' ? 'default-role' : statement.kind;
  const content = policyJson(policy(statementsOf(grants)));
  const placeholders = Object.values(PLACEHOLDERS).filter((p) => content.includes(p));
  return {
    ok: true,
    documents: [{ name: `${name}.permissions.json`, kind: 'permissions', language: 'json', role, content, ...(placeholders.length ? { placeholders } : {}) }],
  };
}
