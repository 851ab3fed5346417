/** Runs a stepped phase to the end at once, for callers that need not pause between steps. */
export function runSteps<T>(steps: Generator<unknown, T, void>): T {
  for (;;) {
    const r = steps.next()
    if (r.done) return r.value
  }
}
