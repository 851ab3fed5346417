import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * How fast Ctrl-C lands: SIGINT to the compiled CLI at 10 seeded moments of a 300,000-person run (population
 * build, injection, writing), time from the signal to the process's exit. Target: within 0.5 s. Runs that had
 * already finished are not counted. Build first (`npm run build:cli`).
 */
export async function benchCliCancel(moments = 10): Promise<{ medianMs: number; maxMs: number; samples: number[] }> {
  const bin = fileURLToPath(new URL('../bin/fincrime-synth.mjs', import.meta.url))
  const args = ['--quiet', '--persons', '300000', '--companies', '30000', '--accounts', '600000', '--threads', '0']
  let seed = 0x5eed
  const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32
  const samples: number[] = []
  for (let i = 0; i < moments; i++) {
    const work = mkdtempSync(join(tmpdir(), 'fincrime-cancel-'))
    const child = spawn(process.execPath, [bin, '--out', join(work, 'out'), ...args], { stdio: 'ignore' })
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
    await new Promise((r) => setTimeout(r, 500 + random() * 8000))
    const sent = performance.now()
    child.kill('SIGINT')
    const code = await exited
    if (code === 130) samples.push(performance.now() - sent)
    if (readdirSync(work).length > 0 && code === 130) throw new Error(`debris after a cancelled run in ${work}`)
    rmSync(work, { recursive: true, force: true })
  }
  const sorted = [...samples].sort((a, b) => a - b)
  return { medianMs: sorted[sorted.length >> 1] ?? NaN, maxMs: sorted.at(-1) ?? NaN, samples }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const r = await benchCliCancel()
  console.log(
    `Ctrl-C to exit: median ${r.medianMs.toFixed(0)} ms, max ${r.maxMs.toFixed(0)} ms over ${r.samples.length} cancelled runs; target < 500 ms`,
  )
}
