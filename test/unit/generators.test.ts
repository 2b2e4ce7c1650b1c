/** The generators over many combinations of inputs: every document they produce passes the
 * checker with no error or warning, says what the inputs asked for, and bad inputs are refused
 * with one clear sentence. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  chainProblem, clusterIdentifierProblem, dbUserProblem, generatePermissions, generateRoleChain, generateTrustPolicy, workgroupIdProblem,
  type Generated, type GeneratedDocument, type PermissionsInput, type Policy, type PolicyStatement, type RedshiftTrustInput,
} from '../../server/src/service/generators';
import { ruleMeta } from '../../server/src/service/rules';
import { documentOf, getService } from '../helpers';

const ACCOUNT = '123456789012';
const OTHER_ACCOUNT = '210987654321';
const WORKGROUP = '1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d';

/** Error and warning findings of a generated document (SQL clauses are checked inside a COPY). */
function seriousFindings(doc: GeneratedDocument): string[] {
  const text = doc.kind === 'clause' ? `COPY sales FROM 's3://example-bucket/sales/' ${doc.content.trim()} FORMAT AS CSV;\n` : doc.content;
  const uri = `file:///generated/${doc.name}`;
  return getService().findings(documentOf(text, doc.language, uri))
    .filter((f) => ['error', 'warning'].includes(ruleMeta(f.rule)?.severity ?? 'error'))
    .map((f) => `${f.rule} at ${f.offset}: ${f.message}`);
}

function documentsOf(result: Generated): GeneratedDocument[] {
  assert.ok(result.ok, result.ok ? '' : result.problem);
  return result.documents;
}

function assertClean(documents: GeneratedDocument[]): void {
  for (const doc of documents) assert.deepEqual(seriousFindings(doc), [], `${doc.name}:\n${doc.content}`);
}

function parsed(doc: GeneratedDocument): Policy {
  return JSON.parse(doc.content);
}

function problemOf(result: Generated): string {
  assert.ok(!result.ok, 'expected the input to be refused');
  assert.ok(!result.problem.includes('\n') && result.problem.length > 10);
  return result.problem;
}

function* subsets<T>(items: T[]): Generator<T[]> {
  for (let mask = 0; mask < 1 << items.length; mask++) yield items.filter((_, i) => mask & (1 << i));
}

describe('Redshift trust policy generator', () => {
  const regionSets = [['us-east-1'], ['us-east-1', 'us-west-2', 'eu-west-1'], ['cn-north-1', 'cn-northwest-1'], ['us-gov-west-1']];
  const userSets = [[], ['alice'], ['alice', 'bob', 'etl_loader', 'report$user']];
  const flags = ['restrictRegions', 'sourceArn', 'ml', 'serverlessPrincipal'] as const;

  let combinations = 0;
  for (const deployment of ['provisioned', 'serverless'] as const) {
    for (const regions of regionSets) {
      for (const dbUsers of userSets) {
        for (const chosen of subsets([...flags])) {
          if (deployment === 'provisioned' && chosen.includes('serverlessPrincipal')) continue;
          const input: RedshiftTrustInput = {
            deployment, account: ACCOUNT, regions, dbUsers,
            ...(deployment === 'serverless' ? { workgroupId: WORKGROUP } : { cluster: 'analytics-prod-1' }),
            ...Object.fromEntries(chosen.map((f) => [f, true])),
          };
          combinations++;
          it(`${deployment}, ${regions.join('+')}, ${dbUsers.length} users, ${chosen.join('+') || 'no options'}`, () => {
            const result = generateTrustPolicy(input);
            if (!result.ok && /quota/.test(result.problem)) {
              oversized++;
              assert.ok(Number(/would be ([\d,]+) characters/.exec(result.problem)![1].replace(/,/g, '')) > 2048, result.problem);
              return;
            }
            const [doc] = documentsOf(result);
            assertClean([doc]);
            const policy = parsed(doc);
            const redshift = policy.Statement[0];
            const partition = regions[0].startsWith('cn-') ? 'aws-cn' : regions[0].startsWith('us-gov-') ? 'aws-us-gov' : 'aws';
            const services = ([] as string[]).concat((redshift.Principal as { Service: string | string[] }).Service);
            assert.deepEqual(services.filter((s) => s.startsWith('redshift.')),
              chosen.includes('restrictRegions') ? regions.map((r) => `redshift.${r}.amazonaws.com`) : ['redshift.amazonaws.com']);
            assert.equal(services.includes('redshift-serverless.amazonaws.com'), chosen.includes('serverlessPrincipal'));
            const externalIds = ([] as string[]).concat(redshift.Condition?.StringEquals?.['sts:ExternalId'] ?? []);
            const owner = deployment === 'serverless' ? `serverless-${ACCOUNT}-${WORKGROUP}` : 'analytics-prod-1';
            assert.deepEqual(externalIds, regions.flatMap((r) => dbUsers.map((u) => `arn:${partition}:redshift:${r}:${ACCOUNT}:dbuser:${owner}/${u}`)));
            const sourceArns = ([] as string[]).concat(redshift.Condition?.ArnEquals?.['aws:SourceArn'] ?? []);
            assert.deepEqual(sourceArns, chosen.includes('sourceArn')
              ? regions.map((r) => deployment === 'serverless'
                ? `arn:${partition}:redshift-serverless:${r}:${ACCOUNT}:workgroup/${WORKGROUP}`
                : `arn:${partition}:redshift:${r}:${ACCOUNT}:cluster:analytics-prod-1`)
              : []);
            assert.equal(redshift.Condition?.StringEquals?.['aws:SourceAccount'], chosen.includes('sourceArn') ? ACCOUNT : undefined);
            assert.equal(policy.Statement.some((s) => JSON.stringify(s.Principal) === '{"Service":"sagemaker.amazonaws.com"}'), chosen.includes('ml'));
          });
        }
      }
    }
  }
  let oversized = 0;
  it('covers many combinations, few of them over the size quota', () => {
    assert.ok(combinations >= 200, `${combinations}`);
    assert.ok(oversized > 0 && oversized < combinations / 10, `${oversized} of ${combinations}`);
  });

  it('fits many database users of one cluster in the quota', () => {
    const dbUsers = Array.from({ length: 20 }, (_, i) => `loader_${i}`);
    assertClean(documentsOf(generateTrustPolicy({ deployment: 'provisioned', account: ACCOUNT, regions: ['us-east-1'], cluster: 'c1', dbUsers, sourceArn: true, ml: true })));
  });

  it('refuses a trust policy over the 2,048-character quota', () => {
    const dbUsers = Array.from({ length: 30 }, (_, i) => `loader_${i}`);
    assert.match(problemOf(generateTrustPolicy({ deployment: 'serverless', account: ACCOUNT, regions: ['us-east-1'], workgroupId: WORKGROUP, dbUsers })),
      /^The trust policy would be [\d,]+ characters \(whitespace not counted\), over IAM's 2,048-character quota/);
  });

  it('uses only actions and condition keys of the catalogue', () => {
    const [doc] = documentsOf(generateTrustPolicy({ deployment: 'provisioned', account: ACCOUNT, regions: ['us-east-1'], cluster: 'c1', dbUsers: ['alice'], sourceArn: true }));
    const { catalog } = getService();
    for (const statement of parsed(doc).Statement) {
      for (const action of ([] as string[]).concat(statement.Action)) assert.ok(catalog.action(...(action.split(':') as [string, string])), action);
      for (const operator of Object.values(statement.Condition ?? {})) for (const key of Object.keys(operator)) assert.ok(catalog.conditionKey(key), key);
    }
  });

  it('names the document after the role, else the cluster or workgroup', () => {
    assert.equal(documentsOf(generateTrustPolicy({ deployment: 'provisioned', account: ACCOUNT, regions: ['us-east-1'], roleName: 'LoaderRole' }))[0].name, 'LoaderRole.trust.json');
    assert.equal(documentsOf(generateTrustPolicy({ deployment: 'provisioned', account: ACCOUNT, regions: ['us-east-1'], cluster: 'c1' }))[0].name, 'c1.trust.json');
    assert.equal(documentsOf(generateTrustPolicy({ deployment: 'serverless', account: ACCOUNT, regions: ['us-east-1'], workgroupId: WORKGROUP }))[0].name, `${WORKGROUP}.trust.json`);
  });

  const base: RedshiftTrustInput = { deployment: 'provisioned', account: ACCOUNT, regions: ['us-east-1'], cluster: 'c1' };
  const refused: [string, Partial<RedshiftTrustInput> | Record<string, unknown>, RegExp][] = [
    ['an 11-digit account', { account: '12345678901' }, /11 digits.*exactly 12/],
    ['a non-numeric account', { account: 'my-account' }, /12 digits/],
    ['an unknown Region', { regions: ['us-east-7'] }, /not an AWS Region/],
    ['a misspelt Region', { regions: ['us-est-1'] }, /did you mean us-east-1/],
    ['Regions of two partitions', { regions: ['us-east-1', 'cn-north-1'] }, /partitions aws and aws-cn/],
    ['no Region with a restriction', { regions: [], restrictRegions: true }, /at least one/],
    ['an uppercase cluster', { cluster: 'Analytics' }, /lowercase: use "analytics"/],
    ['a cluster starting with a digit', { cluster: '1cluster' }, /start with a letter/],
    ['a cluster with "--"', { cluster: 'a--b' }, /"--"/],
    ['a cluster ending with a hyphen', { cluster: 'ab-' }, /ends with a hyphen/],
    ['a 64-character cluster', { cluster: `a${'b'.repeat(63)}` }, /64 characters/],
    ['database users without a cluster', { cluster: undefined, dbUsers: ['alice'] }, /needs the cluster identifier/],
    ['a bad database user', { dbUsers: ['bad user'] }, /not a plain database user name/],
    ['an uppercase database user', { dbUsers: ['Alice'] }, /use "alice"/],
    ['a source ARN without a cluster', { cluster: undefined, sourceArn: true }, /needs the cluster identifier/],
    ['a workgroup on a provisioned cluster', { cluster: undefined, workgroupId: WORKGROUP }, /provisioned cluster give the cluster identifier/],
    ['a workgroup name instead of its ID', { deployment: 'serverless', cluster: undefined, workgroupId: 'my-workgroup' }, /not a workgroup ID/],
    ['the serverless principal on a cluster', { serverlessPrincipal: true }, /only for Redshift Serverless/],
    ['an unknown deployment', { deployment: 'managed' }, /neither "provisioned"/],
    ['Regions that are not a list', { regions: 'us-east-1' }, /list of Region names/],
    ['a bad role name', { roleName: 'bad name' }, /Invalid role name/],
    ['a role name with a path, which names the file written', { roleName: '../../etc/x' }, /holds a "\/": give the name alone/],
    ['an account ID given as a number', { account: 123456789012 }, /must be given as a string of 12 digits/],
  ];
  for (const [what, change, message] of refused) {
    it(`refuses ${what}`, () => assert.match(problemOf(generateTrustPolicy({ ...base, ...change } as RedshiftTrustInput)), message));
  }
});

describe('role chain generator', () => {
  const role = (account: string, name: string, partition = 'aws') => `arn:${partition}:iam::${account}:role/${name}`;
  const chains: [string, string[]][] = [
    ['one role', [role(ACCOUNT, 'Only')]],
    ['two roles, one account', [role(ACCOUNT, 'RoleA'), role(ACCOUNT, 'RoleB')]],
    ['cross-account', [role(ACCOUNT, 'RoleA'), role(OTHER_ACCOUNT, 'service-role/RoleB')]],
    ['ten roles', Array.from({ length: 10 }, (_, i) => role(i % 2 ? OTHER_ACCOUNT : ACCOUNT, `Hop${i}`))],
    ['same name in two accounts', [role(ACCOUNT, 'Loader'), role(OTHER_ACCOUNT, 'Loader')]],
    ['China partition', [role(ACCOUNT, 'RoleA', 'aws-cn'), role(OTHER_ACCOUNT, 'RoleB', 'aws-cn')]],
    ['GovCloud partition', [role(ACCOUNT, 'RoleA', 'aws-us-gov'), role(ACCOUNT, 'RoleB', 'aws-us-gov'), role(OTHER_ACCOUNT, 'RoleC', 'aws-us-gov')]],
  ];
  for (const [what, roles] of chains) {
    for (const trust of ['role', 'account'] as const) {
      it(`${what}, trusting the previous ${trust}`, () => {
        const documents = documentsOf(generateRoleChain({ roles, trust }));
        assertClean(documents);
        const trusts = documents.filter((d) => d.kind === 'trust');
        const permissions = documents.filter((d) => d.kind === 'permissions');
        assert.deepEqual(trusts.map((d) => d.role), roles);
        assert.deepEqual(permissions.map((d) => d.role), roles.slice(0, -1));
        assert.equal(new Set(documents.map((d) => d.name)).size, documents.length, 'file names are unique');
        assert.deepEqual(parsed(trusts[0]).Statement[0].Principal, { Service: 'redshift.amazonaws.com' });
        roles.slice(1).forEach((r, i) => {
          const previous = roles[i];
          const [, partition, , , account] = previous.split(':');
          assert.deepEqual(parsed(trusts[i + 1]).Statement[0].Principal, { AWS: trust === 'role' ? previous : `arn:${partition}:iam::${account}:root` });
          assert.equal(parsed(permissions[i]).Statement[0].Resource, r);
          assert.equal(parsed(permissions[i]).Statement[0].Action, 'sts:AssumeRole');
        });
        assert.equal(documents.at(-1)!.content, `IAM_ROLE '${roles.join(',')}'\n`);
      });
    }
  }

  it('names files after the role and kind', () => {
    const names = documentsOf(generateRoleChain({ roles: [role(ACCOUNT, 'RoleA'), role(OTHER_ACCOUNT, 'path/to/RoleB')] })).map((d) => d.name);
    assert.deepEqual(names, ['RoleA.trust.json', 'RoleA.permissions.json', 'RoleB.trust.json', 'RoleA.iam_role.sql']);
    const same = documentsOf(generateRoleChain({ roles: [role(ACCOUNT, 'Loader'), role(OTHER_ACCOUNT, 'Loader')] })).map((d) => d.name);
    assert.deepEqual(same.slice(0, 3), [`Loader-${ACCOUNT}.trust.json`, `Loader-${ACCOUNT}.permissions.json`, `Loader-${OTHER_ACCOUNT}.trust.json`]);
  });

  it('restricts the first role\'s Redshift trust in its account when asked', () => {
    const roles = [role(ACCOUNT, 'RoleA'), role(OTHER_ACCOUNT, 'RoleB')];
    for (const redshift of [
      { deployment: 'provisioned' as const, regions: ['us-east-1'], cluster: 'c1', dbUsers: ['alice'], sourceArn: true, restrictRegions: true },
      { deployment: 'serverless' as const, regions: ['eu-west-1', 'eu-central-1'], workgroupId: WORKGROUP, dbUsers: ['bob'], serverlessPrincipal: true },
      { deployment: 'provisioned' as const, ml: true },
    ]) {
      const documents = documentsOf(generateRoleChain({ roles, redshift }));
      assertClean(documents);
      const first = JSON.stringify(parsed(documents[0]));
      if (redshift.dbUsers) assert.ok(first.includes(`:${ACCOUNT}:dbuser:`), first);
      assert.ok(!first.includes(OTHER_ACCOUNT), first);
    }
  });

  const refused: [string, string[], RegExp][] = [
    ['an empty chain', [], /empty/],
    ['11 roles', Array.from({ length: 11 }, (_, i) => role(ACCOUNT, `Hop${i}`)), /11 roles; Redshift accepts at most 10/],
    ['a cross-partition chain', [role(ACCOUNT, 'RoleA'), role(OTHER_ACCOUNT, 'RoleB', 'aws-cn')], /partition aws but .* aws-cn: a role cannot assume a role in another partition/],
    ['a user ARN', [role(ACCOUNT, 'RoleA'), `arn:aws:iam::${ACCOUNT}:user/Bob`], /Role 2 .*IAM user ARN, not a role ARN/],
    ['a bad account', [role('12345', 'RoleA')], /Role 1 .*5 digits/],
    ['a placeholder account', [role('<account-id>', 'RoleA')], /Role 1 .*not an AWS account ID/],
    ['a repeated role', [role(ACCOUNT, 'RoleA'), role(ACCOUNT, 'RoleB'), role(ACCOUNT, 'RoleA')], /appears twice/],
    ['a role name with a space', [role(ACCOUNT, 'Role A')], /Invalid role name/],
    ['a role repeated under another path', [role(ACCOUNT, 'a/Name'), role(ACCOUNT, 'b/Name')], /names the same role as .*role\/a\/Name/],
    ['a role repeated in another case', [role(ACCOUNT, 'RoleA'), role(ACCOUNT, 'rolea')], /names the same role as/],
    ['a role name with a comma', [role(ACCOUNT, 'a,b')], /comma, which IAM_ROLE reads as the separator/],
  ];
  for (const [what, roles, message] of refused) {
    it(`refuses ${what}`, () => assert.match(problemOf(generateRoleChain({ roles })), message));
  }
  it('names the files of roles that share a name in different accounts apart, whatever the case', () => {
    const names = documentsOf(generateRoleChain({ roles: [role(ACCOUNT, 'p/A'), role(OTHER_ACCOUNT, 'q/a')] })).map((d) => d.name);
    assert.equal(new Set(names.map((n) => n.toLowerCase())).size, names.length, names.join(' '));
  });
  it('refuses an unknown trust mode', () => {
    assert.match(problemOf(generateRoleChain({ roles: [role(ACCOUNT, 'A'), role(ACCOUNT, 'B')], trust: 'root' as 'role' })), /neither "role"/);
  });
  it('refuses Redshift restrictions in another partition than the roles', () => {
    assert.match(problemOf(generateRoleChain({ roles: [role(ACCOUNT, 'A')], redshift: { deployment: 'provisioned', regions: ['cn-north-1'], restrictRegions: true } })), /Region cn-north-1 is in partition aws-cn, but the roles are in aws/);
  });
  it('restricts the first role to a provisioned cluster when the deployment is not given', () => {
    const [trust] = documentsOf(generateRoleChain({ roles: [role(ACCOUNT, 'A'), role(ACCOUNT, 'B')], redshift: { cluster: 'analytics', regions: ['us-east-1'], restrictRegions: true, sourceArn: true } }));
    assert.match(trust.content, /redshift\.us-east-1\.amazonaws\.com/);
    assert.match(trust.content, new RegExp(`arn:aws:redshift:us-east-1:${ACCOUNT}:cluster:analytics`));
    const [same] = documentsOf(generateRoleChain({ roles: [role(ACCOUNT, 'A'), role(ACCOUNT, 'B')], redshift: { deployment: undefined, cluster: 'analytics', regions: ['us-east-1'], restrictRegions: true, sourceArn: true } }));
    assert.equal(same.content, trust.content);
  });
  it('refuses bad Redshift restrictions of the first role', () => {
    assert.match(problemOf(generateRoleChain({ roles: [role(ACCOUNT, 'A')], redshift: { deployment: 'provisioned', regions: ['us-east-1'], dbUsers: ['alice'] } })), /^First role's Redshift trust: .*cluster identifier/);
  });
});

describe('generator input checks', () => {
  it('accepts good values', () => {
    for (const id of ['a', 'analytics-prod-1', `a${'b'.repeat(62)}`]) assert.equal(clusterIdentifierProblem(id), undefined, id);
    assert.equal(workgroupIdProblem(WORKGROUP), undefined);
    for (const user of ['alice', '_etl', 'report$user']) assert.equal(dbUserProblem(user), undefined, user);
    assert.equal(chainProblem([`arn:aws:iam::${ACCOUNT}:role/a/b/C`]), undefined);
  });
  it('refuses reserved and uppercase names', () => {
    assert.match(dbUserProblem('public')!, /reserved/);
    assert.match(workgroupIdProblem(WORKGROUP.toUpperCase())!, /lowercase/);
  });
});

describe('permissions generator', () => {
  const ROLE = `arn:aws:iam::${ACCOUNT}:role/RedshiftLoader`;
  const CROSS = `arn:aws:iam::${OTHER_ACCOUNT}:role/BucketOwner`;
  const permissions = (sql: string, values: Omit<PermissionsInput, 'text' | 'offset'> = {}) => generatePermissions({ text: sql, offset: 2, ...values }, getService().catalog);
  const statementsOf = (sql: string, values?: Omit<PermissionsInput, 'text' | 'offset'>): PolicyStatement[] => {
    const documents = documentsOf(permissions(sql, values));
    assertClean(documents);
    return parsed(documents[0]).Statement;
  };
  const bySid = (statements: PolicyStatement[], sid: string) => {
    const found = statements.find((st) => st.Sid === sid);
    assert.ok(found, `no statement ${sid} in ${JSON.stringify(statements)}`);
    return found;
  };
  const list = (value: string | string[] | undefined) => ([] as string[]).concat(value ?? []);

  const CASES: [string, string][] = [
    ['COPY from an S3 prefix', `COPY sales FROM 's3://example-bucket/tickit/sales_' IAM_ROLE '${ROLE}' FORMAT AS CSV;`],
    ['COPY through a chain, with a manifest and JSONPaths', `COPY sales FROM 's3://example-bucket/manifests/sales.manifest' IAM_ROLE '${ROLE},${CROSS}' MANIFEST FORMAT AS JSON 's3://paths-bucket/paths.json';`],
    ['COPY from a whole bucket in another Region', `COPY sales FROM 's3://example-bucket' IAM_ROLE '${ROLE}' REGION 'eu-west-1';`],
    ['COPY from remote hosts', `COPY sales FROM 's3://example-bucket/ssh_manifest' IAM_ROLE '${ROLE}' SSH;`],
    ['COPY from DynamoDB', `COPY favoritemovies FROM 'dynamodb://Movies' IAM_ROLE '${ROLE}' READRATIO 50;`],
    ['COPY from EMR', `COPY sales FROM 'emr://j-SAMPLE2B500FC/myoutput/part-*' IAM_ROLE '${ROLE}' DELIMITER '\\t';`],
    ['COPY with CREDENTIALS', `COPY sales FROM 's3://example-bucket/data/' CREDENTIALS 'aws_iam_role=${ROLE}';`],
    ['UNLOAD', `UNLOAD ('select * from venue') TO 's3://example-bucket/unload/venue_' IAM_ROLE '${ROLE}';`],
    ['UNLOAD with CLEANPATH and a KMS key', `UNLOAD ('select 1') TO 's3://example-bucket/unload/' IAM_ROLE '${ROLE}' KMS_KEY_ID '1234abcd-12ab-34cd-56ef-1234567890ab' ENCRYPTED CLEANPATH MANIFEST;`],
    ['UNLOAD with ALLOWOVERWRITE and a key alias', `UNLOAD ('select 1') TO 's3://example-bucket/unload/' IAM_ROLE default KMS_KEY_ID 'alias/redshift-unload' ENCRYPTED ALLOWOVERWRITE;`],
    ['UNLOAD with a key ARN', `UNLOAD ('select 1') TO 's3://example-bucket/u/' IAM_ROLE '${ROLE}' KMS_KEY_ID 'arn:aws:kms:us-west-2:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab' ENCRYPTED;`],
    ['CREATE LIBRARY', `CREATE LIBRARY f_urlparse LANGUAGE plpythonu FROM 's3://example-bucket/urlparse3-1.0.3.zip' IAM_ROLE '${ROLE}';`],
    ['CREATE EXTERNAL SCHEMA on the Data Catalog', `CREATE EXTERNAL SCHEMA spectrum FROM DATA CATALOG DATABASE 'spectrumdb' IAM_ROLE '${ROLE}' CREATE EXTERNAL DATABASE IF NOT EXISTS;`],
    ['CREATE EXTERNAL SCHEMA on another account\'s catalog', `CREATE EXTERNAL SCHEMA spectrum FROM DATA CATALOG DATABASE 'spectrumdb' REGION 'us-east-2' IAM_ROLE '${ROLE}' CATALOG_ROLE '${CROSS}' CATALOG_ID '${OTHER_ACCOUNT}';`],
    ['CREATE EXTERNAL SCHEMA on PostgreSQL', `CREATE EXTERNAL SCHEMA apg FROM POSTGRES DATABASE 'db' SCHEMA 'public' URI 'host.example.com' IAM_ROLE '${ROLE}' SECRET_ARN 'arn:aws:secretsmanager:us-west-2:${ACCOUNT}:secret:pg-AbCdEf';`],
    ['CREATE EXTERNAL SCHEMA on MySQL', `CREATE EXTERNAL SCHEMA mysql FROM MYSQL DATABASE 'db' URI 'host.example.com' IAM_ROLE '${ROLE}' SECRET_ARN 'arn:aws:secretsmanager:us-west-2:${ACCOUNT}:secret:my-AbCdEf';`],
    ['CREATE EXTERNAL SCHEMA on Kinesis', `CREATE EXTERNAL SCHEMA kds FROM KINESIS IAM_ROLE '${ROLE}';`],
    ['CREATE EXTERNAL SCHEMA on MSK with IAM', `CREATE EXTERNAL SCHEMA msk FROM MSK IAM_ROLE '${ROLE}' AUTHENTICATION iam CLUSTER_ARN 'arn:aws:kafka:us-east-1:${ACCOUNT}:cluster/MyCluster/abcd1234-0123-abcd-5678-1234abcd-1';`],
    ['CREATE EXTERNAL SCHEMA on MSK without authentication', `CREATE EXTERNAL SCHEMA msk FROM MSK IAM_ROLE '${ROLE}' AUTHENTICATION none CLUSTER_ARN 'arn:aws:kafka:us-east-1:${ACCOUNT}:cluster/MyCluster/abcd1234-0123-abcd-5678-1234abcd-1';`],
    ['CREATE EXTERNAL FUNCTION on Lambda', `CREATE EXTERNAL FUNCTION exfunc_sum(INT, INT) RETURNS INT STABLE LAMBDA 'redshift-sum' IAM_ROLE '${ROLE}';`],
    ['CREATE EXTERNAL FUNCTION on a Lambda ARN', `CREATE EXTERNAL FUNCTION f(INT) RETURNS INT STABLE LAMBDA 'arn:aws:lambda:us-west-2:${ACCOUNT}:function:redshift-sum' IAM_ROLE '${ROLE}';`],
    ['CREATE MODEL', `CREATE MODEL churn FROM (SELECT a, b FROM t) TARGET b FUNCTION predict_churn IAM_ROLE '${ROLE}' SETTINGS (S3_BUCKET 'example-bucket');`],
    ['CREATE MODEL with a KMS key and the default role', `CREATE MODEL churn FROM t TARGET b FUNCTION predict_churn IAM_ROLE default SETTINGS (S3_BUCKET 'example-bucket', KMS_KEY_ID '1234abcd-12ab-34cd-56ef-1234567890ab');`],
  ];
  const VALUES: [string, Omit<PermissionsInput, 'text' | 'offset'>][] = [
    ['no values', {}],
    ['account and Region', { account: ACCOUNT, region: 'us-west-2' }],
    ['a China Region', { account: ACCOUNT, region: 'cn-north-1' }],
    ['the default role', { defaultRole: `arn:aws:iam::${ACCOUNT}:role/DefaultRedshiftRole` }],
  ];
  for (const [what, sql] of CASES) {
    for (const [given, values] of VALUES) {
      it(`${what}, ${given}: passes the checker and uses catalogue actions only`, () => {
        const documents = documentsOf(permissions(sql, values));
        assertClean(documents);
        const { catalog } = getService();
        for (const st of parsed(documents[0]).Statement) {
          for (const action of list(st.Action)) {
            const [prefix, name] = action.split(':');
            assert.ok(catalog.matchActions(prefix, name).length > 0, `${action} is in the catalogue`);
          }
        }
        const placeholders = documents[0].placeholders ?? [];
        assert.deepEqual(placeholders.filter((p) => !documents[0].content.includes(p)), []);
        if (values.account) assert.ok(!placeholders.includes('<account-id>'));
      });
    }
  }

  it('lists and reads an S3 prefix for COPY', () => {
    const statements = statementsOf(CASES[0][1]);
    assert.deepEqual(bySid(statements, 'ListSourcePrefix'), {
      Sid: 'ListSourcePrefix', Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::example-bucket', Condition: { StringLike: { 's3:prefix': 'tickit/sales_*' } },
    });
    assert.equal(bySid(statements, 'ReadSourceObjects').Resource, 'arn:aws:s3:::example-bucket/tickit/sales_*');
  });

  it('writes the *, ? and $ of an S3 key as the policy variables that stand for them, not as wildcards', () => {
    const statements = statementsOf(`COPY sales FROM 's3://example-bucket/k?x$y*z/' IAM_ROLE '${ROLE}';`);
    assert.deepEqual(bySid(statements, 'ListSourcePrefix').Condition, { StringLike: { 's3:prefix': 'k${?}x${$}y${*}z/*' } });
    assert.deepEqual(list(bySid(statements, 'ReadSourceObjects').Resource), ['arn:aws:s3:::example-bucket/k${?}x${$}y${*}z/*']);
  });

  it('names the policy after the last role of the chain, and reads the manifest bucket and JSONPaths file', () => {
    const [doc] = documentsOf(permissions(CASES[1][1]));
    assert.equal(doc.name, 'BucketOwner.permissions.json');
    assert.equal(doc.role, CROSS);
    assert.deepEqual(parsed(doc).Statement.map((st) => [st.Action, st.Resource]), [
      ['s3:GetObject', ['arn:aws:s3:::example-bucket/*', 'arn:aws:s3:::paths-bucket/paths.json']],
    ]);
  });

  it('lists a whole bucket without a prefix condition', () => {
    assert.equal(bySid(statementsOf(CASES[2][1]), 'ListSourcePrefix').Condition, undefined);
  });

  it('reads only the SSH manifest and the library file', () => {
    assert.deepEqual(statementsOf(CASES[3][1]).map((st) => st.Resource), ['arn:aws:s3:::example-bucket/ssh_manifest']);
    assert.deepEqual(statementsOf(CASES[11][1]).map((st) => st.Resource), ['arn:aws:s3:::example-bucket/urlparse3-1.0.3.zip']);
  });

  it('scans the DynamoDB table and lists the EMR cluster in the given account and Region', () => {
    const values = { account: ACCOUNT, region: 'us-west-2' };
    assert.deepEqual(statementsOf(CASES[4][1], values).map((st) => [st.Action, st.Resource]), [[['dynamodb:DescribeTable', 'dynamodb:Scan'], `arn:aws:dynamodb:us-west-2:${ACCOUNT}:table/Movies`]]);
    assert.deepEqual(statementsOf(CASES[5][1], values).map((st) => [st.Action, st.Resource]), [['elasticmapreduce:ListInstances', `arn:aws:elasticmapreduce:us-west-2:${ACCOUNT}:cluster/j-SAMPLE2B500FC`]]);
  });

  it('leaves unknown account and Region as placeholders, and prefers the statement\'s REGION', () => {
    const [doc] = documentsOf(permissions(CASES[4][1]));
    assert.equal(parsed(doc).Statement[0].Resource, 'arn:aws:dynamodb:<region>:<account-id>:table/Movies');
    assert.deepEqual(doc.placeholders, ['<account-id>', '<region>']);
    const regional = `COPY t FROM 'dynamodb://Movies' IAM_ROLE '${ROLE}' REGION 'eu-west-1';`;
    assert.equal(statementsOf(regional, { region: 'us-east-1' })[0].Resource, 'arn:aws:dynamodb:eu-west-1:<account-id>:table/Movies');
  });

  it('writes, deletes and encrypts as UNLOAD options ask', () => {
    const plain = statementsOf(CASES[7][1]);
    assert.deepEqual(bySid(plain, 'WriteTargetObjects').Action, ['s3:PutObject', 's3:GetObject']);
    assert.deepEqual(bySid(plain, 'ListTargetPrefix').Condition, { StringLike: { 's3:prefix': 'unload/venue_*' } });
    const cleanpath = statementsOf(CASES[8][1], { account: ACCOUNT, region: 'us-east-1' });
    assert.deepEqual(bySid(cleanpath, 'WriteTargetObjects').Action, ['s3:PutObject', 's3:GetObject', 's3:DeleteObject']);
    assert.deepEqual(bySid(cleanpath, 'EncryptWithKmsKey'), {
      Sid: 'EncryptWithKmsKey', Effect: 'Allow', Action: ['kms:GenerateDataKey', 'kms:Decrypt'], Resource: `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
    });
    const alias = statementsOf(CASES[9][1], { account: ACCOUNT, region: 'us-east-1' });
    assert.deepEqual(bySid(alias, 'WriteTargetObjects').Action, ['s3:PutObject', 's3:GetObject', 's3:DeleteObject']);
    assert.deepEqual(bySid(alias, 'EncryptWithKmsKey').Condition, { 'ForAnyValue:StringEquals': { 'kms:ResourceAliases': 'alias/redshift-unload' } });
    assert.equal(bySid(statementsOf(CASES[10][1]), 'EncryptWithKmsKey').Resource, `arn:aws:kms:us-west-2:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`);
  });

  it('reads the Data Catalog database, creating it when asked, in the catalog\'s account', () => {
    const own = bySid(statementsOf(CASES[12][1], { account: ACCOUNT, region: 'us-east-1' }), 'ReadDataCatalog');
    assert.ok(list(own.Action).includes('glue:CreateDatabase'));
    assert.deepEqual(own.Resource, [`arn:aws:glue:us-east-1:${ACCOUNT}:catalog`, `arn:aws:glue:us-east-1:${ACCOUNT}:database/spectrumdb`, `arn:aws:glue:us-east-1:${ACCOUNT}:table/spectrumdb/*`]);
    const [other] = documentsOf(permissions(CASES[13][1]));
    assert.equal(other.name, 'BucketOwner.permissions.json', 'the CATALOG_ROLE reads the catalog');
    const read = bySid(parsed(other).Statement, 'ReadDataCatalog');
    assert.ok(!list(read.Action).includes('glue:CreateDatabase'));
    assert.ok(list(read.Resource).every((r) => r.startsWith(`arn:aws:glue:us-east-2:${OTHER_ACCOUNT}:`)), JSON.stringify(read.Resource));
  });

  it('reads the federated database\'s secret, the Kinesis streams and the MSK topics', () => {
    assert.deepEqual(statementsOf(CASES[14][1]).map((st) => [st.Action, st.Resource]), [['secretsmanager:GetSecretValue', `arn:aws:secretsmanager:us-west-2:${ACCOUNT}:secret:pg-AbCdEf`]]);
    const kinesis = statementsOf(CASES[16][1], { account: ACCOUNT, region: 'us-east-1' });
    assert.equal(bySid(kinesis, 'ReadStreams').Resource, `arn:aws:kinesis:us-east-1:${ACCOUNT}:stream/*`);
    assert.equal(bySid(kinesis, 'ListStreams').Resource, '*');
    const msk = statementsOf(CASES[17][1]);
    assert.equal(bySid(msk, 'ReadTopics').Resource, `arn:aws:kafka:us-east-1:${ACCOUNT}:topic/MyCluster/abcd1234-0123-abcd-5678-1234abcd-1/*`);
    assert.equal(bySid(msk, 'UseConsumerGroups').Resource, `arn:aws:kafka:us-east-1:${ACCOUNT}:group/MyCluster/abcd1234-0123-abcd-5678-1234abcd-1/*`);
    assert.deepEqual(statementsOf(CASES[18][1]).map((st) => st.Sid), ['GetBootstrapBrokers']);
  });

  it('invokes the Lambda function', () => {
    assert.deepEqual(statementsOf(CASES[19][1], { account: ACCOUNT, region: 'us-east-1' }).map((st) => [st.Action, st.Resource]), [['lambda:InvokeFunction', `arn:aws:lambda:us-east-1:${ACCOUNT}:function:redshift-sum`]]);
    assert.equal(statementsOf(CASES[20][1])[0].Resource, `arn:aws:lambda:us-west-2:${ACCOUNT}:function:redshift-sum`);
  });

  it('lets CREATE MODEL train with SageMaker on its bucket and pass its own role', () => {
    const statements = statementsOf(CASES[21][1]);
    assert.deepEqual(bySid(statements, 'PassThisRoleToSageMaker'), {
      Sid: 'PassThisRoleToSageMaker', Effect: 'Allow', Action: 'iam:PassRole', Resource: ROLE, Condition: { StringEquals: { 'iam:PassedToService': 'sagemaker.amazonaws.com' } },
    });
    assert.deepEqual(bySid(statements, 'ListTrainingBuckets').Resource, ['arn:aws:s3:::example-bucket', 'arn:aws:s3:::redshift-downloads']);
    assert.ok(list(bySid(statements, 'RunSageMakerJobs').Action).includes('sagemaker:*Job*'));
    const withDefault = statementsOf(CASES[22][1], { defaultRole: `arn:aws:iam::${ACCOUNT}:role/DefaultRedshiftRole` });
    assert.equal(bySid(withDefault, 'PassThisRoleToSageMaker').Resource, `arn:aws:iam::${ACCOUNT}:role/DefaultRedshiftRole`);
    assert.ok(bySid(withDefault, 'UseKmsKey'));
    const [placeholder] = documentsOf(permissions(CASES[22][1]));
    assert.equal(placeholder.name, 'default-role.permissions.json');
    assert.ok(placeholder.placeholders?.includes('YOUR_DEFAULT_ROLE'));
  });

  const refused: [string, string, Omit<PermissionsInput, 'text' | 'offset'>, RegExp][] = [
    ['a statement without AWS access', 'SELECT * FROM sales;', {}, /There is no COPY, UNLOAD/],
    ['CREATE MODEL without S3_BUCKET', `CREATE MODEL m FROM t TARGET b FUNCTION f IAM_ROLE '${ROLE}';`, {}, /S3_BUCKET/],
    ['an external schema on a Hive metastore', `CREATE EXTERNAL SCHEMA h FROM HIVE METASTORE DATABASE 'db' URI '10.0.0.1' PORT 9083 IAM_ROLE '${ROLE}';`, {}, /HIVE METASTORE is not one/],
    ['a federated schema without secret', `CREATE EXTERNAL SCHEMA apg FROM POSTGRES DATABASE 'db' URI 'h' IAM_ROLE '${ROLE}';`, {}, /names no SECRET_ARN/],
    ['a templated source', `COPY t FROM '{{ source }}' IAM_ROLE '${ROLE}';`, {}, /names no AWS resource/],
    ['a bad account', CASES[0][1], { account: '1234' }, /4 digits/],
    ['a bad Region', CASES[0][1], { region: 'mars-1' }, /not an AWS Region/],
    ['a bad default role', CASES[22][1], { defaultRole: `arn:aws:iam::${ACCOUNT}:user/bob` }, /not a role ARN/],
    ['a malformed role in the statement', `COPY t FROM 's3://b/k' IAM_ROLE 'arn:aws:iam::${ACCOUNT}:user/bob';`, {}, /role, arn:aws:iam::\d+:user\/bob, is not a valid role ARN/],
    ['a malformed first role of a chain', `COPY t FROM 's3://b/k' IAM_ROLE 'arn:aws:iam::1234567890123:role/a,${ROLE}';`, {}, /role 1 of 2 in its chain, arn:aws:iam::1234567890123:role\/a, is not a valid role ARN/],
  ];
  for (const [what, sql, values, message] of refused) {
    it(`refuses ${what}`, () => assert.match(problemOf(permissions(sql, values)), message));
  }
});
