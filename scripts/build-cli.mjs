// `npm run build:cli`: bundles the CLI and its generation-thread entry into dist-cli/ as plain JavaScript, so the
// command runs with `node` alone (no tsx loader, no second process between the shell's signals and the generator).
// A few bundled files because Node loads one 1 MB file far faster than ~100 small modules (see bench/cli-help.ts).
import { build } from 'esbuild'
import { existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const out = join(root, 'dist-cli')
// Built beside the target and renamed into place, so a CLI started during a rebuild never loads half a bundle.
const temp = mkdtempSync(join(root, '.dist-cli-'))
try {
  await build({
    entryPoints: {
      main: join(root, 'src/cli/main.ts'),
      'lane-worker': join(root, 'src/cli/lane-worker.ts'),
      // The HTTP API's job thread (src/server/job-runner.ts loads it from beside main.js).
      'job-worker': join(root, 'src/server/job-worker.ts'),
    },
    outdir: temp,
    bundle: true,
    platform: 'node',
    format: 'esm',
    // Code that only some commands need (the HTTP API's fastify stack is half the bytes) goes to chunks that load on
    // first use: every start of the CLI parses less.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    target: 'node20',
    // commander is CommonJS; its require() of Node built-ins needs a real require inside an ES module bundle.
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'warning',
  })
  // Old bundle aside, new one in, old one out: dist-cli/ is never missing while a CLI may be starting.
  const old = `${temp}-old`
  if (existsSync(out)) renameSync(out, old)
  renameSync(temp, out)
  rmSync(old, { recursive: true, force: true })
} finally {
  rmSync(temp, { recursive: true, force: true })
}
