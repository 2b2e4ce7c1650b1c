/** Every rule has a unique id, a description, a documentation page, a fixture that triggers it and one
 * that must not; every fixture folder names a rule. */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { POLICY_RULES } from '../../server/src/service/policy/rules';
import { ALL_RULES, ruleMeta } from '../../server/src/service/rules';
import { SQL_RULES } from '../../server/src/service/sql/rules';
import { FIXTURES, parseExpectations, ROOT } from '../helpers';

describe('rule registry', () => {
  it('has unique kebab-case ids', () => {
    const ids = ALL_RULES.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  for (const [language, rules] of [['policy', POLICY_RULES], ['sql', SQL_RULES]] as const) {
    for (const rule of rules) {
      describe(rule.id, () => {
        it('has a severity and a one-line description', () => {
          assert.ok(['error', 'warning', 'information', 'hint'].includes(rule.severity));
          assert.ok(rule.description.length > 10 && !rule.description.includes('\n'));
        });
        it('has a documentation page that names it', () => {
          const page = join(ROOT, 'docs', 'rules', `${rule.id}.md`);
          assert.ok(existsSync(page), `missing ${page}`);
          assert.match(readFileSync(page, 'utf8'), new RegExp(`^# ${rule.id}\\b`));
        });
        it('has a fixture that triggers it and one that must not', () => {
          const dir = join(FIXTURES, language, rule.id);
          assert.ok(existsSync(dir), `missing fixture folder ${dir}`);
          const files = readdirSync(dir).filter((f) => /\.(jsonc?|sql)$/.test(f));
          const triggers = (f: string) => existsSync(join(dir, `${f}.expected`)) &&
            parseExpectations(readFileSync(join(dir, `${f}.expected`), 'utf8')).some((e) => e.rule === rule.id);
          assert.ok(files.some(triggers), 'no fixture expects this rule');
          assert.ok(files.some((f) => !triggers(f)), 'no fixture where this rule must stay silent');
        });
      });
    }
  }

  it('every fixture folder is a rule id', () => {
    for (const language of ['policy', 'sql']) {
      for (const dir of readdirSync(join(FIXTURES, language))) assert.ok(ruleMeta(dir), `${language}/${dir} is not a rule`);
    }
  });
});

describe('README rule table', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  for (const rule of ALL_RULES) {
    it(`lists ${rule.id} with its severity`, () => {
      assert.ok(readme.includes(`| [${rule.id}](docs/rules/${rule.id}.md) | ${rule.severity} |`), `README has no row for ${rule.id}`);
    });
  }
});
