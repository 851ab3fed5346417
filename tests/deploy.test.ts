// The batch recipes in deploy/ run exactly as the engines would run them: the same command lines and environment
// (the part number from JOB_COMPLETION_INDEX or SLURM_ARRAY_TASK_ID), all parts at once, then the merge step;
// the merged dataset must equal a single run byte for byte.
import { spawn } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { bin as cliBin, ensureCliBuilt, root } from './helpers/cli.ts'

beforeAll(ensureCliBuilt, 120_000)
const work = mkdtempSync(join(tmpdir(), 'fincrime-deploy-'))

// Stands in for the `fincrime-synth` the image installs on PATH.
const bin = join(work, 'bin')
mkdirSync(bin)
writeFileSync(join(bin, 'fincrime-synth'), `#!/bin/sh\nexec "${process.execPath}" "${cliBin}" "$@"\n`)
chmodSync(join(bin, 'fincrime-synth'), 0o755)
writeFileSync(join(bin, 'shard-run'), `#!/bin/sh\nexec "${join(root, 'deploy/shard-run.sh')}" "$@"\n`)
chmodSync(join(bin, 'shard-run'), 0o755)

const config = join(work, 'config.json')
writeFileSync(
  config,
  JSON.stringify({
    seed: 'deploy',
    counts: {
      persons: 60,
      companies: 12,
      accounts: 130,
      transactions: 1500,
      communications: 120,
      trades: 60,
      travels: 30,
      documents: 40,
      accessEvents: 200,
    },
  }),
)

function run(command: string, args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; stderr: string }>((done) => {
    const child = spawn(command, args, {
      cwd: work,
      env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, NODE_PATH: join(root, 'node_modules'), ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => (stderr += d))
    // Parallel tasks writing into one folder see each other's temp folders; those notes are not errors.
    child.on('close', (code) =>
      done({ code, stderr: stderr.replace(/^note: .* belongs to a run that is still going .*\n/gm, '') }),
    )
  })
}

const files = (dir: string) =>
  Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name)).toString('base64')]))

let whole: Promise<string> | undefined
/**
 * The same config as one plain run, made once for the tests that compare against it. Without the whole-dataset
 * reports (audit.json, realism.json): only a single run sees every row, so a sharded dataset has none.
 */
function singleRun(): Promise<string> {
  const out = join(work, 'whole')
  const args = ['--config', config, '--out', out, '--quiet', '--threads', '0', '--no-audit', '--no-realism']
  whole ??= run('fincrime-synth', args, {}).then((r) => {
    expect(r).toEqual({ code: 0, stderr: '' })
    return out
  })
  return whole
}

/** The merged manifest names every table with the sha256 and size of the whole file a single run writes. */
function expectSameAsSingleRun(merged: string, whole: string) {
  const m = JSON.parse(readFileSync(join(merged, 'manifest.json'), 'utf8'))
  const w = JSON.parse(readFileSync(join(whole, 'manifest.json'), 'utf8'))
  const strip = (f: { parts?: unknown }) => ({ ...f, parts: undefined })
  expect(m.files.map(strip)).toEqual(w.files.map(strip))
  expect(m.counts).toEqual(w.counts)
}

describe('deploy recipes', () => {
  it('the Kubernetes Indexed Job and its merge Job rebuild a single run', { timeout: 240_000 }, async () => {
    const job = parse(readFileSync(join(root, 'deploy/k8s/indexed-job.yaml'), 'utf8'))
    expect(job.spec.completionMode).toBe('Indexed')
    const container = job.spec.template.spec.containers[0]
    const env = Object.fromEntries(container.env.map((e: { name: string; value: string }) => [e.name, e.value]))
    const n = job.spec.completions as number
    expect(Number(env.SHARDS)).toBe(n)
    const out = join(work, 'k8s')
    // Every pod at once, as with parallelism = completions; the mounted paths point into the test's folder.
    const pods = Array.from({ length: n }, (_, i) =>
      run(container.command[0], container.command.slice(1), {
        ...env,
        CONFIG: config,
        OUT: out,
        JOB_COMPLETION_INDEX: String(i),
      }),
    )
    for (const pod of await Promise.all(pods)) expect(pod).toEqual({ code: 0, stderr: '' })
    expect(readdirSync(out).sort()).toEqual(Array.from({ length: n }, (_, i) => `part-0000${i + 1}`))

    const merge = parse(readFileSync(join(root, 'deploy/k8s/merge-job.yaml'), 'utf8')).spec.template.spec.containers[0]
    const merged = await run(merge.command[0], merge.command.slice(1), { OUT: out })
    expect(merged.code).toBe(0)
    expectSameAsSingleRun(join(out, 'merged'), await singleRun())
  })

  it('the Slurm array and its merge script rebuild a single run, also concatenated', { timeout: 240_000 }, async () => {
    const script = readFileSync(join(root, 'deploy/slurm/generate.sbatch'), 'utf8')
    const [, first, last] = /^#SBATCH --array=(\d+)-(\d+)$/m.exec(script)!
    expect(Number(/^SHARDS=(\d+)$/m.exec(script)![1])).toBe(Number(last) - Number(first) + 1)
    const out = join(work, 'slurm')
    const tasks = []
    for (let id = Number(first); id <= Number(last); id++)
      tasks.push(
        run('sh', [join(root, 'deploy/slurm/generate.sbatch')], {
          CONFIG: config,
          OUT: out,
          SLURM_ARRAY_TASK_ID: `${id}`,
        }),
      )
    for (const task of await Promise.all(tasks)) expect(task).toEqual({ code: 0, stderr: '' })
    expect((await run('sh', [join(root, 'deploy/slurm/merge.sbatch')], { OUT: out })).code).toBe(0)
    const whole = await singleRun()
    expectSameAsSingleRun(join(out, 'merged'), whole)

    const parts = readdirSync(out)
      .filter((d) => d.startsWith('part-'))
      .map((d) => join(out, d))
    const concat = join(work, 'concat')
    const r = await run('fincrime-synth', ['merge', '--concat', '--quiet', '--out', concat, ...parts.reverse()], {})
    expect(r).toEqual({ code: 0, stderr: '' })
    expect(files(concat)).toEqual(files(whole))
  })

  it(
    'merge refuses a missing part, a mixed-up part and a changed file, in one line each',
    { timeout: 120_000 },
    async () => {
      mkdirSync(join(work, 'own'))
      const parts = [1, 2, 3, 4].map((i) => join(work, 'own', `part-${i}`))
      const made = parts.map((out, i) =>
        run('fincrime-synth', ['--config', config, '--out', out, '--shard', `${i + 1}/4`, '--quiet'], {}),
      )
      for (const r of await Promise.all(made)) expect(r).toEqual({ code: 0, stderr: '' })
      const merge = (args: string[]) =>
        run('fincrime-synth', ['merge', '--quiet', '--out', join(work, 'm'), ...args], {})

      const missing = await merge(parts.slice(0, 3))
      expect(missing.code).toBe(2)
      expect(missing.stderr).toBe('error: part 4 of 4 missing: run it, then merge again\n')

      const twice = await merge([...parts.slice(0, 3), parts[0]])
      expect(twice.code).toBe(2)
      expect(twice.stderr).toMatch(/^error: \S+part-1 and \S+part-1 are both part 1\n$/)

      const other = join(work, 'other-seed.json')
      writeFileSync(other, JSON.stringify({ ...JSON.parse(readFileSync(config, 'utf8')), seed: 'another' }))
      const stranger = join(work, 'stranger')
      expect(
        (await run('fincrime-synth', ['--config', other, '--out', stranger, '--shard', '4/4', '--quiet'], {})).code,
      ).toBe(0)
      const mixed = await merge([...parts.slice(0, 3), stranger])
      expect(mixed.code).toBe(2)
      expect(mixed.stderr).toMatch(/stranger has another seed than .*same command line\n$/)

      const victim = join(parts[1], 'transactions.csv')
      writeFileSync(victim, readFileSync(victim, 'utf8').slice(0, -10))
      const changed = await merge(parts)
      expect(changed.code).toBe(2)
      expect(changed.stderr).toMatch(/transactions\.csv does not match its manifest .*run that part again\n$/)
      expect(changed.stderr.split('\n')).toHaveLength(2)
      // --concat copies while it checks: a bad part must leave no half-written merged folder behind.
      const concatenated = await merge(['--concat', ...parts])
      expect(concatenated.code).toBe(2)
      expect(readdirSync(work).filter((d) => d === 'm' || d.includes('fincrime-synth-partial'))).toEqual([])
    },
  )
})
