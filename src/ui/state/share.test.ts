import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { defaultConfig } from '../../engine/config/defaults.ts'
import { cliCommand, CONFIG_FILE_NAME, decodeConfigHash, encodeConfigHash, shareUrl } from './share.ts'

describe('shareable URL', () => {
  it('round-trips a config through the hash, including non-ASCII text', () => {
    const config = { ...defaultConfig(), seed: 'démo “quoted” 🙂' }
    const hash = encodeConfigHash(config)
    expect(hash).toMatch(/^#config=[A-Za-z0-9_-]+$/)
    expect(decodeConfigHash(hash)).toEqual(config)
  })

  it('builds a full link from the page location', () => {
    const url = shareUrl({ seed: 1 }, { origin: 'http://127.0.0.1:4173', pathname: '/' })
    expect(url.startsWith('http://127.0.0.1:4173/#config=')).toBe(true)
    expect(decodeConfigHash(new URL(url).hash)).toEqual({ seed: 1 })
  })

  it('ignores a hash without a config and explains a damaged one', () => {
    expect(decodeConfigHash('')).toBeNull()
    expect(decodeConfigHash('#section-2')).toBeNull()
    expect(() => decodeConfigHash('#config=eyJzZWVkIjo')).toThrow(/damaged/)
  })
})

describe('CLI command', () => {
  it('runs the CLI on a config file it writes first', () => {
    const command = cliCommand(defaultConfig())
    expect(command).toContain(`> ${CONFIG_FILE_NAME} && npm run generate -- --config ${CONFIG_FILE_NAME} --out ./data`)
  })

  it('writes exactly the config, even with quotes in the seed, when run by a POSIX shell', () => {
    const config = { ...defaultConfig(), seed: `it's "quoted" $HOME \`x\`` }
    const writeStep = cliCommand(config).split(' && npm run generate')[0]
    const dir = mkdtempSync(join(tmpdir(), 'fincrime-cli-'))
    try {
      const run = spawnSync('sh', ['-c', writeStep], { cwd: dir, encoding: 'utf8' })
      expect(run.status, run.stderr).toBe(0)
      expect(JSON.parse(readFileSync(join(dir, CONFIG_FILE_NAME), 'utf8'))).toEqual(config)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
