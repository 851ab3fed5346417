import type { Progress } from '../engine/index.ts'

/** Progress on stderr: one redrawn line on a terminal, one line per phase otherwise (logs, CI). */
export function createProgressReporter(stream: NodeJS.WriteStream) {
  let lastPhase = ''
  return {
    report(p: Progress) {
      const pct = Math.floor(p.fraction * 100)
      if (stream.isTTY) {
        const width = 30
        const filled = Math.round(p.fraction * width)
        stream.write(
          `\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${String(pct).padStart(3)}%  ${p.label.padEnd(30)} ${p.rows} rows`,
        )
      } else if (p.phase !== lastPhase) {
        stream.write(`${String(pct).padStart(3)}%  ${p.label}\n`)
      }
      lastPhase = p.phase
    },
    finish() {
      if (stream.isTTY) stream.write('\r' + ' '.repeat(100) + '\r')
    },
  }
}
