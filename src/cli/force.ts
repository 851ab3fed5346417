import { lstatSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** A manifest lists a few dozen files; one far bigger than this is not ours. */
const MAX_MANIFEST_BYTES = 64 * 1024 * 1024

/** Some file inside `path` (or `path` itself), to name in a refusal: the user recognises their own file. */
function someFile(dir: string, rel: string, depth = 0): string {
  let entries
  try {
    entries = readdirSync(join(dir, rel), { withFileTypes: true })
  } catch {
    return rel
  }
  const file = entries.find((e) => !e.isDirectory())
  if (file) return join(rel, file.name)
  const sub = entries.find((e) => e.isDirectory())
  return sub && depth < 32 ? someFile(dir, join(rel, sub.name), depth + 1) : rel
}

function listedFiles(dir: string): Set<string> | null {
  const path = join(dir, 'manifest.json')
  try {
    const info = lstatSync(path)
    if (!info.isFile() || info.size > MAX_MANIFEST_BYTES) return null
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as { product?: unknown; files?: unknown }
    if (manifest.product !== 'fincrime-synth' || !Array.isArray(manifest.files)) return null
    // A merged manifest (fincrime-synth merge without --concat) lists files that stay in their part folders.
    const here = manifest.files.filter((f: { parts?: unknown }) => !Array.isArray(f?.parts))
    const names = here.map((f: { name?: unknown }) => f?.name)
    if (!names.every((n): n is string => typeof n === 'string' && n !== '' && !n.includes('/'))) return null
    return new Set(names)
  } catch {
    return null
  }
}

/**
 * Whether --force may replace `dir`: only a folder this tool wrote, i.e. one whose manifest.json names
 * fincrime-synth and whose files are exactly the ones it lists. Returns null when it
 * may, or a one-line reason naming a file that replacing it would destroy.
 */
export function whyNotOurs(dir: string): string | null {
  // A temp-named folder inside is not ours to drop: it may be another run's output in progress, so it counts as
  // an entry the manifest does not list.
  const entries = readdirSync(dir, { withFileTypes: true })
  if (entries.length === 0) return null
  const listed = listedFiles(dir)
  if (!listed) {
    const file = someFile(dir, entries.find((e) => !e.isDirectory())?.name ?? entries[0].name)
    return `holds ${file} and has no manifest.json written by fincrime-synth, so it is not a folder this tool wrote`
  }
  for (const e of entries) {
    if (e.name === 'manifest.json') continue
    if (!listed.has(e.name)) return `holds ${someFile(dir, e.name)}, which its manifest.json does not list`
    if (!e.isFile()) return `holds ${someFile(dir, e.name)} where its manifest.json lists a plain file`
  }
  const present = new Set(entries.map((e) => e.name))
  for (const name of listed)
    if (!present.has(name))
      return `lacks ${name}, which its manifest.json lists, so it is not an output of this tool as written`
  return null
}
