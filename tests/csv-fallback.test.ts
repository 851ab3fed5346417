import { afterEach, describe, expect, it, vi } from 'vitest'
import { tableNames } from '../src/engine/index.ts'
import { generate, smallConfig } from './helpers/dataset.ts'

/**
 * The CSV row writer is generated with Function(); under a Content-Security-Policy without 'unsafe-eval' (the app's
 * own server, scripts/serve.mjs) that throws and the engine falls back to a generic loop. The fallback must write
 * the same bytes as the generated writer, for every table, or the browser's files would differ from the CLI's.
 */
describe('CSV writer without eval (CSP fallback)', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('writes byte-identical files for every table when Function() is refused', async () => {
    const config = smallConfig('csp-fallback', 2)
    const generated = await generate(config)
    let refused = 0
    // What a CSP does to `new Function(...)`: an EvalError at construction.
    vi.stubGlobal('Function', function refuse() {
      refused++
      throw new EvalError('Refused to evaluate a string as JavaScript (test: no unsafe-eval)')
    })
    const fallback = await generate(config)
    vi.unstubAllGlobals()
    expect(refused, 'the generated writer was attempted (and refused) once per table').toBeGreaterThanOrEqual(
      tableNames.length,
    )
    for (const table of tableNames) {
      const name = `${table}.csv`
      expect(fallback.files.get(name)?.length ?? 0, name).toBeGreaterThan(0)
      expect(fallback.hashes[name], name).toBe(generated.hashes[name])
    }
    expect(fallback.hashes).toEqual(generated.hashes)
  }, 60_000)
})
