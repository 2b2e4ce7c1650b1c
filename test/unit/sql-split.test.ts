import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkStretch, sqlFindingSteps, type CheckApart } from '../../server/src/service/sql';
import { ruleRunner } from '../../server/src/service/runRule';
import { finish, type Steps } from '../../server/src/service/steps';
import { sqlWorkload } from '../../scripts/workloads.mjs';
import { sqlFixtureScript } from '../helpers';

const runRule = ruleRunner((id, error) => assert.fail(`rule ${id} threw: ${String(error)}`));

/** Runs steps as the server does, awaiting what they wait for. */
async function run<T>(steps: Steps<T>): Promise<T> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await step.value;
  }
}

/** A helper that does the work at once, in this thread, and notes where it was asked to start. */
function helper(answer: (text: string, from: number) => ReturnType<CheckApart> = (text, from) => Promise.resolve(checkStretch(text, from, runRule))) {
  const asked: number[] = [];
  const apart: CheckApart = (text, from) => {
    asked.push(from);
    return answer(text, from);
  };
  return { asked, apart };
}

/** The check of `text` in one piece, and with `apart` taking its second half: the same findings, in the same order, and the same boundaries. */
async function assertSameAsWhole(text: string, apart: CheckApart): Promise<void> {
  const whole = finish(sqlFindingSteps(text, runRule));
  const split = await run(sqlFindingSteps(text, runRule, undefined, apart));
  assert.deepEqual(split.findings, whole.findings);
  assert.deepEqual(split.check.boundaries.offsets, whole.check.boundaries.offsets);
  assert.deepEqual(split.check.boundaries.reaches, whole.check.boundaries.reaches);
  assert.deepEqual(split.check.stretches, whole.check.stretches);
}

/** Statements with no mistakes, about `length` characters of them. */
const filler = (length: number) => "COPY t FROM 's3://bucket/key' IAM_ROLE 'arn:aws:iam::123456789012:role/R';\n".repeat(Math.ceil(length / 76));

describe('a long SQL check split between two threads', () => {
  it('finds what the check in one piece finds, wherever the middle falls among the fixtures', async () => {
    const script = sqlFixtureScript(250_000);
    const { asked, apart } = helper();
    for (let shift = 0; shift < 2000; shift += 97) await assertSameAsWhole(`-- ${'x'.repeat(shift)}\n${script}`, apart);
    assert.equal(asked.length, 21);
  });

  it('finds what the check in one piece finds in the benchmark script', async () => {
    const { asked, apart } = helper();
    await assertSameAsWhole(sqlWorkload(2500), apart);
    assert.equal(asked.length, 1);
  });

  it("takes the helper's findings for the second half when the cut it guessed is a boundary, and only then", async () => {
    const marked = (text: string, from: number) => {
      const found = checkStretch(text, from, runRule);
      return Promise.resolve({ ...found, findings: [...found.findings, { rule: 'helper', offset: from, length: 0, message: 'from the helper' }] });
    };
    const rules = async (text: string) => (await run(sqlFindingSteps(text, runRule, undefined, helper(marked).apart))).findings.map((f) => f.rule);
    assert.ok((await rules(sqlFixtureScript(250_000))).includes('helper'));
    const inBody = `${filler(120_000)}CREATE FUNCTION f() RETURNS int AS $$\n${'select 1;\n'.repeat(10_000)}$$ LANGUAGE sql;\n${filler(120_000)}`;
    assert.ok(!(await rules(inBody)).includes('helper'));
  });

  it('checks the second half itself when the cut it guessed falls inside a function body', async () => {
    const body = 'select 1;\n'.repeat(10_000);
    const text = `${filler(120_000)}CREATE FUNCTION f() RETURNS int AS $$\n${body}$$ LANGUAGE sql;\n${filler(120_000)}`;
    const { asked, apart } = helper();
    await assertSameAsWhole(text, apart);
    assert.equal(asked.length, 1);
    // Taken from where it was asked to start, the other half would have been wrong.
    const guessed = checkStretch(text, asked[0], runRule);
    const whole = finish(sqlFindingSteps(text, runRule));
    assert.notDeepEqual(guessed.boundaries, whole.check.boundaries.offsets.filter((b) => b >= asked[0]));
  });

  it('checks the second half itself when no boundary follows the cut it guessed', async () => {
    const text = `${filler(120_000)}CREATE FUNCTION f() RETURNS int AS $$\n${'select 1;\n'.repeat(15_000)}`;
    const { asked, apart } = helper();
    await assertSameAsWhole(text, apart);
    assert.equal(asked.length, 1);
  });

  it('checks the second half itself when the helper fails', async () => {
    const { asked, apart } = helper(() => Promise.resolve(undefined));
    await assertSameAsWhole(sqlFixtureScript(250_000), apart);
    assert.equal(asked.length, 1);
  });

  it('checks the script whole when the helper cannot take the work', async () => {
    const { asked, apart } = helper(() => undefined);
    await assertSameAsWhole(sqlFixtureScript(250_000), apart);
    assert.equal(asked.length, 1);
  });

  it('keeps a short script in one piece', async () => {
    const { asked, apart } = helper();
    await assertSameAsWhole(sqlFixtureScript(150_000).slice(0, 150_000), apart);
    assert.equal(asked.length, 0);
  });

  it('cannot be run at once once it waits', () => {
    const { apart } = helper();
    assert.throws(() => finish(sqlFindingSteps(sqlFixtureScript(250_000), runRule, undefined, apart)), /wait/);
  });
});
