/** The server's SQL helper thread, seen from the server: a `CheckApart` that hands the second half of a
 * long script to a worker thread (sqlWorker.ts), so that a check from scratch of a long script runs on two
 * cores. The thread starts at the first long script and takes work once it is up; until then, and after
 * it failed three times, the server checks scripts whole. */
import { Worker } from 'node:worker_threads';
import type { CheckApart, StretchCheck } from './service/sql';

export interface HelperRequest { id: number; text: string; from: number }
/** What the thread sends: that it is up, an answer (without a result if the work failed), or a line for the log. */
export type HelperReply = { ready: true } | { id: number; result?: StretchCheck; log?: string } | { log: string };

/** How many times the thread may fail before the server gives up on it. */
const MAX_FAILURES = 3;
/** An idle thread is stopped after this long, and its memory (copies of the scripts it read) let go; the
 * next long script starts it again. */
const IDLE_MS = 60_000;

/** Where the helper reports: that its thread is up, and what failed. */
export interface HelperLog { info(message: string): void; error(message: string): void }

export function sqlHelper(workerFile: string, log: HelperLog, idleMs = IDLE_MS): CheckApart {
  let worker: Worker | undefined;
  let ready = false;
  let failures = 0;
  let idle: NodeJS.Timeout | undefined;
  let nextId = 0;
  const waiting = new Map<number, (result: StretchCheck | undefined) => void>();

  function start(): Worker {
    const thread = new Worker(workerFile);
    thread.on('message', (reply: HelperReply) => {
      // A thread let go (idle) may still answer: what waited for it has been answered already.
      if (worker !== thread) return;
      if ('ready' in reply) {
        ready = true;
        log.info('The SQL helper thread is up: long scripts are checked in two halves at once.');
      }
      if ('log' in reply && reply.log) log.error(reply.log);
      if ('id' in reply) {
        waiting.get(reply.id)?.(reply.result);
        waiting.delete(reply.id);
        if (waiting.size === 0) thread.unref();
      }
    });
    const stopped = (why: string) => {
      if (worker !== thread) return;
      failures++;
      log.error(`The SQL helper thread stopped (${why}); ${failures < MAX_FAILURES ? 'it starts again with the next long script' : 'scripts are checked whole from now on'}.`);
      forget();
    };
    thread.on('error', (error) => stopped(error.stack ?? error.message));
    thread.on('exit', (code) => stopped(`exit code ${code}`));
    // An idle helper must not keep the server alive once the editor is gone (after the listeners,
    // which would hold it again); one with work does, until it answers.
    thread.unref();
    return thread;
  }

  /** Drops the thread: what waits for it gets undefined, and is done by the server. */
  function forget(): void {
    worker = undefined;
    ready = false;
    clearTimeout(idle);
    for (const answer of waiting.values()) answer(undefined);
    waiting.clear();
  }

  return (text, from) => {
    if (!worker) {
      if (failures >= MAX_FAILURES) return undefined;
      worker = start();
    }
    const thread = worker;
    clearTimeout(idle);
    idle = setTimeout(() => {
      forget();
      void thread.terminate();
    }, idleMs).unref();
    if (!ready) return undefined;
    const id = nextId++;
    const answer = new Promise<StretchCheck | undefined>((resolve) => waiting.set(id, resolve));
    worker.ref();
    worker.postMessage({ id, text, from } satisfies HelperRequest);
    return answer;
  };
}
