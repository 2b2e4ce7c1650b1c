/** Work done a step at a time: a generator that yields between steps and returns its result, so that a
 * caller with other things to do (the server, serving requests) can run the steps apart and stop early.
 * A step may yield a promise: the work waits for it (a part done on another thread) before it goes on. */
export type Steps<T> = Generator<Promise<unknown> | undefined, T, undefined>;

/** Runs every step at once and returns the result. Only for steps that never wait: nothing can be
 * awaited here. */
export function finish<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (step.value) throw new Error('These steps wait for work done elsewhere: run them where the wait can be awaited.');
  }
}
