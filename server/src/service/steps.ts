/** Work done a step at a time: a generator that yields between steps and returns its result, so that a
 * caller with other things to do (the server, serving requests) can run the steps apart and stop early. */
export type Steps<T> = Generator<undefined, T, undefined>;

/** Runs every step at once and returns the result. */
export function finish<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
