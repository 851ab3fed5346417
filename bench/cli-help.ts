import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/**
 * Startup of the compiled CLI: wall time of `fincrime-synth --help` (plain node, the bundle in dist-cli/), median
 * of 10 runs after one warm-up. Target: well under 200 ms. Build first (`npm run build` or `npm run build:cli`).
 */
export function benchCliHelp(runs = 10): { medianMs: number; samples: number[] } {
  const bin = fileURLToPath(new URL('../bin/fincrime-synth.mjs', import.meta.url))
  const once = () => {
    const started = performance.now()
    execFileSync(process.execPath, [bin, '--help'], { stdio: 'ignore' })
    return performance.now() - started
  }
  once()
  const samples = Array.from({ length: runs }, once)
  const sorted = [...samples].sort((a, b) => a - b)
  return { medianMs: (sorted[(runs - 1) >> 1] + sorted[runs >> 1]) / 2, samples }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { medianMs, samples } = benchCliHelp()
  console.log(
    `fincrime-synth --help: median ${medianMs.toFixed(0)} ms of 10 runs (${samples.map((s) => s.toFixed(0)).join(', ')} ms); target < 200 ms`,
  )
}
