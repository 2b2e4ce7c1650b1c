import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { accessAt, accessOf, roleChainAt } from '../../server/src/service/sql/access';
import { chainElements } from '../../server/src/service/sql/roles';
import { join } from 'node:path';
import { lex } from '../../server/src/service/sql/lexer';
import { boundariesOf, inComment, modelAround, parseSql, statementAt, statementIn, type SqlStatement } from '../../server/src/service/sql/statements';
import { SQL_RULES } from '../../server/src/service/sql/rules';
import { sqlFindingSteps } from '../../server/src/service/sql';
import { finish } from '../../server/src/service/steps';
import { collect, mutate, prng } from '../fuzz';
import { findingsOf, FIXTURES, ROOT } from '../helpers';

/** Findings in a fixed order, to compare them as sets. */
const sorted = (findings: object[]) => findings.map((f) => JSON.stringify(f)).sort();

const A = 'arn:aws:iam::123456789012:role/RoleA';
const B = 'arn:aws:iam::210987654321:role/RoleB';

/** A check of the whole text, as validation makes one: what it finds of the statement boundaries is what
 * later questions about edited texts start from. */
function check(text: string): void {
  finish(sqlFindingSteps(text, (_id, _findings, run) => run(() => {})));
}

function only(text: string): SqlStatement {
  const { statements } = parseSql(text);
  assert.equal(statements.length, 1, `statements of ${text}`);
  return statements[0];
}

/** `NAME=value` for each clause (value as written, modifier after a slash). */
function clauses(statement: SqlStatement): string[] {
  return statement.clauses.map((c) => `${c.name}${c.value ? `=${c.value.text}` : ''}${c.modifier ? `/${c.modifier}` : ''}`);
}

describe('sql statements: COPY', () => {
  it('finds the source, the role chain and the options of a COPY from Amazon S3', () => {
    const text = `copy venue\nfrom 's3://companyb/redshift/venue_pipe_'\niam_role '${A},${B}'\nmanifest region as 'us-west-2';`;
    const s = only(text);
    assert.equal(s.kind, 'copy');
    assert.equal(s.label, 'COPY');
    assert.equal(s.source, 'S3');
    assert.deepEqual(clauses(s), ['FROM=s3://companyb/redshift/venue_pipe_', `IAM_ROLE=${A},${B}`, 'MANIFEST', 'REGION=us-west-2']);
    const role = s.clauses[1];
    assert.equal(text.slice(role.keyword.start, role.keyword.end), 'iam_role');
    assert.equal(text.slice(role.value!.offset, role.value!.offset + A.length), A);
    assert.equal(text.slice(role.start, role.end), `iam_role '${A},${B}'`);
    assert.equal(text.slice(s.head.start, s.head.end), 'copy');
    assert.equal(s.end, text.length - 1);
  });

  it('reads keywords in any case and keeps the value as written', () => {
    const s = only("COPY t FROM 's3://b/k' IAM_Role DEFAULT Encrypted master_symmetric_key 'K='");
    assert.deepEqual(clauses(s), ['FROM=s3://b/k', 'IAM_ROLE=DEFAULT', 'ENCRYPTED', 'MASTER_SYMMETRIC_KEY=K=']);
  });

  it('reads [WITH] CREDENTIALS [AS] and the key parameters', () => {
    const text = "copy t from 'dynamodb://Movies' with credentials as 'aws_iam_role=x' readratio 50;\n" +
      "copy t from 's3://b/k' access_key_id 'AKIA' secret_access_key 'S' session_token 'T';";
    const [dynamo, keys] = parseSql(text).statements;
    assert.deepEqual(clauses(dynamo), ['FROM=dynamodb://Movies', 'CREDENTIALS=aws_iam_role=x']);
    assert.equal(dynamo.source, 'DYNAMODB');
    const credentials = dynamo.clauses[1];
    assert.equal(text.slice(credentials.keyword.start, credentials.keyword.end), 'with credentials as');
    assert.deepEqual(clauses(keys), ['FROM=s3://b/k', 'ACCESS_KEY_ID=AKIA', 'SECRET_ACCESS_KEY=S', 'SESSION_TOKEN=T']);
  });

  it('tells COPY from EMR, from remote hosts (SSH) and its JSONPaths file', () => {
    const [emr, ssh, json] = parseSql("copy t from 'emr://j-SAMPLE/myoutput/part-*' iam_role default;\n" +
      "copy t from 's3://b/ssh_manifest' iam_role default ssh;\n" +
      "copy t from 's3://b/data' iam_role default format as json 's3://b/paths.json';").statements;
    assert.equal(emr.source, 'EMR');
    assert.equal(accessOf(emr).emrClusterId, 'j-SAMPLE');
    assert.equal(ssh.source, 'SSH');
    assert.deepEqual(accessOf(json).s3Reads, ['s3://b/data', 's3://b/paths.json']);
  });

  it('tells COPY JOB CREATE from COPY JOB management commands', () => {
    const [create, run] = parseSql(`COPY t FROM 's3://b/p/' IAM_ROLE '${A}' JOB CREATE my_job AUTO ON; COPY JOB RUN my_job;`).statements;
    assert.equal(create.kind, 'copy-job');
    assert.deepEqual(clauses(create), ['FROM=s3://b/p/', `IAM_ROLE=${A}`, 'JOB=my_job']);
    assert.equal(run.kind, 'other');
    assert.deepEqual(run.clauses, []);
  });

  it('keeps a value-less IAM_ROLE without swallowing the next clause', () => {
    assert.deepEqual(clauses(only("copy t from 's3://b/k' iam_role region 'us-east-1'")), ['FROM=s3://b/k', 'IAM_ROLE', 'REGION=us-east-1']);
    assert.deepEqual(clauses(only("copy t from 's3://b/k' iam_role")), ['FROM=s3://b/k', 'IAM_ROLE']);
    assert.deepEqual(clauses(only("copy t from 's3://b/k' iam_role MyRole")), ['FROM=s3://b/k', 'IAM_ROLE=MyRole']);
  });

  it('ignores words inside parentheses (column lists)', () => {
    assert.deepEqual(clauses(only("copy t (region, iam_role) from 's3://b/k' iam_role default")), ['FROM=s3://b/k', 'IAM_ROLE=default']);
  });
});

describe('sql statements: UNLOAD and CREATE LIBRARY', () => {
  it('finds the target and the encryption options of UNLOAD', () => {
    const s = only("unload ('select * from venue where x = ''a''') to 's3://b/venue_' iam_role default encrypted auto kms_key_id '1234' manifest verbose cleanpath allowoverwrite");
    assert.equal(s.kind, 'unload');
    assert.deepEqual(clauses(s), ['TO=s3://b/venue_', 'IAM_ROLE=default', 'ENCRYPTED/AUTO', 'KMS_KEY_ID=1234', 'MANIFEST/VERBOSE', 'CLEANPATH', 'ALLOWOVERWRITE']);
    const access = accessOf(s);
    assert.deepEqual(access.s3Writes, ['s3://b/venue_']);
    assert.equal(access.s3Deletes, true);
    assert.equal(access.kmsKeyId, '1234');
    assert.equal(access.authorization, 'default');
  });

  it('reads UNLOAD ($$ … $$)', () => {
    assert.deepEqual(clauses(only("UNLOAD ($$ select 'x' $$) TO 's3://b/p' IAM_ROLE default")), ['TO=s3://b/p', 'IAM_ROLE=default']);
  });

  it('reads CREATE [OR REPLACE] LIBRARY', () => {
    const s = only("create or replace library f_urlparse language plpythonu from 's3://mybucket/urlparse3-1.0.3.zip' credentials 'aws_iam_role=x' region as 'us-east-1'");
    assert.equal(s.kind, 'create-library');
    assert.deepEqual(clauses(s), ['FROM=s3://mybucket/urlparse3-1.0.3.zip', 'CREDENTIALS=aws_iam_role=x', 'REGION=us-east-1']);
  });
});

describe('sql statements: external schemas, functions, models, databases', () => {
  it('reads each CREATE EXTERNAL SCHEMA source', () => {
    const text = `
      create external schema a from data catalog database 'db' region 'us-west-2' iam_role '${A}' catalog_role 'SESSION' create external database if not exists;
      create external schema b from hive metastore database 'hive_db' uri '172.10.10.10' port 99 iam_role default;
      create external schema c from postgres database 'pg' schema 'public' uri 'host' iam_role 'SESSION' secret_arn 'arn:aws:secretsmanager:us-east-1:123456789012:secret:pg';
      create external schema d from kinesis iam_role default;
      create external schema e from msk iam_role default authentication iam cluster_arn 'arn:aws:kafka:us-east-1:123456789012:cluster/c/1';
      create external schema f from kafka authentication none uri 'broker:9092';
      create external schema g from redshift database 'shared';
      create external schema h database 'db' iam_role default;`;
    const statements = parseSql(text).statements;
    assert.deepEqual(statements.map((s) => [s.kind, s.source]), [
      ['create-external-schema', 'DATA CATALOG'], ['create-external-schema', 'HIVE METASTORE'], ['create-external-schema', 'POSTGRES'],
      ['create-external-schema', 'KINESIS'], ['create-external-schema', 'MSK'], ['create-external-schema', 'KAFKA'],
      ['create-external-schema', 'REDSHIFT'], ['create-external-schema', 'DATA CATALOG'],
    ]);
    assert.deepEqual(clauses(statements[0]), ['DATABASE=db', 'REGION=us-west-2', `IAM_ROLE=${A}`, 'CATALOG_ROLE=SESSION']);
    assert.deepEqual(clauses(statements[2]), ['DATABASE=pg', 'SCHEMA=public', 'URI=host', 'IAM_ROLE=SESSION', 'SECRET_ARN=arn:aws:secretsmanager:us-east-1:123456789012:secret:pg']);
    assert.equal(accessOf(statements[2]).authorization, 'session');
    assert.equal(accessOf(statements[4]).clusterArn, 'arn:aws:kafka:us-east-1:123456789012:cluster/c/1');
  });

  it('reads ALTER EXTERNAL SCHEMA', () => {
    const s = only("ALTER EXTERNAL SCHEMA s IAM_ROLE 'arn:aws:iam::012345678901:role/testrole'");
    assert.equal(s.kind, 'alter-external-schema');
    assert.deepEqual(clauses(s), ['IAM_ROLE=arn:aws:iam::012345678901:role/testrole']);
  });

  it('reads the Lambda or SageMaker target of CREATE EXTERNAL FUNCTION', () => {
    const [lambda, sagemaker] = parseSql(`create or replace external function f(varchar) returns varchar volatile lambda 'exampleLambdaFunction' iam_role '${A}' retry_timeout 0;
      CREATE EXTERNAL FUNCTION g(int) RETURNS int VOLATILE SAGEMAKER'my-endpoint' IAM_ROLE default;`).statements;
    assert.equal(lambda.kind, 'create-external-function');
    assert.equal(accessOf(lambda).lambdaFunction, 'exampleLambdaFunction');
    assert.equal(accessOf(sagemaker).sagemakerEndpoint, 'my-endpoint');
  });

  it('reads CREATE MODEL settings and ignores the training query', () => {
    const s = only("CREATE MODEL m FROM (select region, iam_role from t) TARGET y FUNCTION f_predict IAM_ROLE default SETTINGS (S3_BUCKET 'bucket', KMS_KEY_ID 'key-id', MAX_CELLS 1000)");
    assert.equal(s.kind, 'create-model');
    assert.deepEqual(clauses(s), ['FUNCTION=f_predict', 'IAM_ROLE=default', 'S3_BUCKET=bucket', 'KMS_KEY_ID=key-id']);
    assert.equal(accessOf(s).s3Bucket, 'bucket');
  });

  it('reads CREATE EXTERNAL MODEL', () => {
    const s = only(`CREATE EXTERNAL MODEL llm FUNCTION llm_fn IAM_ROLE '${A}' MODEL_TYPE BEDROCK SETTINGS (MODEL_ID 'anthropic.claude-v2', PROMPT 'x')`);
    assert.equal(s.kind, 'create-external-model');
    assert.deepEqual(clauses(s), ['FUNCTION=llm_fn', `IAM_ROLE=${A}`, 'MODEL_ID=anthropic.claude-v2']);
  });

  it('reads CREATE DATABASE from an ARN or an integration', () => {
    const [arn, integration] = parseSql(`CREATE DATABASE d FROM ARN 'arn:aws:glue:us-east-1:123456789012:catalog/x' WITH DATA CATALOG SCHEMA 'sch' IAM_ROLE 'SESSION';
      CREATE DATABASE z FROM INTEGRATION 'a1b2' DATABASE 'src';`).statements;
    assert.equal(arn.kind, 'create-database');
    assert.equal(arn.source, 'ARN');
    assert.deepEqual(clauses(arn), ['ARN=arn:aws:glue:us-east-1:123456789012:catalog/x', 'SCHEMA=sch', 'IAM_ROLE=SESSION']);
    assert.equal(integration.source, 'INTEGRATION');
    assert.deepEqual(clauses(integration), ['INTEGRATION=a1b2', 'DATABASE=src']);
  });
});

describe('sql statements: GRANT and REVOKE', () => {
  it('reads every target of GRANT ASSUMEROLE and the commands', () => {
    const s = only(`grant assumerole on '${A},${B}', '${A}' to reg_user1 for copy, unload, external function`);
    assert.equal(s.kind, 'grant-assumerole');
    assert.deepEqual(clauses(s), [`ON=${A},${B}`, `ON=${A}`, 'FOR/COPY,UNLOAD,EXTERNAL FUNCTION']);
    assert.deepEqual(accessOf(s).commands, ['COPY', 'UNLOAD', 'EXTERNAL FUNCTION']);
  });

  it('reads REVOKE ASSUMEROLE ON default / ALL', () => {
    const [def, all] = parseSql('revoke assumerole on default from public for all; revoke assumerole on all from public for all;').statements;
    assert.equal(def.kind, 'revoke-assumerole');
    assert.deepEqual(clauses(def), ['ON=default', 'FOR/ALL']);
    assert.deepEqual(clauses(all), ['ON=all', 'FOR/ALL']);
  });

  it('reads GRANT … TO IAM_ROLE (Lake Formation)', () => {
    const s = only(`grant select on external table s.t to iam_role '${A}'`);
    assert.equal(s.kind, 'grant-iam-role');
    assert.deepEqual(clauses(s), [`IAM_ROLE=${A}`]);
  });

  it('leaves other statements alone, even with clause words as column names', () => {
    const s = only('select iam_role, region from sys_copy_job where job_name = \'x\'');
    assert.equal(s.kind, 'other');
    assert.deepEqual(s.clauses, []);
  });
});

describe('sql statements: splitting and positions', () => {
  it('splits on semicolons outside strings, comments and dollar quotes', () => {
    const text = "select ';'; -- ;\n/* ; */ select $$;$$; select 1";
    assert.equal(parseSql(text).statements.length, 3);
  });

  it('skips statements made only of comments', () => {
    assert.equal(parseSql('-- nothing\n/* here */;').statements.length, 0);
  });

  it('finds the statement under the cursor up to its semicolon', () => {
    const text = "copy a from 's3://x/' iam_role default  ; copy b from 's3://y/' iam_role ";
    assert.equal(statementAt(text, text.indexOf('  ;') + 1)?.tokens[1].start, text.indexOf('a from'));
    assert.equal(statementAt(text, text.length)?.tokens[1].start, text.indexOf('b from'));
  });

  it('marks templated statements and values', () => {
    const s = only("COPY {{ this }} FROM '{{ var(\"src\") }}' {{ auth() }}");
    assert.equal(s.templated, true);
    assert.equal(s.clauses[0].value?.templated, true);
    assert.equal(accessOf(s).authorization, 'templated');
  });

  it('splits a role chain with offsets, spaces included', () => {
    const text = `iam_role '${A}, ${B},'`;
    const value = only(`copy t from 's3://b/' ${text}`).clauses[1].value!;
    assert.deepEqual(chainElements(value).map((e) => e.text), [A, ` ${B}`, '']);
  });
});

describe('sql statements: stored procedures', () => {
  it('finds statements in a $$ procedure body, after BEGIN and IF … THEN', () => {
    const text = `CREATE OR REPLACE PROCEDURE p() AS $$
DECLARE n int;
BEGIN
  IF n > 0 THEN UNLOAD ('select 1') TO 's3://b/x_' IAM_ROLE '${A}'; END IF;
  COPY t FROM 's3://b/in/' IAM_ROLE default;
END;
$$ LANGUAGE plpgsql;`;
    const statements = parseSql(text).statements;
    assert.deepEqual(statements.map((s) => s.kind), ['create-procedure', 'other', 'unload', 'other', 'copy', 'other']);
    const unload = statements[2];
    assert.equal(unload.embedded, true);
    const value = unload.clauses[1].value!;
    assert.equal(text.slice(value.offset, value.offset + A.length), A);
    assert.equal(statementAt(text, value.offset)?.kind, 'unload');
  });

  it("finds the statement of a literal EXECUTE '…' with offsets into the document", () => {
    const text = `CREATE PROCEDURE p() AS $$ BEGIN EXECUTE 'COPY t FROM ''s3://b/k'' IAM_ROLE ''${A}'''; END; $$ LANGUAGE plpgsql;`;
    const copy = parseSql(text).statements.find((s) => s.kind === 'copy')!;
    assert.deepEqual(clauses(copy), ['FROM=s3://b/k', `IAM_ROLE=${A}`]);
    const value = copy.clauses[1].value!;
    assert.equal(text.slice(value.offset, value.offset + A.length), A);
    assert.equal(text.slice(value.start, value.end), `''${A}''`);
    assert.equal(copy.literal("it's"), "''it''''s''");
    assert.deepEqual(roleChainAt(text, value.offset + 3), [A]);
  });

  it('finds statements in a single-quoted procedure body', () => {
    const text = "CREATE PROCEDURE p() AS ' BEGIN UNLOAD (''select 1'') TO ''s3://b/'' IAM_ROLE default; END; ' LANGUAGE plpgsql;";
    const unload = parseSql(text).statements.find((s) => s.kind === 'unload')!;
    assert.deepEqual(clauses(unload), ['TO=s3://b/', 'IAM_ROLE=default']);
  });

  it('reports lexing problems inside a procedure body at their document offset', () => {
    const text = "CREATE PROCEDURE p() AS $$ BEGIN COPY t FROM 's3://b\nIAM_ROLE default; END; $$ LANGUAGE plpgsql;";
    assert.deepEqual(parseSql(text).problems.map((p) => p.offset), [text.indexOf("'s3://b")]);
  });
});

describe('sql statements: access model', () => {
  it('gives the role chain with offsets', () => {
    const text = `unload ('select 1') to 's3://companyb/redshift/venue_pipe_' iam_role '${A},${B}';`;
    const access = accessAt(text, 3)!;
    assert.equal(access.kind, 'unload');
    assert.equal(access.authorization, 'roles');
    assert.deepEqual(access.roles.map((r) => [r.arn, text.slice(r.offset, r.offset + r.length)]), [[A, A], [B, B]]);
    assert.deepEqual(access.s3Writes, ['s3://companyb/redshift/venue_pipe_']);
  });

  it('reads the role chain of a CREDENTIALS string', () => {
    const text = `copy t from 's3://b/k' credentials 'aws_iam_role=${A};master_symmetric_key=K' encrypted`;
    const access = accessAt(text, 0)!;
    assert.deepEqual(access.roles.map((r) => text.slice(r.offset, r.offset + r.length)), [A]);
    assert.equal(access.encrypted, true);
    assert.deepEqual(roleChainAt(text, 0), [A]);
  });

  it('says keys, default or none', () => {
    assert.equal(accessAt("copy t from 's3://b/k' access_key_id 'a' secret_access_key 'b'", 0)?.authorization, 'keys');
    assert.equal(accessAt("copy t from 's3://b/k'", 0)?.authorization, 'none');
    assert.equal(accessAt("copy t from 'dynamodb://T' iam_role default", 0)?.dynamoDbTable, 'T');
    assert.equal(accessAt('select 1', 0), undefined);
    assert.equal(roleChainAt("copy t from 's3://b/k' iam_role default", 5), null);
  });
});

describe('sql analysis: a large file', () => {
  /** Statements of every kind, a fifth of them with findings. */
  function file(statements: number): string {
    const kinds = [
      (i: number) => `COPY sales_${i} FROM 's3://bucket/data/${i}/' IAM_ROLE '${A},${B}' FORMAT AS CSV REGION 'us-east-1';`,
      (i: number) => `UNLOAD ('select * from t${i} where x = ''y''') TO 's3://bucket/out/${i}_' IAM_ROLE default MANIFEST ENCRYPTED KMS_KEY_ID 'k${i}'; -- ${i}`,
      (i: number) => `CREATE EXTERNAL SCHEMA s${i} FROM DATA CATALOG DATABASE 'db${i}' IAM_ROLE 'arn:aws:iam::123456789012:role/Spectrum${i}';`,
      (i: number) => `COPY t${i} FROM 's3://b/${i}' CREDENTIALS 'aws_access_key_id=AKIAIOSFODNN7EXAMPLE;<aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';`,
      (i: number) => `/* ${i} */ SELECT a, b FROM t${i} WHERE d = 'x' ORDER BY a;`,
    ];
    return Array.from({ length: statements }, (_, i) => kinds[i % kinds.length](i)).join('\n');
  }

  // Speed is measured by `npm run bench`; here, that every statement of a large file is analysed.
  it('finds the problems of every statement of a large file', () => {
    assert.equal(findingsOf(file(4_000), 'sql').filter((f) => f.rule === 'credentials-string').length, 800);
  });

  it('finds in parts what each rule finds reading all the statements at once, the lexer\'s problems once', () => {
    const text = `${file(4_500)}\nCOPY last FROM 's3://b/' IAM_ROLE 'arn:aws:iam::123456789012:role/R`;
    const model = parseSql(text);
    const whole = SQL_RULES.flatMap((rule) => {
      const found: object[] = [];
      rule.check(model, (f) => found.push({ ...f, rule: rule.id }));
      return found;
    });
    assert.ok(whole.some((f) => (f as { rule: string }).rule === 'sql-syntax'));
    assert.deepEqual(sorted(findingsOf(text, 'sql', 'file:///test/in-parts.sql').map(({ where, ...f }) => f)), sorted(whole));
  });
});

describe('sql analysis: a check after an edit', () => {
  it('finds what a check from scratch finds, after chains of edits anywhere (seeded)', () => {
    const random = prng(0xed17);
    const texts = [...collect(join(FIXTURES, 'sql'), /\.sql$/), ...collect(join(ROOT, 'examples'), /\.sql$/)];
    let compared = 0;
    for (const [n, original] of texts.entries()) {
      const uri = `file:///test/edited-${n}.sql`;
      let text = original;
      findingsOf(text, 'sql', uri);
      for (let k = 0; k < 12; k++) {
        text = mutate(k === 6 ? original : text, random);
        const strip = (fs: object[]) => fs.map(({ where, ...f }: { where?: string }) => f);
        assert.deepEqual(strip(findingsOf(text, 'sql', uri)), strip(findingsOf(text, 'sql', `file:///test/fresh-${n}-${k}.sql`)), `after edits:\n${text}`);
        compared++;
      }
    }
    assert.ok(compared > 300);
  });

  it('keeps each document\'s last check apart when two are edited in turn', () => {
    const random = prng(0x2d0c);
    const [first, second] = collect(join(FIXTURES, 'sql'), /\.sql$/);
    const texts = [first, second];
    texts.forEach((text, d) => findingsOf(text, 'sql', `file:///test/in-turn-${d}.sql`));
    for (let k = 0; k < 20; k++) {
      const d = k % 2;
      texts[d] = mutate(texts[d], random);
      assert.deepEqual(findingsOf(texts[d], 'sql', `file:///test/in-turn-${d}.sql`), findingsOf(texts[d], 'sql', `file:///test/in-turn-fresh-${k}.sql`));
    }
  });

  it('keeps the findings of the statements an edit left alone, moved with their text', () => {
    const statement = (n: number) => `COPY t${n} FROM 's3://b/${n}/' IAM_ROLE 'arn:aws:iam::123456789012:role/R${n}' CREDENTIALS 'aws_access_key_id=AKIAIOSFODNN7EXAMPLE';\n`;
    const before = Array.from({ length: 40 }, (_, n) => statement(n)).join('');
    const uri = 'file:///test/edited-statements.sql';
    assert.equal(findingsOf(before, 'sql', uri).filter((f) => f.rule === 'auth-exclusive').length, 40);
    // An edit that removes one statement's mistake: the others' findings stay, moved with their text.
    const edited = before.replace(statement(10), `-- comment\n${statement(10).replace(" CREDENTIALS 'aws_access_key_id=AKIAIOSFODNN7EXAMPLE'", '')}`);
    const after = findingsOf(edited, 'sql', uri);
    assert.equal(after.filter((f) => f.rule === 'auth-exclusive').length, 39);
    assert.deepEqual(after, findingsOf(edited, 'sql', 'file:///test/edited-statements-fresh.sql'));
  });
});

describe('sql statements: the model around the cursor', () => {
  /** What a question at the cursor reads of a statement, to compare two parses of it. */
  const summary = (s: SqlStatement | undefined) => s && JSON.stringify({
    kind: s.kind, start: s.start, end: s.end, stop: s.stop, head: s.head, templated: s.templated, embedded: s.embedded, source: s.source,
    tokens: s.tokens, clauses: s.clauses.map((c) => ({ ...c, value: c.value && { ...c.value } })), roles: s.roles.map((r) => r.elements.map((e) => [e.arn, e.arnOffset])),
  });

  it('answers at the cursor as a parse of the whole text would, after edits anywhere (seeded)', () => {
    const random = prng(0x5c0de);
    const texts = [...collect(join(FIXTURES, 'sql'), /\.sql$/), ...collect(join(ROOT, 'examples'), /\.sql$/)];
    assert.ok(texts.length > 20, `found ${texts.length} SQL files`);
    let compared = 0;
    for (const original of texts) {
      let text = original;
      for (let k = 0; k < 25; k++) {
        // The last check is of the text before the edits, as when completion comes before validation;
        // every other time, what was found of the text before the last edits carries over edits again.
        if (k % 2 === 0) {
          text = original;
          check(original);
        }
        text = mutate(text, random);
        for (let q = 0; q < 4; q++) {
          const offset = Math.floor(random() * (text.length + 1));
          const whole = parseSql(text);
          const around = modelAround(text, offset);
          assert.equal(summary(statementIn(around, offset)), summary(statementIn(whole, offset)), `at ${offset} of:\n${text}`);
          assert.equal(inComment(around, offset), inComment(whole, offset), `comment at ${offset} of:\n${text}`);
          compared++;
        }
        // What is known of the statement boundaries is all of them, and not later than the lexer reads them.
        const known = boundariesOf(text);
        const lexed = lex(text);
        assert.deepEqual(known.offsets, lexed.boundaries, `boundaries of:\n${text}`);
        assert.ok(known.reaches.every((r, k) => r >= lexed.reaches[k]), `reaches of:\n${text}`);
      }
    }
    assert.ok(compared > 2000);
  });

  it('parses only from the last statement the last check\'s text shares, to the end of the statement at the cursor', () => {
    const statement = (n: number) => `COPY t${n} FROM 's3://b/${n}/' IAM_ROLE '${A}';\n`;
    const before = Array.from({ length: 50 }, (_, n) => statement(n)).join('');
    check(before);
    const cursor = before.indexOf(statement(30)) + statement(30).indexOf(A);
    const text = `${before.slice(0, cursor)}x${before.slice(cursor)}`;
    const around = modelAround(text, cursor + 1);
    assert.deepEqual(around.statements.map((s) => text.slice(s.head.end + 1, s.head.end + 4)), ['t30']);
    assert.equal(statementIn(around, cursor + 1)?.roles[0].elements[0].arn, `x${A}`);
    // After an edit further up, the lexer reads from the statement before it to the first `;` where the
    // text before the edit had one, and the statements after it start where they did, moved; a `;` in a
    // string after the cursor does not end the statement.
    const upstream = `${text.slice(0, before.indexOf(statement(10)) + 3)}y${text.slice(before.indexOf(statement(10)) + 3)}`.replace(`'s3://b/30/'`, `'s3://b/;30/'`);
    assert.deepEqual(modelAround(upstream, cursor + 2).statements.map((s) => upstream.slice(s.head.end + 1, s.head.end + 4)), ['t30']);
    assert.equal(statementIn(modelAround(upstream, cursor + 2), cursor + 2)?.clauses[0].value?.value, 's3://b/;30/');
    const next = `${upstream.slice(0, cursor + 2)}y${upstream.slice(cursor + 2)}`;
    assert.deepEqual(modelAround(next, cursor + 3).statements.map((s) => next.slice(s.head.end + 1, s.head.end + 4)), ['t30']);
  });

  it('keeps the boundaries of a few scripts: going back to one neither lexes it again nor carries another over it', () => {
    const script = (name: string) => Array.from({ length: 400 }, (_, i) => `COPY ${name}${i} FROM 's3://b/${i}/' IAM_ROLE '${A}';\n`).join('');
    const [a, b] = [script('a'), script('b')];
    const ofA = boundariesOf(a);
    assert.deepEqual(ofA.offsets, lex(a).boundaries);
    assert.deepEqual(boundariesOf(b).offsets, lex(b).boundaries);
    assert.equal(boundariesOf(a), ofA);
    // An edit of the first is carried from its own boundaries, even after the second was asked about.
    boundariesOf(b);
    const at = a.indexOf('a200');
    const edited = `${a.slice(0, at)}'${a.slice(at)}`;
    assert.deepEqual(boundariesOf(edited).offsets, lex(edited).boundaries);
    assert.equal(boundariesOf(b).offsets.length, 400);
  });

  it('does not take a `;` right before an edit that opens a string for a place the lexer meets the old text again', () => {
    const text = `SELECT 1;x SELECT 2;\nCOPY t FROM 's3://b/' IAM_ROLE '${A}';\nSELECT 3;\n`;
    check(text);
    // The x after the first ';' becomes a quote: a string from there to the next quote swallows two ';'s.
    const edited = text.replace(';x', ";'");
    assert.deepEqual(boundariesOf(edited).offsets, lex(edited).boundaries);
    const cursor = edited.indexOf(A) + 3;
    assert.equal(summary(statementIn(modelAround(edited, cursor), cursor)), summary(statementIn(parseSql(edited), cursor)));
  });

  it('reads again from before a token whose end was looked for below, once an edit there may give it one', () => {
    const text = `SELECT $$ x;\nCOPY a FROM 's3://x/' IAM_ROLE default;\nCOPY b FROM 's3://y/' IAM_ROLE '${A}';\n`;
    check(text);
    // The dollar string that had no end now ends after the last statement, which it swallows.
    const edited = `${text}$$;`;
    const cursor = edited.indexOf(A) + 3;
    assert.equal(statementIn(parseSql(edited), cursor)?.kind, 'other');
    assert.equal(summary(statementIn(modelAround(edited, cursor), cursor)), summary(statementIn(parseSql(edited), cursor)));
  });

  it('lexes the stretch as the whole text is lexed: a backslash after a ";" is no psql command', () => {
    const text = `COPY a FROM 's3://x/' IAM_ROLE default; \\echo x\nCOPY b FROM 's3://y/' IAM_ROLE '${A}';`;
    check(text);
    const edited = text.replace(A, `${A}x`);
    const cursor = edited.indexOf(A) + 3;
    assert.equal(statementIn(parseSql(edited), cursor)?.templated, false);
    assert.equal(summary(statementIn(modelAround(edited, cursor), cursor)), summary(statementIn(parseSql(edited), cursor)));
  });
});
