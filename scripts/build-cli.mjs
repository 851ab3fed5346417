// `npm run build:cli`: bundles the CLI and its threads into dist-cli/ as plain JavaScript, so the command runs with
// `node` alone (no tsx loader, no second process between the shell's signals and the generator).
//
// - main.cjs: the command itself, one CommonJS script, with main.cjs.cache, V8's code cache for it, made here by a
//   short run (bin/code-cache.mjs loads the pair). Node 20 caches no ES module's code, and compiling the 1.2 MB
//   bundle was a third of every start (see bench/cli-help.ts).
// - serve.js, lane-worker.js, job-worker.js: ES modules with their shared code in chunks beside them (the HTTP
//   API's fastify stack is bigger than the rest together: it loads only for `serve`). Chunks sit in dist-cli/
//   itself because the engine finds its threads' files next to the module that starts them.
import { build } from 'esbuild'
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { CACHE_SUFFIX } from '../bin/code-cache.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const out = join(root, 'dist-cli')
// Built beside the target and renamed into place, so a CLI started during a rebuild never loads half a bundle.
const temp = mkdtempSync(join(root, '.dist-cli-'))

/**
 * `serve` stays out of main.cjs: main.cjs imports serve.js, the ES module build of it, at run time, through the
 * import() bin/code-cache.mjs lends it (or its own when plain node runs main.cjs).
 */
const serveApart = {
  name: 'serve-apart',
  setup(b) {
    b.onResolve({ filter: /^\.\/serve\.ts$/ }, () => ({ path: 'serve', namespace: 'serve-apart' }))
    b.onLoad({ filter: /.*/, namespace: 'serve-apart' }, () => ({
      contents: `
        import { join } from 'node:path'
        import { pathToFileURL } from 'node:url'
        const load = typeof __importModule === 'function' ? __importModule : (url) => import(url)
        export const serve = async (argv) => (await load(pathToFileURL(join(__dirname, 'serve.js')).href)).serve(argv)
      `,
      loader: 'js',
      resolveDir: root,
    }))
  },
}

try {
  await build({
    entryPoints: { main: join(root, 'src/cli/main.ts') },
    outExtension: { '.js': '.cjs' },
    outdir: temp,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    plugins: [serveApart],
    // The lane pool finds lane-worker.js beside the file that holds it.
    define: { 'import.meta.url': '__cliUrl' },
    banner: { js: "const __cliUrl = require('node:url').pathToFileURL(__filename).href;" },
    logLevel: 'warning',
  })
  // Names this build on the first line, where bin/code-cache.mjs looks before it trusts a cache.
  const main = join(temp, 'main.cjs')
  const bundle = readFileSync(main)
  writeFileSync(main, `// build ${createHash('sha256').update(bundle).digest('hex')}\n${bundle}`)
  await build({
    entryPoints: {
      serve: join(root, 'src/cli/serve.ts'),
      'lane-worker': join(root, 'src/cli/lane-worker.ts'),
      // The HTTP API's job thread (src/server/job-runner.ts loads it from beside the module that holds it).
      'job-worker': join(root, 'src/server/job-worker.ts'),
    },
    outdir: temp,
    bundle: true,
    platform: 'node',
    format: 'esm',
    splitting: true,
    chunkNames: '[name]-[hash]',
    target: 'node20',
    // commander is CommonJS; its require() of Node built-ins needs a real require inside an ES module bundle.
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'warning',
  })
  // The cache holds what a start compiles: parsing the flags and the engine's functions a small run calls. The
  // run writes its rows to this build's pipe and nothing to disk.
  execFileSync(
    process.execPath,
    [
      join(root, 'bin/code-cache.mjs'),
      main,
      '--out',
      '-',
      '--quiet',
      '--persons',
      '200',
      '--companies',
      '40',
      '--accounts',
      '400',
      '--transactions',
      '4000',
    ],
    { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NODE_OPTIONS: '' } },
  )
  if (!existsSync(main + CACHE_SUFFIX)) throw new Error('the code cache was not written')
  // Old bundle aside, new one in, old one out: dist-cli/ is never missing while a CLI may be starting.
  const old = `${temp}-old`
  if (existsSync(out)) renameSync(out, old)
  renameSync(temp, out)
  rmSync(old, { recursive: true, force: true })
} finally {
  rmSync(temp, { recursive: true, force: true })
}
