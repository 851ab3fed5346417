/** Exit codes by the shell's convention, 128 + the signal's number. */
export const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const
export type StopSignal = keyof typeof SIGNAL_EXIT

/**
 * Ctrl-C, `kill` and a closed terminal all stop a run the same way. The first signal asks for an orderly stop
 * (`onFirst`: abort, close files, remove the temp folder); a second one, or any signal while `stopNow` is the
 * right answer, runs the synchronous `onSecond` (remove the temp folder) and exits at once. `npm run` forwards the
 * terminal's signal to us as well, so a single Ctrl-C through npm may arrive twice: both paths leave nothing.
 */
export function handleStopSignals(onFirst: (signal: StopSignal) => void, onSecond: (signal: StopSignal) => void) {
  let first: StopSignal | null = null
  const stop = (signal: StopSignal) => {
    if (first === null) {
      first = signal
      onFirst(signal)
    } else onSecond(first)
  }
  for (const signal of Object.keys(SIGNAL_EXIT) as StopSignal[]) process.on(signal, () => stop(signal))
  return {
    get received(): StopSignal | null {
      return first
    },
    /** Stops as if `signal` had arrived (the launcher went away: see launcher-watch.ts). */
    stop,
  }
}
