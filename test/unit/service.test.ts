/** The language service as a whole: rule isolation, settings that are missing or null, which documents
 * are checked. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Catalog, createLanguageService } from '../../server/src/service';
import { POLICY_RULES } from '../../server/src/service/policy/rules';
import type { PolicyRule } from '../../server/src/service/policy/rules/rule';
import { documentOf, getService, ROOT } from '../helpers';

const policy = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObjekt","Resource":"*"}]}';

describe('language service', () => {
  it('isolates a throwing rule: logged once, the other rules still run', () => {
    const errors: string[] = [];
    const service = createLanguageService({
      catalog: new Catalog(JSON.parse(readFileSync(join(ROOT, 'dist', 'catalog.json'), 'utf8'))),
      onRuleError: (id) => errors.push(id),
    });
    const broken: PolicyRule = { id: 'broken', severity: 'error', description: 'always throws', check: () => { throw new Error('boom'); } };
    const rules = [broken, ...POLICY_RULES];
    for (let i = 0; i < 3; i++) {
      const found = service.policyFindings(service.parsePolicy(policy), rules).map((f) => f.rule);
      assert.ok(found.includes('unknown-action'));
    }
    assert.deepEqual(errors, ['broken']);
  });

  it('accepts missing, null and malformed settings', () => {
    const doc = documentOf(policy);
    const expected = getService().validate(doc).length;
    assert.ok(expected > 0);
    for (const settings of [undefined, null, {}, { rules: null, include: null, exclude: null, kinds: null, maxStatements: null },
      { rules: { 'unknown-action': 'loud' } }, { kinds: { trust: null } }, { include: [42] }] as never[]) {
      assert.equal(getService().validate(doc, settings).length, expected, JSON.stringify(settings));
    }
  });

  it('switches a rule off or changes its severity from settings', () => {
    const doc = documentOf(policy);
    assert.ok(!getService().validate(doc, { rules: { 'unknown-action': 'off' } }).some((d) => d.code === 'unknown-action'));
    assert.equal(getService().validate(doc, { rules: { 'unknown-action': 'error' } }).find((d) => d.code === 'unknown-action')?.severity, 1);
  });

  it('checks policies, SQL and globbed files, and leaves other JSON alone', () => {
    const service = getService();
    assert.equal(service.classify(documentOf('{"name":"x","Statment":[]}'))?.language, undefined);
    assert.equal(service.classify(documentOf('{"Version":"2012-10-17","Statment":[]}'))?.language, 'policy');
    assert.equal(service.classify(documentOf('{"name":"x"}', 'json', 'file:///w/iam/role.json'), { include: ['**/iam/*.json'] })?.language, 'policy');
    assert.equal(service.classify(documentOf(policy, 'json', 'file:///w/vendor/p.json'), { exclude: ['vendor/**'] }), undefined);
    assert.equal(service.classify(documentOf('select 1', 'sql'))?.language, 'sql');
    assert.equal(service.classify(documentOf('x', 'plaintext')), undefined);
  });
});
