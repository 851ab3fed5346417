// `npm test`: the static checks (lint, format, import cycles), every unit test (vitest) and every browser test
// (Playwright), then one summary line `N passed, N failed` summed from the runners' JSON reports (the line CI reads).
// Each static check counts as one test.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'

// Not test-results/: Playwright empties that folder when it starts.
mkdirSync('reports', { recursive: true })
const reports = { vitest: 'reports/vitest.json', playwright: 'reports/playwright.json' }
for (const file of Object.values(reports)) rmSync(file, { force: true })

const run = (args) => spawnSync('npx', args, { stdio: 'inherit', env: process.env }).status
const checks = [
  ['lint', ['eslint', '.']],
  ['format', ['prettier', '--check', '--log-level', 'warn', '.']],
  ['import cycles', ['depcruise', 'src', '--config', '.dependency-cruiser.cjs']],
]
const failedChecks = checks.filter(([name, args]) => {
  const code = run(args)
  if (code !== 0) console.error(`\n${name}: failed (npx ${args.join(' ')})`)
  return code !== 0
})
const unitCode = run(['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${reports.vitest}`])
const skipE2e = process.env.SKIP_E2E === '1'
const e2eCode = skipE2e ? 0 : run(['playwright', 'test'])

let passed = checks.length - failedChecks.length
let failed = failedChecks.length
if (existsSync(reports.vitest)) {
  const r = JSON.parse(readFileSync(reports.vitest, 'utf8'))
  passed += r.numPassedTests
  failed += r.numFailedTests
} else failed += 1 // the runner crashed before reporting: count it, never report green
if (!skipE2e) {
  if (existsSync(reports.playwright)) {
    const s = JSON.parse(readFileSync(reports.playwright, 'utf8')).stats
    passed += s.expected + s.flaky
    failed += s.unexpected
  } else failed += 1
}
const ok = failed === 0 && failedChecks.length === 0 && unitCode === 0 && e2eCode === 0
console.log(`${passed} passed, ${ok ? failed : Math.max(failed, 1)} failed`)
process.exit(ok ? 0 : 1)
