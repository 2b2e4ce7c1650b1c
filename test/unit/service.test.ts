/** The language service as a whole: rule isolation, settings that are missing or null, which documents
 * are checked. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, it } from 'node:test';
import { Catalog, createLanguageService } from '../../server/src/service';
import { toDiagnostics } from '../../server/src/service/diagnostics';
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

  it('matches globs from the folder they start from, and reads any URI', () => {
    const service = getService();
    const folder = 'file:///home/runner/work/repo';
    // Above the folder, `work/**` and `tmp/**` name nothing: a checkout's location does not exclude it.
    for (const exclude of [['work/**'], ['repo/**']]) {
      assert.equal(service.classify(documentOf(policy, 'json', `${folder}/src/p.json`), { exclude, folder })?.language, 'policy', exclude[0]);
    }
    assert.equal(service.classify(documentOf(policy, 'json', `${folder}/legacy/p.json`), { exclude: ['legacy/**'], folder }), undefined);
    assert.equal(service.classify(documentOf(policy, 'json', `${folder}/src/legacy/p.json`), { exclude: ['legacy/**'], folder })?.language, 'policy');
    assert.equal(service.classify(documentOf(policy, 'json', `${folder}/src/fixtures/p.json`), { exclude: ['**/fixtures/**'], folder }), undefined);
    assert.equal(service.classify(documentOf('{"name":"x"}', 'json', `${folder}/iam/r%20ole.json`), { include: ['iam/r ole.json'], folder })?.language, 'policy');
    // A malformed escape in a URI is read as written, not thrown at every request.
    const doc = documentOf(policy, 'json', 'file:///a%zz.json');
    assert.ok(service.validate(doc, { exclude: ['x/**'] }).some((d) => d.code === 'unknown-action'));
    assert.ok(service.validate(doc, { include: ['**/a%zz.json'] }).some((d) => d.code === 'unknown-action'));
  });

  it('reads a policy nested far too deep for a recursive parser without throwing, and says why it stops', () => {
    const service = getService();
    const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
    const texts = [deep(10000), `{"Statement": ${deep(10000)}}`, `{"Statement": ${'{"a":'.repeat(10000)}1${'}'.repeat(10000)}}`,
      `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}]}`,
      `{"Statement": ${deep(10000)} // a comment`];
    for (const text of texts) {
      const doc = documentOf(text);
      const diagnostics = service.validate(doc);
      if (text.includes('Statement')) assert.deepEqual(diagnostics.map((d) => d.code), ['json-syntax'], text.slice(0, 40));
      for (const offset of [1, 20, text.length >> 1, text.length]) {
        service.complete(doc, doc.positionAt(offset));
        service.hover(doc, doc.positionAt(offset));
      }
      service.documentSymbols(doc);
    }
    // At the limit itself the policy is read as usual.
    const atLimit = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObjekt","Resource":"*","Condition":{"StringEquals":{"aws:SourceAccount":${deep(58)}}}}]}`;
    assert.ok(service.validate(documentOf(atLimit)).some((d) => d.code === 'unknown-action'));
  });

  it('checks wildcard actions of any length in linear time', () => {
    const started = performance.now();
    const actions = [`s3:${'*a'.repeat(12)}*c`, `s3:${'a'.repeat(60)}`, 'a'.repeat(40000)];
    const text = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }] });
    const errors: string[] = [];
    const service = createLanguageService({ catalog: getService().catalog, onRuleError: (id) => errors.push(id) });
    service.validate(documentOf(text));
    assert.deepEqual(errors, []);
    assert.ok(performance.now() - started < 2000, 'a regular expression of these wildcards backtracked for minutes');
  });

  it('lets go of a closed document: memory returns to where it was', () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const heapMb = () => { gc(); gc(); return process.memoryUsage().heapUsed / 1e6; };
    const service = getService();
    const sqlLine = (i: number) => `COPY t${i} FROM 's3://bucket/p${i}/' IAM_ROLE 'arn:aws:iam::123456789012:role/RoleA,arn:aws:iam::210987654321:role/RoleB'; -- ${i}\n`;
    const statement = (i: number) => `{"Sid":"S${i}","Effect":"Allow","Action":["s3:GetObject"],"Resource":"arn:aws:s3:::b-${i}/*"}`;
    const work = (n: number, tag: string) => {
      const sql = documentOf(Array.from({ length: n }, (_, i) => sqlLine(i)).join(''), 'sql', `file:///${tag}.sql`);
      const json = documentOf(`{"Version":"2012-10-17","Statement":[${Array.from({ length: n }, (_, i) => statement(i)).join(',')}]}`, 'json', `file:///${tag}.json`);
      service.findings(sql);
      service.findings(json);
      service.complete(json, { line: 0, character: 60 });
      service.hover(sql, { line: 0, character: 60 });
      const loaded = heapMb();
      service.forget(sql);
      service.forget(json);
      return loaded;
    };
    work(50, 'warm-up'); // the catalogue builds the services it is asked about once, and keeps them
    const before = heapMb();
    const loaded = work(20_000, 'large');
    const after = heapMb();
    assert.ok(loaded - before > 50, `the large documents held ${(loaded - before).toFixed(1)} MB`);
    // What stays is the memos by value (ARN parses and patterns, action resolutions), bounded and now
    // full: about 10 MB, against 50 MB for the documents themselves.
    assert.ok(after - before < 12, `${(after - before).toFixed(1)} MB still held after forget (${(loaded - before).toFixed(1)} MB while open)`);
  });

  it('checks a large document a step at a time, with the diagnostics of a check at once', () => {
    const service = getService();
    const sqlLine = (i: number) => `COPY t${i} FROM 's3://bucket/p${i}/' IAM_ROLE '${i % 500 ? 'arn:aws:iam::123456789012:role/RoleA' : 'arn:aws:iam::12345:role/RoleA'}';\n`;
    const statement = (i: number) => `{"Sid":"S${i}","Effect":"Allow","Action":["s3:GetObjekt"],"Resource":"arn:aws:s3:::b-${i}/*"}`;
    const documents = [
      documentOf(Array.from({ length: 5000 }, (_, i) => sqlLine(i)).join(''), 'sql', 'file:///steps/load.sql'),
      documentOf(`{"Version":"2012-10-17","Statement":[${Array.from({ length: 300 }, (_, i) => statement(i)).join(',')}]}`, 'json', 'file:///steps/policy.json'),
    ];
    for (const doc of documents) {
      const steps = service.validationSteps(doc);
      let count = 1;
      let step = steps.next();
      for (; !step.done; step = steps.next()) count++;
      service.forget(doc);
      const atOnce = service.validate(doc);
      assert.ok(atOnce.length > 0);
      assert.deepEqual(step.value, atOnce);
      // SQL: the lexing (64 KB a step: 6 steps for these 385 KB), then every 100 statements read and checked
      // by all the rules (50 steps); a policy: the parse and each rule.
      assert.ok(count >= (doc.languageId === 'sql' ? 6 + 50 : POLICY_RULES.length), `${doc.uri}: ${count} steps`);
    }
  });

  it('keeps no earlier version of an edited document alive in its caches', () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const heapMb = () => { gc(); gc(); return process.memoryUsage().heapUsed / 1e6; };
    const service = getService();
    const sqlLine = (i: number) => `COPY t${i} FROM 's3://bucket/p${i}/' IAM_ROLE 'arn:aws:iam::123456789012:role/Loader${i % 50}';\n`;
    const statement = (i: number) => `{"Effect":"Allow","Action":["s3:GetObject","s3:List${'Bucket'.slice(0, 1 + (i % 6))}*"],"Resource":"arn:aws:s3:::bucket-${i}/*"}`;
    const documents = [
      { text: `{"Version":"2012-10-17","Statement":[${Array.from({ length: 3000 }, (_, i) => statement(i)).join(',')}]}`, languageId: 'json', uri: 'file:///edited/policy.json', marker: /"s3:GetObject"/g },
      { text: Array.from({ length: 5000 }, (_, i) => sqlLine(i)).join(''), languageId: 'sql', uri: 'file:///edited/load.sql', marker: /role\/Loader/g },
    ];
    for (const { text: original, languageId, uri, marker } of documents) {
      // Each edit writes a new role ARN or action, as typing does: a string that no cache has seen.
      const places = [...original.matchAll(marker)].map((m) => m.index! + 4);
      let text = original;
      const edit = (k: number) => {
        const at = places[(k * 37) % places.length];
        text = `${text.slice(0, at)}${k}${text.slice(at)}`;
        service.validate(documentOf(text, languageId, uri));
      };
      for (let k = 0; k < 10; k++) edit(k);
      const before = heapMb();
      for (let k = 10; k < 40; k++) edit(k);
      const grown = heapMb() - before;
      service.forget(documentOf(text, languageId, uri));
      // Each version kept alive would hold its whole text: at least 30 × 0.3 MB.
      assert.ok(grown < 3, `${uri}: the heap grew by ${grown.toFixed(1)} MB over 30 edits`);
    }
  });

  it('places diagnostics where the document itself puts those offsets, with line feeds or carriage returns', () => {
    const service = getService();
    const sql = "COPY a FROM 's3://b/' IAM_ROLE 'arn:aws:iam::12345:role/R';\n\nUNLOAD ('select 1') TO 's3://b/'\n  IAM_ROLE 'arn:aws:iam::123456789012:role/A, arn:aws:iam::123456789012:role/B';\nCOPY t FROM 's3://b/' IAM_ROLE 'x";
    for (const text of [sql, sql.replace(/\n/g, '\r\n'), sql.replace(/\n/g, '\r')]) {
      const doc = documentOf(text, 'sql', 'file:///test/places.sql');
      const diagnostics = service.validate(doc);
      assert.ok(diagnostics.length >= 3, `findings in ${JSON.stringify(text.slice(0, 20))}`);
      const findings = service.findings(doc);
      for (const [k, d] of diagnostics.entries()) {
        assert.deepEqual(d.range, { start: doc.positionAt(findings[k].offset), end: doc.positionAt(findings[k].offset + findings[k].length) });
      }
    }
  });

  it('places a finding at any offset, line feeds and the ends of the text included, where the document does', () => {
    for (const text of ['', '\n', 'a\n\nbc\n', '{\n  "a": 1\n}', 'x\r\ny\rz\n']) {
      const doc = documentOf(text, 'json', 'file:///test/offsets.json');
      // In reverse, so that the findings do not come in the order of the text.
      const findings = Array.from({ length: text.length + 3 }, (_, k) => ({ rule: 'invalid-arn', offset: text.length + 1 - k, length: k % 3, message: 'm' }));
      const diagnostics = toDiagnostics(doc, findings, {});
      assert.equal(diagnostics.length, findings.length);
      for (const [k, d] of diagnostics.entries()) {
        assert.deepEqual(d.range, { start: doc.positionAt(findings[k].offset), end: doc.positionAt(findings[k].offset + findings[k].length) }, `${JSON.stringify(text)} at ${findings[k].offset}`);
      }
    }
  });
});

