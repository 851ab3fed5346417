// Runs the bundled CLI (a CommonJS script) in this process through V8's code cache, which Node 20 offers for
// scripts (vm.Script's cachedData) and not for ES modules: a start then deserializes the bytecode the build's own
// short run compiled, instead of parsing the 1.2 MB bundle and compiling each function on its first call.
//
// The cache is only a shortcut. V8 rejects it for another V8 version or other flags (NODE_OPTIONS=
// --max-old-space-size=…), and checks the source only by its length, so the bundle's first line names its build
// (scripts/build-cli.mjs writes a hash of the bundle there) and a cache made for another build is not used. Without
// a usable cache the script is compiled from source, as Node would.
//
// Run directly (`node bin/code-cache.mjs <bundle> <args…>`, as scripts/build-cli.mjs does), it runs the bundle with
// those arguments and writes the bundle's cache when the process exits.
import { readFileSync, renameSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import vm from 'node:vm'

export const CACHE_SUFFIX = '.cache'

/**
 * The wrapper Node's CommonJS loader puts around a module, and `__importModule`: a script run from a code cache
 * cannot import() (V8 keeps the host's import hook out of the cache), so this module's import() is lent to it.
 */
const wrap = (source) => `(function (exports, require, module, __filename, __dirname, __importModule) { ${source}\n})`
const importModule = (url) => import(url)

/** How stack traces name the bundle: a cache keeps the name it was made under, so it must not depend on the folder. */
const BUNDLE_NAME = 'dist-cli/main.cjs'

/**
 * Compiles the script `file`, from its code cache when one was made for this very build and V8 accepts it.
 * `cached`: whether it was (false when there is no cache, it belongs to another build, or V8 refused it).
 */
export function compileScript(file, useCache = true) {
  const source = readFileSync(file, 'utf8')
  const build = Buffer.from(source.slice(0, source.indexOf('\n') + 1))
  let cachedData
  if (useCache) {
    try {
      const cache = readFileSync(file + CACHE_SUFFIX)
      if (cache.subarray(0, build.length).equals(build)) cachedData = cache.subarray(build.length)
    } catch {
      // No cache (a copied bundle, a build that could not make one): compile from source.
    }
  }
  const script = new vm.Script(wrap(source), { filename: BUNDLE_NAME, cachedData })
  return { script, build, cached: cachedData !== undefined && !script.cachedDataRejected }
}

/**
 * Runs the script `file` as Node would run it as a CommonJS module. `writeCache`: compile it from source and write
 * its code cache beside it at exit, so that the cache holds every function the run compiled, not only the top level.
 */
export function runScript(file, writeCache = false) {
  const { script, build } = compileScript(file, !writeCache)
  if (writeCache)
    process.once('exit', () => {
      writeFileSync(file + CACHE_SUFFIX + '.tmp', Buffer.concat([build, script.createCachedData()]))
      renameSync(file + CACHE_SUFFIX + '.tmp', file + CACHE_SUFFIX)
    })
  const module = { exports: {}, filename: file }
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file), importModule)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [, , file] = process.argv
  process.argv.splice(1, 2, file)
  runScript(file, true)
}
