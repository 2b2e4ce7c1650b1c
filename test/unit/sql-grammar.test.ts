/** The TextMate injection grammar that highlights IAM_ROLE/CREDENTIALS clauses in SQL: valid JSON,
 * contributed by the manifest, regexes that compile and match what they are for. VS Code runs them with
 * Oniguruma; here they run as JavaScript regexes after turning the leading `(?i)` into the `i` flag,
 * and constructs Oniguruma rejects (variable-length lookbehind) are refused. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../helpers';

interface Rule { match?: string; name?: string; captures?: Record<string, { name: string }>; include?: string }
interface Grammar { scopeName: string; injectionSelector: string; patterns: Rule[]; repository: Record<string, Rule> }

const PATH = 'syntaxes/redshift-iam.injection.json';
const grammar = JSON.parse(readFileSync(join(ROOT, PATH), 'utf8')) as Grammar;

function regExp(rule: Rule): RegExp {
  const source = rule.match!;
  return source.startsWith('(?i)') ? new RegExp(source.slice(4), 'gi') : new RegExp(source, 'g');
}

/** Every match of a repository rule in a line, with the scope of each named capture group. */
function matches(ruleName: string, line: string): string[] {
  const rule = grammar.repository[ruleName];
  return [...line.matchAll(regExp(rule))].map((m) => m[0]);
}

function captures(ruleName: string, line: string): Record<string, string> {
  const rule = grammar.repository[ruleName];
  const m = regExp(rule).exec(line);
  assert.ok(m, `${ruleName} does not match ${line}`);
  return Object.fromEntries(Object.entries(rule.captures ?? {}).map(([group, { name }]) => [name, m[Number(group)]]));
}

describe('SQL injection grammar', () => {
  it('is contributed to source.sql by the manifest', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const entry = manifest.contributes.grammars.find((g: { path: string }) => g.path === `./${PATH}`);
    assert.deepEqual(entry, { scopeName: grammar.scopeName, path: `./${PATH}`, injectTo: ['source.sql'] });
    assert.match(grammar.injectionSelector, /^L:source\.sql -comment$/);
  });

  it('includes only rules that exist, and every rule is used', () => {
    const included = grammar.patterns.map((p) => p.include!.replace(/^#/, ''));
    assert.deepEqual([...included].sort(), Object.keys(grammar.repository).sort());
  });

  it('has regexes that compile, with fixed-length lookbehinds only (Oniguruma)', () => {
    for (const [name, rule] of Object.entries(grammar.repository)) {
      assert.ok(rule.match, name);
      assert.doesNotThrow(() => regExp(rule), name);
      for (const lookbehind of rule.match.matchAll(/\(\?<[=!]((?:\\.|\[[^\]]*\]|[^)])*)\)/g)) {
        assert.doesNotMatch(lookbehind[1].replace(/\\./g, 'x').replace(/\[[^\]]*\]/g, 'x'), /[*+?{]/, `${name}: variable-length lookbehind`);
      }
      assert.ok(rule.name || rule.captures, `${name} has no scope`);
      for (const scope of [rule.name, ...Object.values(rule.captures ?? {}).map((c) => c.name)].filter(Boolean)) assert.match(scope!, /\.redshift-iam$/);
    }
  });

  it('scopes the authorization keywords, in any case', () => {
    assert.deepEqual(matches('authorization-keyword', "copy t from 's3://b/k' IAM_ROLE x Credentials 'y' access_key_id secret_access_key session_token"), ['IAM_ROLE', 'Credentials', 'access_key_id', 'secret_access_key', 'session_token']);
    assert.deepEqual(matches('authorization-keyword', 'select my_iam_role_x from t'), []);
    assert.deepEqual(captures('role-default', 'iam_role  Default;'), {
      'keyword.other.authorization.redshift-iam': 'iam_role',
      'constant.language.default-role.redshift-iam': 'Default',
    });
  });

  it('scopes each role ARN of a chain, with its account and name', () => {
    const line = "iam_role 'arn:aws:iam::123456789012:role/RoleA,arn:aws-cn:iam::210987654321:role/path/RoleB';";
    assert.deepEqual(matches('role-arn', line), ['arn:aws:iam::123456789012:role/RoleA', 'arn:aws-cn:iam::210987654321:role/path/RoleB']);
    assert.deepEqual(captures('role-arn', line), {
      'constant.language.partition.redshift-iam': 'aws',
      'constant.numeric.account-id.redshift-iam': '123456789012',
      'entity.name.type.role.redshift-iam': 'RoleA',
    });
    assert.deepEqual(matches('role-arn', "credentials 'aws_iam_role=arn:aws:iam::<aws-account-id>:role/<role-name>'"), ['arn:aws:iam::<aws-account-id>:role/<role-name>']);
    assert.deepEqual(matches('role-arn', "'arn:aws:s3:::bucket/key'"), []);
  });

  it('marks spaces in a chain, SESSION, credentials keys, plain-text key IDs and typographic quotes', () => {
    assert.deepEqual(matches('chain-space', "'arn:aws:iam::1:role/A, arn:aws:iam::2:role/B' ' arn:aws:iam::1:role/A'"), [' ', ' ']);
    assert.deepEqual(matches('chain-space', "'arn:aws:iam::1:role/A  ,arn:aws:iam::2:role/B'"), ['  ']);
    assert.deepEqual(matches('session', "IAM_ROLE 'SESSION' x SESSION"), ['SESSION']);
    assert.deepEqual(matches('credentials-key', "'aws_access_key_id=<id>;aws_secret_access_key=<s>;token=<t>' mytoken=1"), ['aws_access_key_id=', 'aws_secret_access_key=', 'token=']);
    assert.deepEqual(matches('access-key-id', "ACCESS_KEY_ID 'AKIAIOSFODNN7EXAMPLE' 'ASIAIOSFODNN7EXAMPLE' 'AKIA123'"), ['AKIAIOSFODNN7EXAMPLE', 'ASIAIOSFODNN7EXAMPLE']);
    assert.deepEqual(matches('typographic-quote', 'IAM_ROLE ‘arn’ “x”'), ['‘', '’', '“', '”']);
  });
});
