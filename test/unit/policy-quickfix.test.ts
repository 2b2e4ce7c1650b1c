/** Every quick fix that a policy rule offers on the policy fixtures, applied one at a time: the finding
 * it fixes is gone from its place and the fix breaks no JSON. Rules whose page promises a quick fix
 * must have one exercised here. */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { POLICY_RULES } from '../../server/src/service/policy/rules';
import type { Finding, Fix } from '../../server/src/service/types';
import { applyFix, findingsOf, FIXTURES, ROOT } from '../helpers';

/** Where an offset of the text before a fix lands in the text after it. An offset inside an edited
 * span lands at that edit's start (`side` 0) or end (`side` 1); so does text inserted right at it. */
function mapOffset(offset: number, fix: Fix, side: 0 | 1): number {
  let shift = 0;
  for (const e of [...fix.edits].sort((a, b) => a.offset - b.offset)) {
    const before = e.offset + e.length < offset || (e.offset + e.length === offset && (e.length > 0 || side === 1));
    if (before) shift += e.newText.length - e.length;
    else if (e.offset < offset) return e.offset + shift + (side ? e.newText.length : 0);
    else break;
  }
  return offset + shift;
}

function policyFixtures(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? policyFixtures(path) : entry.name.endsWith('.json') ? [path] : [];
  });
}

const exercised = new Set<string>();
const VALUE_FIX_RULES = new Set(['unknown-action', 'unknown-condition-key', 'redundant-action']);
const syntaxErrors = (findings: Finding[]) => findings.filter((f) => f.rule === 'json-syntax').length;

describe('policy quick fixes on the fixtures', () => {
  for (const path of [...policyFixtures(join(FIXTURES, 'policy')), ...policyFixtures(join(FIXTURES, 'aws-docs'))]) {
    const text = readFileSync(path, 'utf8');
    const findings = findingsOf(text);
    for (const finding of findings) {
      for (const fix of finding.fixes ?? []) {
        exercised.add(finding.rule);
        it(`${relative(FIXTURES, path)} ${finding.where} ${finding.rule}: ${fix.title}`, () => {
          const fixed = applyFix(text, fix);
          const after = findingsOf(fixed);
          const before = syntaxErrors(findings);
          assert.ok(syntaxErrors(after) <= before - (finding.rule === 'json-syntax' ? 1 : 0), `the fix breaks or keeps the JSON broken:\n${fixed}`);
          const start = mapOffset(finding.offset, fix, 0);
          const end = mapOffset(finding.offset + finding.length, fix, 1);
          const still = after.find((f) => f.rule === finding.rule && f.message === finding.message && f.offset <= end && f.offset + f.length >= start);
          assert.equal(still, undefined, `the finding is still there after the fix:\n${fixed}`);
          // A value fix must not trade one finding for another; a key fix may reveal what the key hid
          // (a corrected "Statment" exposes its statements to the checks).
          if (VALUE_FIX_RULES.has(finding.rule)) {
            const count = (list: Finding[]) => list.filter((f) => f.rule === finding.rule).length;
            assert.ok(count(after) < count(findings), `the fix brings another ${finding.rule} finding:\n${fixed}`);
          }
        });
      }
    }
  }
});

describe('quick fix coverage', () => {
  it('exercises a fix of every policy rule whose page promises one', () => {
    const promised = POLICY_RULES.map((r) => r.id).filter((id) => {
      const page = join(ROOT, 'docs', 'rules', `${id}.md`);
      return existsSync(page) && /\*\*Quick fix:\*\* yes/.test(readFileSync(page, 'utf8'));
    });
    assert.ok(promised.length > 0);
    assert.deepEqual(promised.filter((id) => !exercised.has(id)), []);
  });
});
