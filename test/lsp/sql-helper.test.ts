/** The SQL helper thread: the real dist/sqlWorker.js, alone and behind the bundled server. */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkStretch, type CheckApart, type StretchCheck } from '../../server/src/service/sql';
import { ruleRunner } from '../../server/src/service/runRule';
import { sqlHelper } from '../../server/src/sqlHelper';
import { documentOf, getService, ROOT, sqlFixtureScript } from '../helpers';
import { LspClient } from './client';

const WORKER = join(ROOT, 'dist', 'sqlWorker.js');

function recorder() {
  const lines = { info: [] as string[], error: [] as string[] };
  return { lines, log: { info: (m: string) => lines.info.push(m), error: (m: string) => lines.error.push(m) } };
}

/** Asks `apart` until its thread is up and takes the work (it answers undefined while it starts). */
async function whenUp(apart: CheckApart, text: string, from: number): Promise<StretchCheck | undefined> {
  for (let tries = 0; tries < 100; tries++) {
    const answer = apart(text, from);
    if (answer) return answer;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.fail('the helper thread never came up');
}

describe('the SQL helper thread', () => {
  it('checks the second half of a script as this thread does', async () => {
    const { lines, log } = recorder();
    const apart = sqlHelper(WORKER, log);
    const text = sqlFixtureScript(250_000);
    const from = text.indexOf(';\n', text.length >> 1) + 1;
    assert.deepEqual(await whenUp(apart, text, from), checkStretch(text, from, ruleRunner()));
    assert.equal(lines.info.length, 1);
    assert.deepEqual(lines.error, []);
  });

  it('stops an idle thread and starts it again for the next long script', async () => {
    const { lines, log } = recorder();
    const apart = sqlHelper(WORKER, log, 300);
    const text = sqlFixtureScript(250_000);
    const from = text.indexOf(';\n', text.length >> 1) + 1;
    const expected = checkStretch(text, from, ruleRunner());
    assert.deepEqual(await whenUp(apart, text, from), expected);
    await new Promise((resolve) => setTimeout(resolve, 600));
    assert.equal(apart(text, from), undefined, 'stopped when idle, and starting again');
    assert.deepEqual(await whenUp(apart, text, from), expected);
    assert.equal(lines.info.length, 2);
    assert.deepEqual(lines.error, []);
  });

  it('gives up after three starts of a thread that cannot start, saying so, and never answers', async () => {
    const { lines, log } = recorder();
    const apart = sqlHelper(join(ROOT, 'dist', 'missing.js'), log);
    for (let call = 0; call < 20 && lines.error.length < 3; call++) {
      assert.equal(apart('select 1;', 0), undefined);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.equal(lines.error.length, 3, lines.error.join('\n'));
    assert.match(lines.error[0], /stopped .*starts again/s);
    assert.match(lines.error[2], /checked whole from now on/);
    assert.equal(apart('select 1;', 0), undefined);
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(lines.error.length, 3);
  });

  it('behind the server: a long script gets the diagnostics of a check in one piece, before and after the thread is up', async () => {
    const client = new LspClient();
    await client.initialize();
    const text = sqlFixtureScript(300_000);
    const expected = getService().validate(documentOf(text, 'sql', 'file:///w/long.sql'));
    assert.ok(expected.length > 100);
    for (let open = 0; open < 20 && !client.logs.some((l) => /helper thread is up/.test(l)); open++) {
      assert.deepEqual(await client.open(`file:///w/long-${open}.sql`, 'sql', text), expected);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.ok(client.logs.some((l) => /helper thread is up/.test(l)), 'the helper thread came up');
    for (let open = 0; open < 3; open++) assert.deepEqual(await client.open(`file:///w/split-${open}.sql`, 'sql', text), expected);
    assert.equal(await client.shutdown(), 0);
  });
});
