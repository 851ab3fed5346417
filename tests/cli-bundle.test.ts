import { spawn, spawnSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { compileScript } from '../bin/code-cache.mjs'
import { bin, ensureCliBuilt, root, tinyCounts, tinyFlags } from './helpers/cli.ts'

// The compiled CLI's own shape (scripts/build-cli.mjs): the code cache a start uses, and the files beside main.cjs
// that other commands load at run time.
beforeAll(ensureCliBuilt, 120_000)
const bundle = join(root, 'dist-cli/main.cjs')
const work = mkdtempSync(join(tmpdir(), 'fincrime-bundle-'))

describe('the bundled CLI', () => {
  it('starts from the code cache its build made, and never from a cache made for another build', () => {
    expect(compileScript(bundle).cached).toBe(true)
    // The same bundle under another build's name (same length, so V8's own check would pass): compiled afresh.
    const copy = join(work, 'main.cjs')
    const source = readFileSync(bundle, 'utf8')
    const other = source.replace(/^\/\/ build ([0-9a-f])/, (_, c: string) => `// build ${c === '0' ? '1' : '0'}`)
    expect(other.length).toBe(source.length)
    expect(other).not.toBe(source)
    writeFileSync(copy, other)
    copyFileSync(bundle + '.cache', copy + '.cache')
    expect(compileScript(copy).cached).toBe(false)
  })

  it('writes the same bytes from the cache as plain node does without it (--out -)', () => {
    const args = ['--out', '-', ...tinyFlags]
    // The whole stream (about 6 MB): past spawnSync's default 1 MiB the child is killed and each side is cut
    // wherever its last write landed, which differs between runs on a busy machine.
    const run = (cmd: string[]) =>
      spawnSync(process.execPath, [...cmd, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 })
    const cached = run([bin])
    const plain = run([bundle])
    expect(cached.error).toBeUndefined()
    expect(plain.error).toBeUndefined()
    expect(cached.status, cached.stderr).toBe(0)
    expect(plain.status, plain.stderr).toBe(0)
    expect(cached.stdout.split('\n').at(-2)).toMatch(/"table":/)
    expect(cached.stdout.length).toBeGreaterThan(1 << 20)
    expect(cached.stdout).toBe(plain.stdout)
  })

  let server: ReturnType<typeof spawn> | null = null
  afterAll(() => void server?.kill())

  it('serve runs a job on its thread (job-worker.js is found beside the module that starts it)', async () => {
    server = spawn(process.execPath, [bin, 'serve', '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] })
    const address = await new Promise<string>((resolve, reject) => {
      let err = ''
      server?.stderr?.on('data', (chunk: Buffer) => {
        err += chunk.toString()
        const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(err)
        if (m) resolve(m[1])
      })
      server?.once('exit', (code) => reject(new Error(`serve exited (${code}): ${err}`)))
    })
    const counts = { ...tinyCounts, communications: 0, trades: 0, travels: 0, documents: 0, accessEvents: 0 }
    const res = await fetch(`${address}/api/v1/datasets?format=csv`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ counts }),
    })
    const body = Buffer.from(await res.arrayBuffer())
    expect(res.status).toBe(200)
    // A zip whose central directory names the transactions file: the job really ran.
    expect(body.subarray(0, 2).toString()).toBe('PK')
    expect(body.includes('transactions.csv')).toBe(true)
  }, 60_000)
})
