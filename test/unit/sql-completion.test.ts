/** SQL completion and hover; `|` marks the cursor in the test text. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CompletionItem, MarkupContent, TextEdit } from 'vscode-languageserver-types';
import { documentOf, getService } from '../helpers';

const A = 'arn:aws:iam::123456789012:role/RoleA';
const B = 'arn:aws:iam::210987654321:role/RoleB';

function at(textWithCursor: string) {
  const offset = textWithCursor.indexOf('|');
  assert.ok(offset >= 0, 'the test text needs a | cursor');
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
  const doc = documentOf(text, 'sql', 'file:///test/completion.sql');
  return { doc, text, position: doc.positionAt(offset) };
}

function complete(textWithCursor: string, roleArns: string[] = []): CompletionItem[] {
  const { doc, position } = at(textWithCursor);
  return getService().complete(doc, position, undefined, roleArns);
}

function labels(textWithCursor: string, roleArns: string[] = []): string[] {
  return complete(textWithCursor, roleArns).map((i) => i.label);
}

/** The text after choosing the item labelled `label`, with snippet placeholders reduced to their text. */
function accept(textWithCursor: string, label: string, roleArns: string[] = []): string {
  const { doc, text } = at(textWithCursor);
  const item = complete(textWithCursor, roleArns).find((i) => i.label === label);
  assert.ok(item, `no item ${label}`);
  const edit = item.textEdit as TextEdit;
  const start = doc.offsetAt(edit.range.start);
  const end = doc.offsetAt(edit.range.end);
  const inserted = edit.newText.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, '').replace(/\\([$}\\])/g, '$1');
  return text.slice(0, start) + inserted + text.slice(end);
}

function hover(textWithCursor: string): string | undefined {
  const { doc, position } = at(textWithCursor);
  const result = getService().hover(doc, position);
  return result ? (result.contents as MarkupContent).value : undefined;
}

describe('sql completion: after IAM_ROLE', () => {
  it('offers default, a role ARN snippet, a chain snippet and ARNs from other documents', () => {
    assert.deepEqual(labels("COPY t FROM 's3://b/k' IAM_ROLE |", [B]), ['default', `'${B}'`, "'arn:aws:iam::…:role/…'", "'arn:…:role/A,arn:…:role/B'"]);
    assert.equal(accept("COPY t FROM 's3://b/k' IAM_ROLE |;", `'${B}'`, [B]), `COPY t FROM 's3://b/k' IAM_ROLE '${B}';`);
    assert.equal(accept("COPY t FROM 's3://b/k' IAM_ROLE |", "'arn:aws:iam::…:role/…'"), "COPY t FROM 's3://b/k' IAM_ROLE 'arn:aws:iam::<account-id>:role/<role-name>'");
  });

  it('replaces a partly typed word', () => {
    assert.equal(accept("COPY t FROM 's3://b/k' IAM_ROLE def|", 'default'), "COPY t FROM 's3://b/k' IAM_ROLE default");
  });

  it("offers no default where it isn't accepted, and 'SESSION' where it is", () => {
    assert.ok(!labels("COPY t FROM 's3://b/k' IAM_ROLE | JOB CREATE j").includes('default'));
    assert.ok(labels("CREATE EXTERNAL SCHEMA s FROM DATA CATALOG DATABASE 'db' IAM_ROLE |").includes("'SESSION'"));
    assert.ok(!labels("UNLOAD ('select 1') TO 's3://b/' IAM_ROLE |").includes("'SESSION'"));
    assert.deepEqual(labels("CREATE EXTERNAL SCHEMA s FROM DATA CATALOG DATABASE 'db' IAM_ROLE default CATALOG_ROLE |").slice(0, 1), ["'SESSION'"]);
  });

  it('offers default and ALL after GRANT ASSUMEROLE ON', () => {
    assert.deepEqual(labels('GRANT ASSUMEROLE ON | TO u FOR COPY').slice(0, 2), ['default', 'ALL']);
  });

  it("doubles the quotes inside EXECUTE '…'", () => {
    const text = "CREATE PROCEDURE p() AS $$ BEGIN EXECUTE 'COPY t FROM ''s3://b/k'' IAM_ROLE |'; END; $$ LANGUAGE plpgsql;";
    assert.equal(accept(text, `'${A}'`, [A]), text.replace('|', `''${A}''`));
  });
});

describe('sql completion: inside a role chain', () => {
  it('completes the ARN being typed, from other documents first', () => {
    assert.deepEqual(labels("COPY t FROM 's3://b/k' IAM_ROLE 'arn:aws:iam::1|'", [A]), [A, 'arn:aws:iam::…:role/…']);
    assert.equal(accept("COPY t FROM 's3://b/k' IAM_ROLE 'arn:aws:iam::1|'", A, [A]), `COPY t FROM 's3://b/k' IAM_ROLE '${A}'`);
  });

  it('offers the next role after a comma, without the roles already in the chain', () => {
    const items = complete(`UNLOAD ('select 1') TO 's3://b/' IAM_ROLE '${A},|'`, [A, B]);
    assert.deepEqual(items.map((i) => i.label), [B, 'arn:aws:iam::…:role/…']);
    assert.match(items[0].detail!, /Next role in the chain, assumed by RoleA/);
    assert.equal(accept(`UNLOAD ('select 1') TO 's3://b/' IAM_ROLE '${A},|'`, B, [A, B]), `UNLOAD ('select 1') TO 's3://b/' IAM_ROLE '${A},${B}'`);
  });

  it('works in an unterminated string being typed', () => {
    assert.deepEqual(labels("COPY t FROM 's3://b/k' IAM_ROLE '|\nREGION 'us-east-1';", [A]), [A, 'arn:aws:iam::…:role/…']);
  });

  it('offers SESSION inside the quotes where accepted', () => {
    assert.deepEqual(labels("ALTER EXTERNAL SCHEMA s IAM_ROLE '|'"), ['SESSION', 'arn:aws:iam::…:role/…']);
  });

  it('keeps the partition of the chain', () => {
    assert.deepEqual(labels("COPY t FROM 's3://b/k' IAM_ROLE 'arn:aws-cn:iam::123456789012:role/A,|'"), ['arn:aws-cn:iam::…:role/…']);
  });
});

describe('sql completion: CREDENTIALS', () => {
  it('offers the keys inside the string, without the root key of client-side encryption, which ended', () => {
    assert.deepEqual(labels("COPY t FROM 's3://b/k' CREDENTIALS '|'"), ['aws_iam_role', 'aws_access_key_id', 'aws_secret_access_key', 'token']);
  });

  it('offers only the keys that fit with those already there', () => {
    assert.deepEqual(labels(`COPY t FROM 's3://b/k' CREDENTIALS 'aws_iam_role=${A};|'`), []);
    assert.deepEqual(labels("COPY t FROM 's3://b/k' CREDENTIALS 'aws_access_key_id=<id>;|'"), ['aws_secret_access_key', 'token']);
  });

  it('offers role ARNs after aws_iam_role=', () => {
    assert.equal(accept("COPY t FROM 's3://b/k' CREDENTIALS 'aws_iam_role=|'", A, [A]), `COPY t FROM 's3://b/k' CREDENTIALS 'aws_iam_role=${A}'`);
  });

  it('offers a role-based string after CREDENTIALS', () => {
    assert.equal(accept("COPY t FROM 's3://b/k' WITH CREDENTIALS AS |", "'aws_iam_role=…'"), "COPY t FROM 's3://b/k' WITH CREDENTIALS AS 'aws_iam_role=arn:aws:iam::<account-id>:role/<role-name>'");
  });
});

describe('sql completion: clause keywords', () => {
  it('offers the clauses of the statement, without those already given', () => {
    const items = labels("COPY t FROM 's3://b/k' |");
    assert.ok(items.includes('IAM_ROLE') && items.includes('MANIFEST'));
    // Client-side encryption ended on April 30, 2026: COPY's ENCRYPTED and root keys are not offered.
    assert.ok(!items.includes('KMS_KEY_ID') && !items.includes('CLEANPATH') && !items.includes('MASTER_SYMMETRIC_KEY') && !items.includes('ENCRYPTED'));
    const unload = labels("UNLOAD ('select 1') TO 's3://b/' IAM_ROLE default |");
    assert.ok(unload.includes('KMS_KEY_ID') && unload.includes('CLEANPATH'));
    assert.ok(!unload.includes('IAM_ROLE') && !unload.includes('CREDENTIALS') && !unload.includes('ACCESS_KEY_ID'));
  });

  it('adds the ENCRYPTED that KMS_KEY_ID needs, unless the statement has it', () => {
    assert.equal(accept("UNLOAD ('select 1') TO 's3://b/' IAM_ROLE default |", 'KMS_KEY_ID'), "UNLOAD ('select 1') TO 's3://b/' IAM_ROLE default KMS_KEY_ID '' ENCRYPTED");
    assert.equal(accept("unload ('select 1') to 's3://b/' iam_role default encrypted |", 'KMS_KEY_ID'), "unload ('select 1') to 's3://b/' iam_role default encrypted kms_key_id ''");
  });

  it('offers the rest of the key pair once keys are used', () => {
    const items = labels("COPY t FROM 's3://b/k' ACCESS_KEY_ID '<id>' |");
    assert.ok(items.includes('SECRET_ACCESS_KEY') && items.includes('SESSION_TOKEN') && !items.includes('IAM_ROLE'));
  });

  it('writes keywords in the case of the statement, with quotes for values', () => {
    assert.equal(accept("copy t from 's3://b/k' iam_role default |", 'REGION'), "copy t from 's3://b/k' iam_role default region ''");
    assert.equal(accept("COPY t FROM 's3://b/k' |", 'IAM_ROLE'), "COPY t FROM 's3://b/k' IAM_ROLE ");
    assert.equal(complete("COPY t FROM 's3://b/k' |").find((i) => i.label === 'IAM_ROLE')?.command?.command, 'editor.action.triggerSuggest');
  });

  it('offers nothing where a value is expected, in comments, in other strings or other statements', () => {
    assert.deepEqual(labels("COPY t FROM |"), []);
    assert.deepEqual(labels("COPY t FROM 's3://b/k' REGION |"), []);
    assert.deepEqual(labels("COPY t FROM 's3://b/k' -- IAM_ROLE |\n"), []);
    assert.deepEqual(labels("COPY t FROM 's3://|b/k'"), []);
    assert.deepEqual(labels('SELECT * FROM t |'), []);
    assert.deepEqual(labels('|'), []);
  });
});

describe('sql completion right before a word or a value', () => {
  it('offers nothing that would be glued to it', () => {
    for (const text of ["COPY t FROM 's3://b/k' IAM_ROLE default\n|REGION 'us-east-1';", "COPY t FROM 's3://b/k' IAM_ROLE |'arn:aws:iam::123456789012:role/A';"]) {
      assert.deepEqual(labels(text), [], text);
    }
  });
});

describe('sql hover', () => {
  it('explains each hop of a chain and what each role needs', () => {
    const value = hover(`UNLOAD ('select 1') TO 's3://companyb/redshift/venue_pipe_' IAM_ROLE '${A},arn:aws:iam::210987654321:role/Ro|leB'`);
    assert.ok(value);
    assert.match(value, /RoleA in account 123456789012 assumes RoleB in account 210987654321/);
    assert.match(value, /\*\*RoleA\*\* in account `123456789012`: Redshift assumes it first/);
    assert.match(value, /allow `sts:AssumeRole` on `arn:aws:iam::210987654321:role\/RoleB`/);
    assert.match(value, /\*\*RoleB\*\* in account `210987654321` ← here: Assumed by RoleA: its trust policy must trust `arn:aws:iam::123456789012:role\/RoleA` \(or account `123456789012`\)/);
    assert.match(value, /`s3:PutObject`, `s3:GetObject`, `s3:ListBucket` on `s3:\/\/companyb\/redshift\/venue_pipe_`/);
  });

  it('shows a range that holds the cursor: a whole CREDENTIALS pair, a chain element without its spaces', () => {
    for (const [textWithCursor, shown] of [
      ["COPY t FROM 's3://b/k' CREDENTIALS 'aws_access_key_id=AKIDEX|AMPLE;aws_secret_access_key=<s>'", 'aws_access_key_id=AKIDEXAMPLE'],
      [`COPY t FROM 's3://b/k' IAM_ROLE '${A}, arn:aws:iam::210987654321:role/Ro|leB '`, 'arn:aws:iam::210987654321:role/RoleB'],
    ]) {
      const { doc, position } = at(textWithCursor);
      const result = getService().hover(doc, position)!;
      const [start, end] = [doc.offsetAt(result.range!.start), doc.offsetAt(result.range!.end)];
      assert.equal(doc.getText().slice(start, end), shown);
      assert.ok(start <= doc.offsetAt(position) && doc.offsetAt(position) <= end);
    }
    // On the space after a comma, no role is under the cursor.
    const { doc, position } = at(`COPY t FROM 's3://b/k' IAM_ROLE '${A},| arn:aws:iam::210987654321:role/RoleB'`);
    const result = getService().hover(doc, position);
    if (result?.range) assert.ok(doc.offsetAt(result.range.start) <= doc.offsetAt(position) && doc.offsetAt(position) <= doc.offsetAt(result.range.end));
  });

  it('explains a single role and its range', () => {
    const { doc, position } = at(`COPY t FROM 'dynamodb://Movies' IAM_ROLE 'arn:aws:iam::123456789012:role/Lo|ader' READRATIO 50`);
    const result = getService().hover(doc, position)!;
    assert.match((result.contents as MarkupContent).value, /`dynamodb:Scan`, `dynamodb:DescribeTable` on table `Movies`/);
    const text = doc.getText();
    assert.equal(text.slice(doc.offsetAt(result.range!.start), doc.offsetAt(result.range!.end)), 'arn:aws:iam::123456789012:role/Loader');
  });

  it('explains default, SESSION, CREDENTIALS keys and clause keywords', () => {
    assert.match(hover("COPY t FROM 's3://b/k' IAM_ROLE defa|ult")!, /set as the default of the cluster/);
    assert.match(hover("COPY t FROM 's3://b/k' IAM_ROLE def|ault JOB CREATE j")!, /COPY JOB does not accept it/);
    assert.match(hover("CREATE EXTERNAL SCHEMA s FROM DATA CATALOG DATABASE 'db' IAM_ROLE 'SES|SION'")!, /federated/);
    assert.match(hover("COPY t FROM 's3://b/k' CREDENTIALS 'aws_access_key_id=<id>;to|ken=<t>'")!, /session token/);
    assert.match(hover("UNLOAD ('select 1') TO 's3://b/' IAM_ROLE default KMS_K|EY_ID 'k' ENCRYPTED")!, /SSE-KMS/);
    assert.match(hover("COPY t FROM 's3://b/k' IAM_R|OLE default")!, /COPY accepts `default`, a chain of up to 10 role ARNs/);
    assert.match(hover("CREATE EXTERNAL FUNCTION f(int) RETURNS int VOLATILE LAMBDA 'f' CREDEN|TIALS 'x'")!, /does not accept it: use IAM_ROLE/);
  });

  it('summarises a statement on its head', () => {
    const value = hover(`CO|PY t FROM 's3://b/k' IAM_ROLE '${A},${B}'`)!;
    assert.match(value, /\*\*COPY\*\* from S3/);
    assert.match(value, /Authorization: role RoleA → RoleB/);
    assert.match(value, /`s3:GetObject`, `s3:ListBucket` on `s3:\/\/b\/k`/);
  });

  it('says nothing in comments or other statements', () => {
    assert.equal(hover(`COPY t FROM 's3://b/k' -- IAM_R|OLE '${A}'\n`), undefined);
    assert.equal(hover('SEL|ECT 1'), undefined);
  });
});
