import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

/**
 * `npm test` runs `eslint .` with the repository's config; these lint deliberate violations as if they were
 * files in each layer, so a rule that stops firing (a renamed folder, a loosened pattern) fails here.
 */
const eslint = new ESLint({ cwd: process.cwd() })

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return result.messages.map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`)
}

const clean = 'export const x = 1\n'

describe('lint enforces the layer boundaries and the determinism bans', () => {
  it.each([
    [
      'src/ui/bad.ts',
      "import { runGeneration } from '../engine/orchestrator/run.ts'\nvoid runGeneration\n",
      /through src\/worker\/client\.ts/,
    ],
    [
      'src/ui/bad.ts',
      "import { runGeneration } from '../engine/index.ts'\nvoid runGeneration\n",
      /through src\/worker\/client\.ts/,
    ],
    [
      'src/cli/bad.ts',
      "import { validateConfig } from '../engine/config/validate.ts'\nvoid validateConfig\n",
      /src\/engine\/index\.ts only/,
    ],
    [
      'src/worker/bad.ts',
      "import { tables } from '../engine/model/schema.ts'\nvoid tables\n",
      /src\/engine\/index\.ts only/,
    ],
    ['src/engine/bad.ts', "import { readFileSync } from 'node:fs'\nvoid readFileSync\n", /engine is pure/],
    ['src/engine/bad.ts', "import { engine } from '../worker/client.ts'\nvoid engine\n", /engine is pure/],
    [
      'examples/bad.ts',
      "import { tables } from '../src/engine/model/schema.ts'\nvoid tables\n",
      /src\/engine\/index\.ts only/,
    ],
    ['src/engine/bad.ts', 'export const r = Math.random()\n', /Breaks determinism/],
    ['src/engine/bad.ts', 'export const t = Date.now()\n', /Breaks determinism/],
    ['src/engine/bad.ts', 'export const d = new Date()\n', /Breaks determinism/],
    ['src/engine/bad.ts', "export const s = ['b', 'a'].sort((x, y) => x.localeCompare(y))\n", /Breaks determinism/],
    ['src/engine/bad.ts', 'export const f = new Intl.NumberFormat()\n', /Breaks determinism/],
  ])(
    '%s: %s is an error',
    async (file, code, why) => {
      const found = await problems(file, code)
      expect(
        found.some((m) => why.test(m)),
        found.join('\n'),
      ).toBe(true)
    },
    30_000,
  )

  it('the allowed imports lint clean', async () => {
    expect(
      await problems(
        'src/ui/ok.ts',
        "import type { RunResult } from '../engine/index.ts'\nimport { validateConfig } from '../engine/config/validate.ts'\nexport type R = RunResult\nvoid validateConfig\n",
      ),
    ).toEqual([])
    expect(
      await problems('src/cli/ok.ts', "import { runGeneration } from '../engine/index.ts'\nvoid runGeneration\n"),
    ).toEqual([])
    expect(await problems('src/engine/ok.ts', clean)).toEqual([])
  }, 30_000)
})
