/** The SQL quick fixes, applied to the text: what the user gets after choosing the fix. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding } from '../../server/src/service/types';
import { applyFix, findingsOf } from '../helpers';

function sqlFindings(text: string, rule: string): Finding[] {
  return findingsOf(text, 'sql', 'file:///test/fixes.sql').filter((f) => f.rule === rule);
}

/** Applies the first fix of the first finding of `rule` (or the fix with that title). */
function fixed(text: string, rule: string, title?: string): string {
  const finding = sqlFindings(text, rule)[0];
  assert.ok(finding, `no ${rule} finding in ${text}`);
  const fix = title ? finding.fixes?.find((f) => f.title === title) : finding.fixes?.[0];
  assert.ok(fix, `no fix on ${rule}: ${finding.message}`);
  return applyFix(text, fix);
}

const A = 'arn:aws:iam::123456789012:role/RoleA';
const B = 'arn:aws:iam::210987654321:role/RoleB';

describe('sql quick fixes', () => {
  it('removes the spaces of a role chain', () => {
    assert.equal(fixed(`COPY t FROM 's3://b/k' IAM_ROLE ' ${A},  ${B} ';`, 'iam-role-chain'), `COPY t FROM 's3://b/k' IAM_ROLE '${A},${B}';`);
  });

  it('drops a trailing comma and an empty element', () => {
    assert.equal(fixed(`COPY t FROM 's3://b/k' IAM_ROLE '${A},';`, 'iam-role-chain'), `COPY t FROM 's3://b/k' IAM_ROLE '${A}';`);
    assert.equal(fixed(`COPY t FROM 's3://b/k' IAM_ROLE '${A},,${B}';`, 'iam-role-chain'), `COPY t FROM 's3://b/k' IAM_ROLE '${A},${B}';`);
  });

  it('straightens typographic quotes', () => {
    assert.equal(fixed(`COPY t FROM 's3://b/k' IAM_ROLE ‘${A}’;`, 'typographic-quotes'), `COPY t FROM 's3://b/k' IAM_ROLE '${A}';`);
    assert.equal(fixed('SELECT “total” FROM t;', 'typographic-quotes'), 'SELECT "total" FROM t;');
  });

  it('turns a double-quoted value into a string', () => {
    assert.equal(fixed(`COPY t FROM 's3://b/k' IAM_ROLE "${A}";`, 'double-quoted-value'), `COPY t FROM 's3://b/k' IAM_ROLE '${A}';`);
  });

  it("rewrites CREDENTIALS 'aws_iam_role=…' as IAM_ROLE, keeping the root key", () => {
    assert.equal(fixed(`COPY t FROM 's3://b/k' CREDENTIALS 'aws_iam_role=${A}';`, 'prefer-iam-role'), `COPY t FROM 's3://b/k' IAM_ROLE '${A}';`);
    assert.equal(
      fixed(`COPY t FROM 's3://b/k' WITH CREDENTIALS AS 'aws_iam_role=${A};master_symmetric_key=K1=' ENCRYPTED;`, 'prefer-iam-role'),
      `COPY t FROM 's3://b/k' IAM_ROLE '${A}' MASTER_SYMMETRIC_KEY 'K1=' ENCRYPTED;`,
    );
  });

  it('replaces plain-text keys with an IAM_ROLE clause to fill in', () => {
    const text = "COPY t FROM 's3://b/k'\nACCESS_KEY_ID 'AKIAIOSFODNN7EXAMPLE'\nSECRET_ACCESS_KEY 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'\nREGION 'us-east-1';";
    assert.equal(fixed(text, 'plaintext-secret'), "COPY t FROM 's3://b/k'\nIAM_ROLE 'arn:aws:iam::<account-id>:role/<role-name>'\nREGION 'us-east-1';");
    const credentials = "UNLOAD ('select 1') TO 's3://b/o/' CREDENTIALS 'aws_access_key_id=AKIAIOSFODNN7EXAMPLE;aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY;master_symmetric_key=K1=' ENCRYPTED;";
    assert.equal(fixed(credentials, 'plaintext-secret'), "UNLOAD ('select 1') TO 's3://b/o/' IAM_ROLE 'arn:aws:iam::<account-id>:role/<role-name>' MASTER_SYMMETRIC_KEY 'K1=' ENCRYPTED;");
  });

  it('never repeats a key or a secret in a message', () => {
    const text = "COPY t FROM 's3://b/k' ACCESS_KEY_ID 'ASIAIOSFODNN7EXAMPLE' SECRET_ACCESS_KEY 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';\n" +
      "COPY t FROM 's3://b/k' CREDENTIALS 'aws_access_key_id=ASIAIOSFODNN7EXAMPLE;aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY;aws_secret_access_key=x';";
    const findings = findingsOf(text, 'sql');
    assert.ok(findings.some((f) => f.rule === 'plaintext-secret') && findings.some((f) => f.rule === 'temporary-key-without-token'));
    for (const f of findings) assert.doesNotMatch(f.message, /IOSFODNN7|bPxRfiCY/, f.message);
  });

  it('adds IAM_ROLE default after the path, in its place among the CREATE MODEL keywords, or a role to fill in for COPY JOB', () => {
    assert.equal(fixed("UNLOAD ('select 1') TO 's3://b/o/' PARALLEL OFF;", 'missing-authorization'), "UNLOAD ('select 1') TO 's3://b/o/' IAM_ROLE default PARALLEL OFF;");
    assert.equal(fixed("COPY t FROM 's3://b/in/' JOB CREATE j;", 'missing-authorization'), "COPY t FROM 's3://b/in/' IAM_ROLE 'arn:aws:iam::<account-id>:role/<role-name>' JOB CREATE j;");
    // CREATE MODEL keywords come in the documented order: IAM_ROLE before AUTO, MODEL_TYPE, … SETTINGS, after SAGEMAKER.
    assert.equal(fixed("CREATE MODEL m FROM (SELECT settings, y FROM t) TARGET y FUNCTION f AUTO OFF SETTINGS (S3_BUCKET 'b');", 'missing-authorization'),
      "CREATE MODEL m FROM (SELECT settings, y FROM t) TARGET y FUNCTION f IAM_ROLE default AUTO OFF SETTINGS (S3_BUCKET 'b');");
    // A keyword before FUNCTION (here the target column) is not where IAM_ROLE goes.
    assert.equal(fixed("CREATE MODEL m FROM t TARGET objective FUNCTION f AUTO OFF SETTINGS (S3_BUCKET 'b');", 'missing-authorization'),
      "CREATE MODEL m FROM t TARGET objective FUNCTION f IAM_ROLE default AUTO OFF SETTINGS (S3_BUCKET 'b');");
    assert.equal(fixed("CREATE MODEL m FUNCTION f (varchar, int) RETURNS int SAGEMAKER 'endpoint';", 'missing-authorization'),
      "CREATE MODEL m FUNCTION f (varchar, int) RETURNS int SAGEMAKER 'endpoint' IAM_ROLE default;");
    assert.equal(fixed("CREATE EXTERNAL MODEL m FUNCTION f MODEL_TYPE BEDROCK SETTINGS (MODEL_ID 'x');", 'missing-authorization'),
      "CREATE EXTERNAL MODEL m FUNCTION f IAM_ROLE default MODEL_TYPE BEDROCK SETTINGS (MODEL_ID 'x');");
  });

  it('offers no clause to add while a string or name of the statement is unclosed, which the clause would land in', () => {
    for (const text of ["COPY t FROM 's3://b/k\n", "UNLOAD ('select 1') TO 's3://b/k\n", 'CREATE MODEL m FROM t TARGET c FUNCTION "f\n']) {
      const [finding] = sqlFindings(text, 'missing-authorization');
      assert.ok(finding, text);
      assert.equal(finding.fixes, undefined, text);
    }
  });

  it('removes a stray character or fixes the case of a CREDENTIALS key', () => {
    assert.equal(fixed("COPY t FROM 's3://b/k' CREDENTIALS 'aws_access_key_id=<id>;<aws_secret_access_key=<s>';", 'credentials-string'),
      "COPY t FROM 's3://b/k' CREDENTIALS 'aws_access_key_id=<id>;aws_secret_access_key=<s>';");
    assert.equal(fixed(`COPY t FROM 's3://b/k' CREDENTIALS 'AWS_IAM_ROLE=${A}';`, 'credentials-string'), `COPY t FROM 's3://b/k' CREDENTIALS 'aws_iam_role=${A}';`);
  });

  it("removes the quotes of 'default', quotes SESSION, renames TOKEN and strips aws_iam_role=", () => {
    assert.equal(fixed("COPY t FROM 's3://b/k' IAM_ROLE 'default';", 'iam-role-default'), "COPY t FROM 's3://b/k' IAM_ROLE default;");
    assert.equal(fixed("ALTER EXTERNAL SCHEMA s IAM_ROLE SESSION;", 'iam-role-session'), "ALTER EXTERNAL SCHEMA s IAM_ROLE 'SESSION';");
    assert.equal(fixed("COPY t FROM 's3://b/k' ACCESS_KEY_ID '<id>' SECRET_ACCESS_KEY '<s>' TOKEN '<t>';", 'access-keys'),
      "COPY t FROM 's3://b/k' ACCESS_KEY_ID '<id>' SECRET_ACCESS_KEY '<s>' SESSION_TOKEN '<t>';");
    assert.equal(fixed(`COPY t FROM 's3://b/k' IAM_ROLE 'aws_iam_role=${A}';`, 'iam-role-arn'), `COPY t FROM 's3://b/k' IAM_ROLE '${A}';`);
  });

  it("writes fixes inside EXECUTE '…' with doubled quotes", () => {
    const text = `CREATE PROCEDURE p() AS $$ BEGIN EXECUTE 'COPY t FROM ''s3://b/k'' IAM_ROLE ‘${A}’'; END; $$ LANGUAGE plpgsql;`;
    assert.equal(fixed(text, 'typographic-quotes'), `CREATE PROCEDURE p() AS $$ BEGIN EXECUTE 'COPY t FROM ''s3://b/k'' IAM_ROLE ''${A}'''; END; $$ LANGUAGE plpgsql;`);
    const chain = `CREATE PROCEDURE p() AS $$ BEGIN EXECUTE 'UNLOAD (''select 1'') TO ''s3://b/'' IAM_ROLE ''${A}, ${B}'''; END; $$ LANGUAGE plpgsql;`;
    const finding = sqlFindings(chain, 'iam-role-chain')[0];
    assert.equal(chain.slice(finding.offset, finding.offset + finding.length), ' ');
    assert.equal(fixed(chain, 'iam-role-chain'), chain.replace(`${A}, ${B}`, `${A},${B}`));
  });
});
