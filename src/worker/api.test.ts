import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import Papa from 'papaparse'
import { beforeAll, describe, expect, it } from 'vitest'
import { defaultConfig } from '../engine/config/defaults.ts'
import { countTable, type CountKey, type Progress } from '../engine/index.ts'
import { createEngineApi, MAX_GRAPH_ELEMENTS, type RunSummary } from './api.ts'
import { crossings, type CallName } from './surface.ts'
import { WRITE_BLOCK_BYTES } from './zip.ts'

/** Documents the zip adds for people beside the CLI's files. */
const DOCS = ['README.md', 'dictionary.csv']

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

describe('worker API in Node', () => {
  // Every test reads this one run and nothing another test leaves behind, so they pass in any order
  // (`vitest --sequence.shuffle`); a test that needs the worker's held state makes its own api.
  const api = createEngineApi()
  const config = defaultConfig()
  let summary: RunSummary
  const progress: Progress[] = []
  beforeAll(async () => {
    const response = await api.generate(config, (p) => progress.push(p))
    if (!response.ok) throw new Error(`the default config failed: ${JSON.stringify(response.issues)}`)
    summary = response.summary
  }, 60_000)

  it('generates the default config with background counts as configured and one pattern row per instance', () => {
    for (const [key, count] of Object.entries(config.counts)) {
      const table = countTable(key as CountKey)
      expect(summary.counts[table] - summary.injected[table], table).toBe(count)
    }
    // The configured instances are the suspicious ones; the default difficulty adds benign look-alikes beside them.
    const instances = Object.values(config.patterns).reduce((n, p) => n + p.count, 0)
    expect(summary.patterns.filter((p) => p.isSuspicious)).toHaveLength(instances)
    expect(summary.counts.patterns).toBe(summary.patterns.length)
    expect(progress.length).toBeGreaterThan(0)
    expect(progress.at(-1)?.fraction).toBeCloseTo(1)
  })

  it('sends a summary, not the rows: small heads of every CSV file and a capped graph', () => {
    const csvFiles = summary.files.filter((f) => f.name.endsWith('.csv'))
    expect(Object.keys(summary.heads).sort()).toEqual(csvFiles.map((f) => f.name).sort())
    for (const [name, head] of Object.entries(summary.heads)) {
      const lines = strFromU8(head).split('\n').filter(Boolean)
      expect(lines.length, name).toBeLessThanOrEqual(31)
      expect(head.length, name).toBeLessThan(64 * 1024)
    }
    expect(strFromU8(summary.heads['persons.csv']).startsWith('id,')).toBe(true)
    expect(summary.graph?.nodes.length).toBeGreaterThan(0)
    expect('members' in summary).toBe(false)
    expect('preview' in summary).toBe(false)
  })

  it('streams the zip in blocks that are never more than one block over the limit, each awaited, with rising progress', async () => {
    const blocks: Uint8Array[] = []
    let writing = false
    const fractions: number[] = []
    const written = await api.streamDownload(
      config,
      'csv',
      async (block) => {
        // The next block must wait for this one: a slow disk holds the worker back instead of memory filling up.
        expect(writing).toBe(false)
        writing = true
        await new Promise((resolve) => setTimeout(resolve, 1))
        blocks.push(block)
        writing = false
      },
      (p) => fractions.push(p.fraction),
    )
    const whole = await api.exportZip(config)
    const joined = new Uint8Array(blocks.reduce((n, b) => n + b.length, 0))
    blocks.reduce((at, b) => (joined.set(b, at), at + b.length), 0)
    expect(written.bytes).toBe(whole.bytes.length)
    expect(written.name).toBe(whole.name)
    expect(sha256(joined)).toBe(sha256(whole.bytes))
    for (const b of blocks.slice(0, -1)) expect(b.length).toBeGreaterThanOrEqual(WRITE_BLOCK_BYTES)
    for (const b of blocks) expect(b.length).toBeLessThan(2 * WRITE_BLOCK_BYTES)
    expect(fractions.length).toBeGreaterThan(5)
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b))
    expect(fractions.at(-1)).toBe(1)
  })

  it('zips exactly the files the sink received, with the manifest’s hashes', async () => {
    const download = await api.exportZip(config)
    expect(download.name).toMatch(/\.zip$/)
    const entries = unzipSync(download.bytes)
    expect(Object.keys(entries).sort()).toEqual([...summary.files.map((f) => f.name), ...DOCS].sort())
    const manifest = JSON.parse(strFromU8(entries['manifest.json'])) as {
      files: { name: string; sha256: string; bytes: number; rows: number | null }[]
    }
    expect(manifest.files.map((f) => f.name).sort()).toEqual(
      summary.files
        .filter((f) => f.name !== 'manifest.json')
        .map((f) => f.name)
        .sort(),
    )
    for (const file of manifest.files) {
      const bytes = entries[file.name]
      expect(bytes, file.name).toBeDefined()
      expect(sha256(bytes), file.name).toBe(file.sha256)
      expect(bytes.length, file.name).toBe(file.bytes)
      if (!file.name.endsWith('.csv')) continue // load.py and load.sql travel with the CSV files
      const parsed = Papa.parse(strFromU8(bytes), { skipEmptyLines: true })
      expect(parsed.errors, file.name).toEqual([])
      expect(parsed.data.length - 1, file.name).toBe(file.rows) // minus the header row
    }
    for (const file of summary.files) expect(sha256(entries[file.name]), file.name).toBe(file.sha256)
  })

  it('zips the same bytes the CLI writes for the same config', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fincrime-cli-'))
    try {
      writeFileSync(join(dir, 'config.json'), JSON.stringify(config))
      const cli = spawnSync(
        process.execPath,
        ['--import', 'tsx', 'src/cli/main.ts', '--config', join(dir, 'config.json'), '--out', join(dir, 'out')],
        { encoding: 'utf8' },
      )
      expect(cli.status, cli.stderr).toBe(0)
      const entries = unzipSync((await api.exportZip(config)).bytes)
      const data = Object.keys(entries).filter((name) => !DOCS.includes(name))
      expect(readdirSync(join(dir, 'out')).sort()).toEqual(data.sort())
      for (const name of data) expect(sha256(readFileSync(join(dir, 'out', name))), name).toBe(sha256(entries[name]))
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 60_000)

  it('makes the same zip again after the run is gone, because the same config gives the same bytes', async () => {
    const fresh = createEngineApi()
    const first = unzipSync((await api.exportZip(config)).bytes)
    const again = unzipSync((await fresh.exportZip(config)).bytes)
    for (const name of Object.keys(first)) expect(sha256(again[name]), name).toBe(sha256(first[name]))
  })

  it('exports dataset.json that parses, with every table at its row count', async () => {
    const download = await api.exportJson(config)
    expect(download.name).toBe('fincrime-synth-seed-42-dataset.json')
    const dataset = JSON.parse(strFromU8(download.bytes)) as {
      manifest: { seed: unknown }
      tables: Record<string, unknown[]>
    }
    expect(dataset.manifest.seed).toBe(config.seed)
    for (const [table, count] of Object.entries(summary.counts))
      expect(dataset.tables[table]?.length, table).toBe(count)
  })

  it('lays out the held run’s graph headless, with a finite position for every node', async () => {
    const own = createEngineApi()
    const response = await own.generate(config)
    if (!response.ok) throw new Error(JSON.stringify(response.issues))
    expect(response.summary.runKey).toBe(summary.runKey)
    const layout = await own.layoutGraph(summary.runKey)
    expect(layout).not.toBeNull()
    if (!layout) return
    expect(layout.ids.length).toBe(summary.graph?.nodes.length)
    expect(layout.xy.length).toBe(layout.ids.length * 2)
    expect([...layout.xy].every(Number.isFinite)).toBe(true)
    expect(await own.layoutGraph('another run')).toBeNull()
  })

  it('caps a large graph to whole instances of every kind', async () => {
    const big = defaultConfig()
    for (const p of Object.values(big.patterns)) p.count = 60
    const response = await createEngineApi().generate(big)
    if (!response.ok) throw new Error(JSON.stringify(response.issues))
    const { graph, graphPatterns, patterns } = response.summary
    expect(graph).not.toBeNull()
    expect(graphPatterns).not.toBeNull()
    if (!graph || !graphPatterns) return
    expect(graph.nodes.length + graph.edges.length).toBeLessThanOrEqual(MAX_GRAPH_ELEMENTS)
    expect(graph.truncated).toBe(true)
    const kinds = new Set(patterns.filter((p) => p.isSuspicious && graphPatterns.includes(p.id)).map((p) => p.kind))
    expect([...kinds].sort()).toEqual(Object.keys(big.patterns).sort())
    const ids = new Set(graph.nodes.map((n) => n.id))
    for (const e of graph.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true)
    for (const n of graph.nodes)
      for (const p of n.patternIds)
        if (!graphPatterns.includes(p)) expect(n.patternIds.some((q) => graphPatterns.includes(q))).toBe(true)
  }, 60_000)

  it('declares every api call once in surface.ts, with its real number of arguments', () => {
    expect(Object.keys(crossings).sort()).toEqual(Object.keys(api).sort())
    for (const [name, c] of Object.entries(crossings)) expect(api[name as CallName].length, name).toBe(c.arity)
  })

  it('answers an invalid config with issues instead of throwing', async () => {
    const response = await api.generate({ ...config, durationDays: 0 })
    expect(response.ok).toBe(false)
    if (!response.ok) expect(response.issues[0].path).toBe('durationDays')
    await expect(api.exportZip({ counts: { persons: -1 } })).rejects.toThrow(/counts.persons/)
  })
})
