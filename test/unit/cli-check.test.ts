/** `redshift-iam check` end to end: runs the bundled dist/cli.js on temporary folders and checks each
 * output format, the exit status, .gitignore handling, standard input, the settings file and I/O errors. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { isIgnored, parseGitignore } from '../../server/src/cli/gitignore';
import { ALL_RULES, ruleDocsUrl } from '../../server/src/service/rules';
import { documentOf, getService, ROOT } from '../helpers';

const CLI = join(ROOT, 'dist', 'cli.js');

// Two top-level findings of unknown-key: the key "Foo" on line 1 (0-based) and "Bar" inside the statement.
const POLICY = `{
  "Foo": 1,
  "Version": "2012-10-17",
  "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Bar": 2 }]
}
`;
const CLEAN_POLICY = '{ "Version": "2012-10-17", "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }] }\n';
const NOT_A_POLICY = '{ "name": "package", "Foo": 1 }\n';

const BOM = '\uFEFF';

const temps: string[] = [];
after(() => { for (const t of temps) rmSync(t, { recursive: true, force: true }); });

/** A temporary folder holding `files` (path → content). */
function folder(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'redshift-iam-cli-'));
  temps.push(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

function run(cwd: string, args: string[], input?: string) {
  assert.ok(existsSync(CLI), 'dist/cli.js is missing: run `npm run build` first.');
  // A run that hangs (reading a FIFO) fails instead of holding up the suite.
  const r = spawnSync(process.execPath, [CLI, 'check', ...args], { cwd, input, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The files named by the findings of JSON output, in order. */
function filesWithFindings(json: string): string[] {
  return [...new Set((JSON.parse(json) as { file: string }[]).map((f) => f.file))];
}

/** What the service itself reports for a text, in the CLI's JSON shape. */
function expectedJson(file: string, text: string, languageId = 'json') {
  return getService().validate(documentOf(text, languageId)).map((d) => ({
    file, range: d.range, severity: ['', 'error', 'warning', 'information', 'hint'][d.severity!], code: d.code, message: d.message,
  })).sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

describe('check: text output', () => {
  it('prints path:line:col severity rule message, a summary, and fails on errors', () => {
    const cwd = folder({ 'policies/bad.json': POLICY, 'policies/good.json': CLEAN_POLICY, 'package.json': NOT_A_POLICY });
    const r = run(cwd, []);
    assert.equal(r.status, 1, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    assert.match(lines[0], /^policies\/bad\.json:2:3 error unknown-key Unknown top-level key "Foo"/);
    assert.match(lines[1], /^policies\/bad\.json:4:81 error unknown-key Unknown statement key "Bar"/);
    // package.json is not a policy: it is not counted; good.json is.
    assert.equal(lines.at(-1), '2 files checked: 2 errors, 0 warnings, 0 information, 0 hints.');
    assert.equal(lines.length, expectedJson('', POLICY).length + 1);
    assert.equal(r.stderr, '');
  });

  it('exits 0 when nothing is at or above --fail-on', () => {
    const cwd = folder({ 'good.json': CLEAN_POLICY, 'bad.json': POLICY });
    assert.equal(run(cwd, ['good.json']).status, 0);
    assert.equal(run(cwd, ['bad.json', '--fail-on', 'none']).status, 0);
    assert.equal(run(cwd, ['bad.json', '--fail-on=error']).status, 1);
  });

  it('compares severities with --fail-on: warnings fail only at warning or below', () => {
    const cwd = folder({ 'bad.json': POLICY, '.redshift-iam.json': '{ "rules": { "unknown-key": "warning" } }' });
    const text = run(cwd, ['bad.json']);
    assert.equal(text.status, 0);
    assert.match(text.stdout, /bad\.json:2:3 warning unknown-key /);
    assert.equal(run(cwd, ['bad.json', '--fail-on', 'warning']).status, 1);
    assert.equal(run(cwd, ['bad.json', '--fail-on', 'information']).status, 1);
    writeFileSync(join(cwd, '.redshift-iam.json'), '{ "rules": { "unknown-key": "hint" } }');
    assert.equal(run(cwd, ['bad.json', '--fail-on', 'information']).status, 0);
  });
});

describe('check: control characters', () => {
  // A statement key with a newline and an action with a terminal escape, both quoted by the messages.
  const policy = '{ "Version": "2012-10-17", "Statement": [{ "Effect": "Allow", "Action": "s3:Get\\u001b[31mObject", "Resource": "*", "Cond\\ntion": 1 }] }\n';

  it('are escaped in text output, one finding per line', () => {
    const r = run(folder({ 'p.json': policy }), []);
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines.length, expectedJson('', policy).length + 1);
    assert.ok(lines.some((l) => l.startsWith('p.json:') && l.includes('Unknown statement key "Cond\\ntion"')), r.stdout);
    assert.ok(lines.some((l) => l.includes('"Get\\u001b[31mObject"')), r.stdout);
    assert.doesNotMatch(r.stdout, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/);
  });

  it('are kept as they are in JSON output', () => {
    const r = run(folder({ 'p.json': policy }), ['--format', 'json']);
    assert.deepEqual(JSON.parse(r.stdout), expectedJson('p.json', policy));
    assert.ok(JSON.parse(r.stdout).some((f: { message: string }) => f.message.includes('"Cond\ntion"')));
  });
});

describe('check: JSON output', () => {
  it('is an array of file, 0-based range, severity, code and message, as the service reports them', () => {
    const cwd = folder({ 'a/bad.json': POLICY, 'b/good.json': CLEAN_POLICY });
    const r = run(cwd, ['--format', 'json']);
    assert.equal(r.status, 1);
    const findings = JSON.parse(r.stdout);
    assert.deepEqual(findings, expectedJson('a/bad.json', POLICY));
    assert.deepEqual(findings[0].range, { start: { line: 1, character: 2 }, end: { line: 1, character: 7 } });
    for (const f of findings) assert.deepEqual(Object.keys(f).sort(), ['code', 'file', 'message', 'range', 'severity']);
  });

  it('is an empty array when there is nothing to report', () => {
    const r = run(folder({ 'good.json': CLEAN_POLICY }), ['--format', 'json']);
    assert.equal(r.status, 0);
    assert.deepEqual(JSON.parse(r.stdout), []);
  });
});

describe('check: SARIF output', () => {
  const cwd = folder({ 'dir with space/bad.json': POLICY, 'good.json': CLEAN_POLICY });
  const r = run(cwd, ['--format', 'sarif']);
  const log = JSON.parse(r.stdout);

  it('has the SARIF 2.1.0 top level and one run', () => {
    assert.equal(r.status, 1);
    assert.equal(log.version, '2.1.0');
    assert.match(log.$schema, /sarif-2\.1\.0/);
    assert.ok(Array.isArray(log.runs));
    assert.equal(log.runs.length, 1);
  });

  it('describes the tool and every rule with its documentation page and default level', () => {
    const driver = log.runs[0].tool.driver;
    assert.equal(driver.name, 'redshift-iam');
    assert.match(driver.version, /^\d+\.\d+\.\d+/);
    assert.match(driver.informationUri, /^https:\/\//);
    assert.deepEqual(driver.rules.map((r: { id: string }) => r.id), ALL_RULES.map((r) => r.id));
    for (const [i, rule] of driver.rules.entries()) {
      assert.equal(typeof rule.shortDescription.text, 'string');
      assert.ok(rule.shortDescription.text.length > 0);
      assert.equal(rule.helpUri, ruleDocsUrl(rule.id));
      const expectedLevel = { error: 'error', warning: 'warning', information: 'note', hint: 'note' }[ALL_RULES[i].severity];
      assert.equal(rule.defaultConfiguration.level, expectedLevel);
    }
  });

  it('reports each finding with its rule, level, message and a 1-based region in a relative URI', () => {
    const { results, tool, columnKind } = log.runs[0];
    const expected = expectedJson('', POLICY);
    assert.equal(columnKind, 'utf16CodeUnits');
    assert.equal(results.length, expected.length);
    for (const [i, result] of results.entries()) {
      const e = expected[i];
      assert.equal(result.ruleId, e.code);
      assert.equal(tool.driver.rules[result.ruleIndex].id, result.ruleId);
      assert.ok(['error', 'warning', 'note', 'none'].includes(result.level));
      assert.equal(result.level, e.severity === 'error' ? 'error' : e.severity === 'warning' ? 'warning' : 'note');
      assert.equal(result.message.text, e.message);
      assert.equal(result.locations.length, 1);
      const { artifactLocation, region } = result.locations[0].physicalLocation;
      assert.deepEqual(artifactLocation, { uri: 'dir%20with%20space/bad.json', uriBaseId: '%SRCROOT%' });
      assert.deepEqual(region, {
        startLine: e.range.start.line + 1, startColumn: e.range.start.character + 1,
        endLine: e.range.end.line + 1, endColumn: e.range.end.character + 1,
      });
    }
    assert.deepEqual(results[0].locations[0].physicalLocation.region, { startLine: 2, startColumn: 3, endLine: 2, endColumn: 8 });
  });
});

describe('check: gitignore patterns', () => {
  const ignored = (gitignore: string, path: string, isFolder = false) => isIgnored([parseGitignore('/repo', gitignore)], `/repo/${path}`, isFolder);

  it('skips comments and blank lines', () => {
    assert.equal(ignored('# a.json\n\n', 'a.json'), false);
    assert.equal(ignored('\\#a.json', '#a.json'), true);
  });
  it('matches a name without slash at any depth, with * and ?', () => {
    assert.equal(ignored('*.json', 'deep/er/a.json'), true);
    assert.equal(ignored('a?.json', 'x/ab.json'), true);
    assert.equal(ignored('a?.json', 'x/abc.json'), false);
    assert.equal(ignored('*.json', 'a.sql'), false);
  });
  it('anchors patterns with a leading or inner slash to the file\'s folder', () => {
    assert.equal(ignored('/a.json', 'a.json'), true);
    assert.equal(ignored('/a.json', 'sub/a.json'), false);
    assert.equal(ignored('sub/a.json', 'sub/a.json'), true);
    assert.equal(ignored('sub/a.json', 'x/sub/a.json'), false);
    assert.equal(ignored('s*/a.json', 'sub/a.json'), true);
    assert.equal(ignored('s*/a.json', 'sub/x/a.json'), false);
  });
  it('applies a trailing slash to folders only', () => {
    assert.equal(ignored('build/', 'build', true), true);
    assert.equal(ignored('build/', 'build', false), false);
    assert.equal(ignored('build/', 'src/build', true), true);
  });
  it('treats ** as any number of folders', () => {
    assert.equal(ignored('**/gen/*.json', 'gen/a.json'), true);
    assert.equal(ignored('**/gen/*.json', 'a/b/gen/a.json'), true);
    assert.equal(ignored('a/**/b.json', 'a/b.json'), true);
    assert.equal(ignored('a/**/b.json', 'a/x/y/b.json'), true);
    assert.equal(ignored('a/**', 'a/x/y.json'), true);
    assert.equal(ignored('a/**', 'b/a/y.json'), false);
  });
  it('lets a later negation re-include, and a deeper file override a higher one', () => {
    assert.equal(ignored('*.json\n!keep.json', 'keep.json'), false);
    assert.equal(ignored('*.json\n!keep.json', 'drop.json'), true);
    assert.equal(ignored('!keep.json\n*.json', 'keep.json'), true);
    const files = [parseGitignore('/repo', '*.sql'), parseGitignore('/repo/sub', '!keep.sql')];
    assert.equal(isIgnored(files, '/repo/sub/keep.sql', false), false);
    assert.equal(isIgnored(files, '/repo/keep.sql', false), true);
  });
  it('keeps escaped trailing spaces and drops the others', () => {
    assert.equal(ignored('a.json   ', 'a.json'), true);
    assert.equal(ignored('a\\ ', 'a '), true);
  });
});

describe('check: folder walk', () => {
  it('skips node_modules, .git and what nested .gitignore files ignore', () => {
    const cwd = folder({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.git/p.json': POLICY,
      'node_modules/pkg/p.json': POLICY,
      '.gitignore': '# generated\nbuild/\n/top.json\n*.tmp.json\n!keep.tmp.json\n',
      'top.json': POLICY,
      'build/p.json': POLICY,
      'src/top.json': POLICY,
      'src/x.tmp.json': POLICY,
      'src/keep.tmp.json': POLICY,
      'src/.gitignore': 'gen/**\n!*.sql\n',
      'src/gen/deep/p.json': POLICY,
      'src/policy.txt': POLICY,
    });
    const r = run(cwd, ['--format', 'json']);
    const files = filesWithFindings(r.stdout);
    assert.deepEqual(files, ['src/keep.tmp.json', 'src/top.json']);
    // The same .gitignore files apply when only a subfolder is walked.
    const sub = run(join(cwd, 'src'), ['.', '--format', 'json']);
    assert.deepEqual(filesWithFindings(sub.stdout), ['keep.tmp.json', 'top.json']);
  });

  it('checks a file named on the command line whatever its name', () => {
    const cwd = folder({ '.gitignore': '*.txt\n', 'policy.txt': POLICY });
    const r = run(cwd, ['policy.txt']);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /^policy\.txt:2:3 error unknown-key/);
  });

  it('tests .gitignore on a symbolic link as a file, without following it', () => {
    const cwd = folder({ '.gitignore': '*.json\n!good.json\n', 'good.json': CLEAN_POLICY });
    symlinkSync(join(cwd, 'missing.json'), join(cwd, 'dangling.json'));
    const r = run(cwd, []);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.match(r.stdout, /^1 file checked/);
  });

  it('skips FIFOs in a folder and refuses one named on the command line', { skip: process.platform === 'win32' }, () => {
    const cwd = folder({ 'good.json': CLEAN_POLICY });
    assert.equal(spawnSync('mkfifo', [join(cwd, 'fifo.json')]).status, 0);
    const walked = run(cwd, []);
    assert.equal(walked.status, 0, walked.stderr);
    assert.match(walked.stdout, /^1 file checked/);
    const named = run(cwd, ['fifo.json', 'good.json']);
    assert.equal(named.status, 2);
    assert.equal(named.stderr, 'redshift-iam: fifo.json: not a regular file\n');
    assert.match(named.stdout, /^1 file checked/);
  });

  it('checks a file whose name is not valid UTF-8, shown with U+FFFD', { skip: process.platform !== 'linux' }, () => {
    const cwd = folder({});
    writeFileSync(Buffer.concat([Buffer.from(join(cwd, 'caf')), Buffer.from([0xe9]), Buffer.from('.json')]), POLICY);
    writeFileSync(Buffer.concat([Buffer.from(join(cwd, 'caf')), Buffer.from([0xe8]), Buffer.from('.json')]), CLEAN_POLICY);
    const r = run(cwd, []);
    assert.equal(r.status, 1, r.stderr);
    assert.equal(r.stderr, '');
    assert.match(r.stdout, /^caf\uFFFD\.json:2:3 error unknown-key/);
    assert.match(r.stdout, /^2 files checked/m);
  });

  it('checks SQL files next to policies', () => {
    const cwd = folder({ 'load.sql': "COPY sales FROM 's3://bucket/sales' IAM_ROLE default;\n", 'p.json': CLEAN_POLICY });
    const r = run(cwd, []);
    assert.match(r.stdout, /^2 files checked: /m);
  });
});

describe('check: standard input', () => {
  it('reads "-" as the language given by --language', () => {
    const r = run(folder({}), ['-', '--language', 'json'], POLICY);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /^<stdin>:2:3 error unknown-key/);
    const unload = "UNLOAD ('select 1') TO 's3://b/p'\nIAM_ROLE 'arn:aws:iam::123456789012:role/A,arn:aws:iam::123456789012:role/B';\n";
    const sql = run(folder({}), ['-', '--language', 'sql', '--format', 'json'], unload);
    assert.deepEqual(JSON.parse(sql.stdout), expectedJson('<stdin>', unload, 'sql'));
  });

  it('needs --language with "-"', () => {
    const r = run(folder({}), ['-'], POLICY);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /needs --language json or --language sql/);
  });
});

describe('check: settings file', () => {
  it('reads .redshift-iam.json: rule severities, exclude and include', () => {
    const cwd = folder({
      '.redshift-iam.json': JSON.stringify({ rules: { 'unknown-key': 'off' }, exclude: ['legacy/**'], include: ['**/forced.json'] }),
      'legacy/old.sql': "COPY t FROM 's3://b/p' IAM_ROLE default;\n",
      'bad.json': POLICY,
    });
    const off = run(cwd, []);
    assert.equal(off.status, 0);
    assert.equal(off.stdout.trim(), '1 file checked: 0 errors, 0 warnings, 0 information, 0 hints.');
    writeFileSync(join(cwd, '.redshift-iam.json'), JSON.stringify({ include: ['**/forced.json'] }));
    writeFileSync(join(cwd, 'forced.json'), NOT_A_POLICY);
    const forced = run(cwd, ['forced.json']);
    assert.equal(forced.status, 1);
    assert.match(forced.stdout, /^forced\.json:1:3 error unknown-key Unknown top-level key "name"/m);
  });

  it('matches globs from the working folder, not from the top of the disk', () => {
    // The repository is in a folder named tmp, as a checkout under /tmp is.
    const cwd = join(folder({}), 'tmp', 'repo');
    mkdirSync(join(cwd, 'src'), { recursive: true });
    mkdirSync(join(cwd, 'tmp'));
    writeFileSync(join(cwd, '.redshift-iam.json'), JSON.stringify({ exclude: ['tmp/**'], include: ['tmp/**'] }));
    writeFileSync(join(cwd, 'src/p.json'), POLICY);
    writeFileSync(join(cwd, 'src/package.json'), NOT_A_POLICY);
    writeFileSync(join(cwd, 'tmp/p.json'), POLICY);
    writeFileSync(join(cwd, 'tmp/load.sql'), "COPY t FROM 's3://b/p' IAM_ROLE 'arn:aws:iam::123:role/A';\n");
    const r = run(cwd, ['--format', 'json']);
    assert.deepEqual(filesWithFindings(r.stdout), ['src/p.json']);
    // --config in src: globs still start from the working folder, where no p.json is.
    writeFileSync(join(cwd, 'src/settings.json'), JSON.stringify({ exclude: ['p.json'] }));
    const config = run(cwd, ['--config', 'src/settings.json', '--format', 'json']);
    assert.deepEqual(filesWithFindings(config.stdout), ['src/p.json', 'tmp/load.sql', 'tmp/p.json']);
  });

  it('never checks the settings file in use, even when an include glob matches it', () => {
    const settings = '{ "include": ["**/*.json"] }';
    const cwd = folder({ '.redshift-iam.json': settings, 'ci/settings.json': settings, 'good.json': CLEAN_POLICY });
    const r = run(cwd, ['--format', 'json']);
    assert.equal(r.status, 1, r.stderr);
    assert.deepEqual(filesWithFindings(r.stdout), ['ci/settings.json']);
    const named = run(cwd, ['--config', 'ci/settings.json', '--format', 'json', '.', 'ci/settings.json']);
    assert.deepEqual(filesWithFindings(named.stdout), ['.redshift-iam.json']);
  });

  it('takes null for maxStatements, meaning the default', () => {
    const r = run(folder({ '.redshift-iam.json': '{ "maxStatements": null }', 'good.json': CLEAN_POLICY }), []);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^1 file checked/);
  });

  it('reads --config FILE instead', () => {
    const cwd = folder({ 'ci/settings.json': '{ "rules": { "unknown-key": "warning" } }', 'bad.json': POLICY });
    const r = run(cwd, ['--config', 'ci/settings.json', 'bad.json']);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^bad\.json:2:3 warning unknown-key/);
  });

  it('reports a malformed settings file with its line, as a usage error', () => {
    const cwd = folder({ '.redshift-iam.json': '{\n  "rules": {\n    "unknown-key": "off",\n  }\n}\n', 'bad.json': POLICY });
    const r = run(cwd, []);
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^redshift-iam: \.redshift-iam\.json:4: invalid JSON: property name expected\.\n$/);
  });

  it('rejects unknown settings, rule ids, severities and kinds with their line', () => {
    const cases: [string, RegExp][] = [
      ['{\n "redshiftIam.rules": {} }', /:2: unknown setting "redshiftIam\.rules" \(expected "rules"\)/],
      ['{ "rules": {\n "unknown-kay": "off" } }', /:2: unknown rule "unknown-kay" \(did you mean "unknown-key"\?\)/],
      ['{ "rules": { "unknown-key":\n "loud" } }', /:2: the severity of "unknown-key" must be one of off, error/],
      ['{ "exclude": "x" }', /:1: "exclude" must be an array of glob strings/],
      ['{ "kinds": { "trusted": [] } }', /:1: unknown policy kind "trusted"/],
      ['[]', /:1: the settings must be a JSON object/],
    ];
    for (const [config, expected] of cases) {
      const r = run(folder({ '.redshift-iam.json': config, 'p.json': CLEAN_POLICY }), []);
      assert.equal(r.status, 2, config);
      assert.match(r.stderr, expected);
    }
  });

  it('reports a missing --config file', () => {
    const r = run(folder({ 'p.json': CLEAN_POLICY }), ['--config', 'nope.json']);
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'redshift-iam: nope.json: no such file or folder\n');
  });
});

describe('check: byte-order mark', () => {
  const SQL = "COPY t FROM 's3://b/p' IAM_ROLE 'arn:aws:iam::123:role/A';\n";

  it('is not content: findings keep the positions the editor shows', () => {
    const cwd = folder({ 'p.json': BOM + POLICY.replace('\n', ''), 'load.sql': BOM + SQL });
    const r = run(cwd, ['--format', 'json']);
    assert.deepEqual(JSON.parse(r.stdout), [...expectedJson('load.sql', SQL, 'sql'), ...expectedJson('p.json', POLICY.replace('\n', ''))]);
    assert.ok(JSON.parse(r.stdout).some((f: { range: { start: { line: number } } }) => f.range.start.line === 0));
    const stdin = run(cwd, ['-', '--language', 'json', '--format', 'json'], BOM + POLICY);
    assert.deepEqual(JSON.parse(stdin.stdout), expectedJson('<stdin>', POLICY));
  });

  it('is skipped in the settings file and in .gitignore', () => {
    const cwd = folder({ '.redshift-iam.json': `${BOM}{ "rules": { "unknown-key": "off" } }`, '.gitignore': `${BOM}ignored.json\n`, 'ignored.json': '{ "Statement": 1 }', 'bad.json': POLICY });
    const r = run(cwd, []);
    assert.equal(r.status, 0, r.stderr + r.stdout);
    assert.equal(r.stdout.trim(), '1 file checked: 0 errors, 0 warnings, 0 information, 0 hints.');
  });
});

describe('check: usage and I/O errors', () => {
  it('reports a missing file in one line, checks the others and exits 2', () => {
    const cwd = folder({ 'good.json': CLEAN_POLICY });
    const r = run(cwd, ['missing.json', 'good.json']);
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'redshift-iam: missing.json: no such file or folder\n');
    assert.match(r.stdout, /^1 file checked/);
  });

  it('reports an unreadable file met in a folder walk (a dangling link) without a stack trace', () => {
    const cwd = folder({ 'good.json': CLEAN_POLICY });
    symlinkSync(join(cwd, 'gone.json'), join(cwd, 'link.json'));
    const r = run(cwd, ['--format', 'json']);
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'redshift-iam: link.json: no such file or folder\n');
    assert.deepEqual(JSON.parse(r.stdout), []);
  });

  it('takes every argument after -- as a path', () => {
    const cwd = folder({ '-x.json': POLICY, '--format': POLICY });
    const r = run(cwd, ['--format', 'json', '--', '-x.json', '--format']);
    assert.equal(r.status, 1, r.stderr);
    assert.deepEqual(filesWithFindings(r.stdout), ['-x.json', '--format']);
  });

  // Until the parser refuses deep nesting, the service overflows the stack on this file; afterwards it
  // checks it. Either way the run goes on with the other files and prints no stack trace.
  it('goes on with the other files when one cannot be checked (deeply nested JSON)', () => {
    const cwd = folder({ 'a.json': `{ "Statement": ${'['.repeat(10_000)}${']'.repeat(10_000)} }`, 'b.json': POLICY });
    const r = run(cwd, ['--format', 'json']);
    assert.doesNotMatch(r.stderr, /\n\s+at |RangeError/);
    assert.ok(JSON.parse(r.stdout).some((f: { file: string }) => f.file === 'b.json'), r.stdout);
    if (r.stderr) {
      assert.equal(r.status, 2);
      assert.match(r.stderr, /^redshift-iam: a\.json: could not be checked: [^\n]+\n$/);
    } else assert.equal(r.status, 1);
  });

  it('prints the usage with --help', () => {
    const r = run(folder({}), ['--help']);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^Usage:/);
  });

  it('shows a file outside the working folder by its absolute path and file URI', () => {
    const outside = folder({ 'bad.json': POLICY });
    const cwd = folder({});
    const text = run(cwd, [join(outside, 'bad.json')]);
    assert.ok(text.stdout.startsWith(`${join(outside, 'bad.json')}:2:3 error unknown-key`), text.stdout);
    const sarif = JSON.parse(run(cwd, [join(outside, 'bad.json'), '--format', 'sarif']).stdout);
    assert.deepEqual(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation, { uri: `file://${join(outside, 'bad.json')}` });
  });

  it('rejects unknown options and values with the usage', () => {
    for (const args of [['--format', 'xml'], ['--fail-on', 'fatal'], ['--bogus'], ['--language', 'sql'], ['-', '-', '--language', 'sql']]) {
      const r = run(folder({}), args);
      assert.equal(r.status, 2, args.join(' '));
      assert.match(r.stderr, /^redshift-iam: .+\n[\s\S]*Usage:/);
      assert.doesNotMatch(r.stderr, /\n\s+at /);
    }
  });
});

describe('check: secrets', () => {
  const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
  const KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
  const cwd = folder({
    'load.sql': `COPY sales FROM 's3://bucket/sales'\nCREDENTIALS 'aws_access_key_id=${KEY_ID};aws_secret_access_key=${SECRET}'\nIAM_ROLE 'arn:aws:iam::123456789012:role/R';\n`,
    'users.sql': `CREATE USER loader PASSWORD '${SECRET}';\n-- rotated key ${KEY_ID}\nCOPY t FROM 's3://b/p' ACCESS_KEY_ID '${KEY_ID}' SECRET_ACCESS_KEY '${SECRET}'\n`,
    'broken.json': '{ "Version": "2012-10-17", "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject" "Resource": "*" }] }',
  });
  for (const format of ['text', 'json', 'sarif']) {
    it(`never prints file content in ${format} output`, () => {
      const r = run(cwd, ['--format', format]);
      assert.equal(r.status, 1, r.stderr);
      const output = r.stdout + r.stderr;
      assert.match(output, /broken\.json/);
      assert.ok(!output.includes(SECRET) && !output.includes(KEY_ID), output);
    });
  }
});
