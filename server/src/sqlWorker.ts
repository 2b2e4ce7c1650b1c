/** Entry of the server's SQL helper thread (dist/sqlWorker.js, started by sqlHelper.ts): checks the
 * statements of a long script from a boundary to its end while the server checks the first half. */
import { parentPort } from 'node:worker_threads';
import { checkStretch } from './service/sql';
import { ruleRunner } from './service/runRule';
import type { HelperReply, HelperRequest } from './sqlHelper';

const port = parentPort!;
const post = (reply: HelperReply) => port.postMessage(reply);
const describe = (error: unknown) => (error instanceof Error ? error.stack ?? error.message : String(error));
const runRule = ruleRunner((id, error) => post({ log: `Rule ${id} failed and was skipped (SQL helper thread): ${describe(error)}` }));

port.on('message', ({ id, text, from }: HelperRequest) => {
  try {
    post({ id, result: checkStretch(text, from, runRule) });
  } catch (error) {
    post({ id, log: `The SQL helper thread failed; the server checks the whole script itself: ${describe(error)}` });
  }
});
post({ ready: true });
