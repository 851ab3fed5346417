#!/usr/bin/env node
// The package's command. It runs the bundled CLI in this same process, so signals reach the generator directly.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { runScript } from './code-cache.mjs'

const bundle = fileURLToPath(new URL('../dist-cli/main.cjs', import.meta.url))
if (!existsSync(bundle)) {
  process.stderr.write('error: the command line tool is not built yet: run `npm run build` once, then try again\n')
  process.exit(1)
}
runScript(bundle)
