/** Every fixture under test/fixtures/{policy,sql}/<rule-id>/ is checked against its `.expected` sidecar
 * (with the editor settings of an optional `.settings` sidecar):
 * the findings of the folder's rule and of every rule the sidecar names must match exactly (no sidecar:
 * none). Fixtures under aws-docs/ must match exactly on all errors and warnings. */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ruleMeta } from '../../server/src/service/rules';
import { FIXTURES, findingsOf, languageOfPath, parseExpectations } from '../helpers';

function fixtureFiles(dir: string): string[] {
  return readdirSync(dir).filter((f) => /\.(jsonc?|sql)$/.test(f)).sort();
}

function compare(file: string, relevant: (rule: string) => boolean) {
  const expectedPath = `${file}.expected`;
  const expected = existsSync(expectedPath) ? parseExpectations(readFileSync(expectedPath, 'utf8')) : [];
  const settingsPath = `${file}.settings`;
  const settings = existsSync(settingsPath) ? JSON.parse(readFileSync(settingsPath, 'utf8')) : undefined;
  const actual = findingsOf(readFileSync(file, 'utf8'), languageOfPath(file), `file://${file}`, settings)
    .filter((f) => relevant(f.rule) || expected.some((e) => e.rule === f.rule));
  assert.deepEqual(actual.map((f) => `${f.where} ${f.rule}`).sort(), expected.map((e) => `${e.where} ${e.rule}`).sort(),
    `findings of ${file}:\n${actual.map((f) => `${f.where} ${f.rule} ${f.message}`).join('\n')}`);
  for (const e of expected.filter((x) => x.message)) {
    const match = actual.find((f) => f.where === e.where && f.rule === e.rule);
    assert.ok(match?.message.includes(e.message!), `${file}: message of ${e.where} ${e.rule} should contain "${e.message}", is "${match?.message}"`);
  }
}

for (const language of ['policy', 'sql']) {
  const base = join(FIXTURES, language);
  describe(`${language} rule fixtures`, () => {
    for (const ruleId of readdirSync(base).sort()) {
      for (const name of fixtureFiles(join(base, ruleId))) {
        it(`${ruleId}/${name}`, () => compare(join(base, ruleId, name), (rule) => rule === ruleId));
      }
    }
  });
}

describe('AWS documentation examples', () => {
  const base = join(FIXTURES, 'aws-docs');
  for (const name of fixtureFiles(base)) {
    it(name, () => compare(join(base, name), (rule) => ['error', 'warning'].includes(ruleMeta(rule)?.severity ?? 'error')));
  }
});
