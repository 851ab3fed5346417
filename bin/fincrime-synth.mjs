#!/usr/bin/env node
// The package's command. It loads the bundled CLI in this same process, so signals reach the generator directly.
try {
  await import('../dist-cli/main.js')
} catch (e) {
  if (e?.code !== 'ERR_MODULE_NOT_FOUND' || !String(e.message).includes('dist-cli')) throw e
  process.stderr.write('error: the command line tool is not built yet: run `npm run build` once, then try again\n')
  process.exit(1)
}
