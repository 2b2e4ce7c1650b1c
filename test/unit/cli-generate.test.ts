/** `redshift-iam generate` as users run it: the built dist/cli.js in a child process. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { findingsOf, ROOT } from '../helpers';
import { ruleMeta } from '../../server/src/service/rules';

const CLI = join(ROOT, 'dist', 'cli.js');
const ACCOUNT = '123456789012';
const ROLE_A = `arn:aws:iam::${ACCOUNT}:role/RoleA`;
const ROLE_B = 'arn:aws:iam::210987654321:role/etl/RoleB';
const ROLE_C = 'arn:aws:iam::210987654321:role/RoleC';

function run(...args: string[]) {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` first.');
  const result = spawnSync(process.execPath, [CLI, 'generate', ...args], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A refusal: exit status 2, one clear message, no stack trace, nothing on standard output. */
function assertRefused(result: ReturnType<typeof run>, message: RegExp): void {
  assert.equal(result.status, 2, result.stderr);
  assert.match(result.stderr, message);
  assert.doesNotMatch(result.stderr, /\n\s+at |Error:/);
  assert.equal(result.stdout, '');
}

function assertClean(text: string, name: string): void {
  const serious = findingsOf(text, 'json', `file:///generated/${name}`).filter((f) => ['error', 'warning'].includes(ruleMeta(f.rule)?.severity ?? 'error'));
  assert.deepEqual(serious.map((f) => `${f.where} ${f.rule} ${f.message}`), [], text);
}

const folders: string[] = [];
function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'redshift-iam-generate-'));
  folders.push(folder);
  return folder;
}
after(() => folders.forEach((f) => rmSync(f, { recursive: true, force: true })));

describe('generate trust', () => {
  it('prints a restricted trust policy', () => {
    const result = run('trust', '--account', ACCOUNT, '--region', 'us-east-1', '--region', 'us-west-2', '--cluster', 'analytics',
      '--dbuser', 'alice', '--dbuser', 'bob', '--source-arn', '--ml', '--restrict-regions');
    assert.equal(result.status, 0, result.stderr);
    assertClean(result.stdout, 'trust.json');
    const policy = JSON.parse(result.stdout);
    assert.deepEqual(policy.Statement[0].Principal.Service, ['redshift.us-east-1.amazonaws.com', 'redshift.us-west-2.amazonaws.com']);
    assert.deepEqual(policy.Statement[0].Condition.StringEquals['sts:ExternalId'], [
      `arn:aws:redshift:us-east-1:${ACCOUNT}:dbuser:analytics/alice`, `arn:aws:redshift:us-east-1:${ACCOUNT}:dbuser:analytics/bob`,
      `arn:aws:redshift:us-west-2:${ACCOUNT}:dbuser:analytics/alice`, `arn:aws:redshift:us-west-2:${ACCOUNT}:dbuser:analytics/bob`,
    ]);
    assert.deepEqual(policy.Statement[0].Condition.ArnEquals['aws:SourceArn'], [
      `arn:aws:redshift:us-east-1:${ACCOUNT}:cluster:analytics`, `arn:aws:redshift:us-west-2:${ACCOUNT}:cluster:analytics`,
    ]);
    assert.equal(policy.Statement[1].Principal.Service, 'sagemaker.amazonaws.com');
  });

  it('takes a Serverless workgroup, with the --opt=value form', () => {
    const workgroup = '1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d';
    const result = run('trust', `--account=${ACCOUNT}`, '--region=cn-north-1', `--workgroup=${workgroup}`, '--dbuser=alice', '--source-arn');
    assert.equal(result.status, 0, result.stderr);
    assertClean(result.stdout, 'trust.json');
    const statement = JSON.parse(result.stdout).Statement[0];
    assert.deepEqual(statement.Principal.Service, ['redshift.amazonaws.com', 'redshift-serverless.amazonaws.com']);
    assert.equal(statement.Condition.StringEquals['sts:ExternalId'], `arn:aws-cn:redshift:cn-north-1:${ACCOUNT}:dbuser:serverless-${ACCOUNT}-${workgroup}/alice`);
    assert.equal(statement.Condition.ArnEquals['aws:SourceArn'], `arn:aws-cn:redshift-serverless:cn-north-1:${ACCOUNT}:workgroup/${workgroup}`);
  });

  const refusals: [string, string[], RegExp][] = [
    ['a bad account', ['--account', '12345', '--region', 'us-east-1'], /"12345" has 5 digits; an AWS account ID has exactly 12/],
    ['a missing account', ['--region', 'us-east-1'], /needs --account/],
    ['a missing Region', ['--account', ACCOUNT], /needs --region/],
    ['a misspelt Region', ['--account', ACCOUNT, '--region', 'eu-wset-1'], /did you mean eu-west-1/],
    ['a bad cluster identifier', ['--account', ACCOUNT, '--region', 'us-east-1', '--cluster', 'My_Cluster'], /cluster identifier|lowercase/],
    ['a database user without cluster', ['--account', ACCOUNT, '--region', 'us-east-1', '--dbuser', 'alice'], /needs the cluster identifier/],
    ['both cluster and workgroup', ['--account', ACCOUNT, '--region', 'us-east-1', '--cluster', 'c', '--workgroup', 'w'], /not both/],
    ['an unknown option', ['--account', ACCOUNT, '--region', 'us-east-1', '--frobnicate'], /unknown option --frobnicate/],
    ['an option without its value', ['--account', ACCOUNT, '--region'], /--region needs a value/],
  ];
  for (const [what, args, message] of refusals) {
    it(`refuses ${what}`, () => assertRefused(run('trust', ...args), message));
  }
});

describe('generate chain', () => {
  it('writes one file per role and kind, and prints the IAM_ROLE clause', () => {
    const out = join(tempFolder(), 'policies');
    const result = run('chain', '--roles', `${ROLE_A},${ROLE_B},${ROLE_C}`, '--out', out);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, `IAM_ROLE '${ROLE_A},${ROLE_B},${ROLE_C}'\n`);
    assert.deepEqual(readdirSync(out).sort(), ['RoleA.permissions.json', 'RoleA.trust.json', 'RoleB.permissions.json', 'RoleB.trust.json', 'RoleC.trust.json']);
    for (const file of readdirSync(out)) assertClean(readFileSync(join(out, file), 'utf8'), file);
    assert.equal(JSON.parse(readFileSync(join(out, 'RoleB.trust.json'), 'utf8')).Statement[0].Principal.AWS, ROLE_A);
    assert.equal(JSON.parse(readFileSync(join(out, 'RoleB.permissions.json'), 'utf8')).Statement[0].Resource, ROLE_C);
    assert.equal(JSON.parse(readFileSync(join(out, 'RoleA.trust.json'), 'utf8')).Statement[0].Principal.Service, 'redshift.amazonaws.com');
  });

  it('trusts the previous account and restricts the first role when asked', () => {
    const out = tempFolder();
    const result = run('chain', '--roles', `${ROLE_A},${ROLE_B}`, '--out', out, '--trust', 'account', '--region', 'us-east-1', '--cluster', 'c1', '--dbuser', 'alice');
    assert.equal(result.status, 0, result.stderr);
    assert.equal(JSON.parse(readFileSync(join(out, 'RoleB.trust.json'), 'utf8')).Statement[0].Principal.AWS, `arn:aws:iam::${ACCOUNT}:root`);
    assert.equal(JSON.parse(readFileSync(join(out, 'RoleA.trust.json'), 'utf8')).Statement[0].Condition.StringEquals['sts:ExternalId'],
      `arn:aws:redshift:us-east-1:${ACCOUNT}:dbuser:c1/alice`);
  });

  it('refuses to overwrite existing files without --force, changing nothing', () => {
    const out = tempFolder();
    writeFileSync(join(out, 'RoleB.trust.json'), 'mine');
    const result = run('chain', '--roles', `${ROLE_A},${ROLE_B}`, '--out', out);
    assertRefused(result, /not overwriting .*RoleB\.trust\.json; nothing was written\. Use --force/);
    assert.deepEqual(readdirSync(out), ['RoleB.trust.json']);
    assert.equal(readFileSync(join(out, 'RoleB.trust.json'), 'utf8'), 'mine');

    const forced = run('chain', '--roles', `${ROLE_A},${ROLE_B}`, '--out', out, '--force');
    assert.equal(forced.status, 0, forced.stderr);
    assert.equal(readdirSync(out).length, 3);
    assertClean(readFileSync(join(out, 'RoleB.trust.json'), 'utf8'), 'RoleB.trust.json');
  });

  const eleven = Array.from({ length: 11 }, (_, i) => `arn:aws:iam::${ACCOUNT}:role/Hop${i}`).join(',');
  const refusals: [string, string[], RegExp][] = [
    ['11 roles', ['--roles', eleven], /11 roles; Redshift accepts at most 10/],
    ['a cross-partition chain', ['--roles', `${ROLE_A},arn:aws-cn:iam::210987654321:role/RoleB`], /cannot assume a role in another partition/],
    ['a malformed role ARN', ['--roles', `${ROLE_A},arn:aws:iam::${ACCOUNT}:user/Bob`], /not a role ARN/],
    ['a bad account', ['--roles', 'arn:aws:iam::1234:role/RoleA'], /4 digits/],
    ['an unknown trust mode', ['--roles', ROLE_A, '--trust', 'everyone'], /--trust takes role or account/],
  ];
  for (const [what, args, message] of refusals) {
    it(`refuses ${what}, writing nothing`, () => {
      const out = join(tempFolder(), 'out');
      assertRefused(run('chain', ...args, '--out', out), message);
      assert.ok(!existsSync(out));
    });
  }
  it('needs --out', () => assertRefused(run('chain', '--roles', ROLE_A), /needs --out DIR/));
  it('refuses an --out that is a file', () => {
    const file = join(tempFolder(), 'file');
    writeFileSync(file, '');
    assertRefused(run('chain', '--roles', ROLE_A, '--out', file), /is a file, not a folder/);
  });
});

/** A SQL file with a comment, a COPY through a chain on lines 2–5 and an UNLOAD on line 7. */
function sqlFile(): string {
  const file = join(tempFolder(), 'load.sql');
  writeFileSync(file, [
    '-- nightly load',
    'COPY sales',
    "FROM 's3://example-bucket/tickit/sales_'",
    `IAM_ROLE '${ROLE_A},${ROLE_B}'`,
    'FORMAT AS CSV;',
    '',
    `UNLOAD ('select * from sales') TO 's3://example-bucket/unload/sales_' IAM_ROLE '${ROLE_A}' KMS_KEY_ID '1234abcd-12ab-34cd-56ef-1234567890ab' ENCRYPTED CLEANPATH;`,
  ].join('\n'));
  return file;
}

describe('generate permissions', () => {
  it('prints the policy of the statement at a line, for the last role of its chain', () => {
    const result = run('permissions', '--sql', sqlFile(), '--line', '4');
    assert.equal(result.status, 0, result.stderr);
    assertClean(result.stdout, 'RoleB.permissions.json');
    const statements = JSON.parse(result.stdout).Statement;
    assert.deepEqual(statements.map((s: { Sid: string }) => s.Sid), ['ListSourcePrefix', 'ReadSourceObjects']);
    assert.equal(statements[1].Resource, 'arn:aws:s3:::example-bucket/tickit/sales_*');
    assert.equal(result.stderr, '');
  });

  it('fills account and Region from the options, and names the placeholders left otherwise', () => {
    const file = sqlFile();
    const filled = run('permissions', '--sql', file, '--line', '7', '--account', ACCOUNT, '--region', 'us-west-2');
    assert.equal(filled.status, 0, filled.stderr);
    assertClean(filled.stdout, 'RoleA.permissions.json');
    assert.match(filled.stdout, new RegExp(`"arn:aws:kms:us-west-2:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab"`));
    assert.match(filled.stdout, /"s3:DeleteObject"/);
    const open = run('permissions', '--sql', file, '--line', '7');
    assert.equal(open.status, 0, open.stderr);
    assert.match(open.stdout, /"arn:aws:kms:<region>:<account-id>:key\//);
    assert.match(open.stderr, /replace <account-id>, <region>, or give --account, --region/);
  });

  const refusals: [string, string[], RegExp][] = [
    ['a line outside any statement', ['--line', '1'], /There is no COPY, UNLOAD/],
    ['a line past the end', ['--line', '99'], /has 7 lines; there is no line 99/],
    ['a line that is not a number', ['--line', 'two'], /--line takes a line number/],
    ['a bad account', ['--line', '7', '--account', '42'], /"42" has 2 digits/],
  ];
  for (const [what, args, message] of refusals) {
    it(`refuses ${what}`, () => assertRefused(run('permissions', '--sql', sqlFile(), ...args), message));
  }
  it('refuses a missing file', () => assertRefused(run('permissions', '--sql', join(tempFolder(), 'none.sql'), '--line', '1'), /cannot read .*none\.sql: ENOENT/));
  it('needs --sql and --line', () => assertRefused(run('permissions', '--line', '3'), /needs --sql FILE --line N/));
});

describe('generate chain from SQL', () => {
  it('takes the chain from the IAM_ROLE clause of the statement at a line', () => {
    const out = tempFolder();
    const result = run('chain', '--sql', sqlFile(), '--line', '3', '--out', out);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, `IAM_ROLE '${ROLE_A},${ROLE_B}'\n`);
    assert.deepEqual(readdirSync(out).sort(), ['RoleA.permissions.json', 'RoleA.trust.json', 'RoleB.trust.json']);
  });
  it('refuses a line without a chain, and --roles with --sql', () => {
    assertRefused(run('chain', '--sql', sqlFile(), '--line', '6', '--out', tempFolder()), /line 6 of .* is not in a statement with an IAM_ROLE clause/);
    assertRefused(run('chain', '--sql', sqlFile(), '--line', '3', '--roles', ROLE_A, '--out', tempFolder()), /--roles .* or --sql FILE --line N, not both/);
  });
});

describe('generate', () => {
  it('refuses an unknown document kind', () => assertRefused(run('policy'), /unknown document kind "policy"/));
});
