/** Sharing a configuration: base64url JSON in the URL hash, and the equivalent CLI command. */

const HASH_KEY = 'config='

function toBase64Url(bytes: Uint8Array): string {
  let binary = ''
  for (const b of bytes) binary += String.fromCharCode(b)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

function fromBase64Url(text: string): Uint8Array {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/')
  const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4))
  return Uint8Array.from(binary, (c) => c.charCodeAt(0))
}

/** `#config=…`: the hash never reaches a server, so a shared link keeps the config private to whoever opens it. */
export function encodeConfigHash(config: unknown): string {
  return `#${HASH_KEY}${toBase64Url(new TextEncoder().encode(JSON.stringify(config)))}`
}

/** The config carried by a URL hash, or null when there is none; throws with a readable message when it is damaged. */
export function decodeConfigHash(hash: string): unknown {
  const body = hash.replace(/^#/, '')
  if (!body.startsWith(HASH_KEY)) return null
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(fromBase64Url(body.slice(HASH_KEY.length))))
  } catch {
    throw new Error('The link’s configuration is damaged (it may have been cut off when copied).')
  }
}

export function shareUrl(config: unknown, location: { origin: string; pathname: string }): string {
  return `${location.origin}${location.pathname}${encodeConfigHash(config)}`
}

export const CONFIG_FILE_NAME = 'fincrime-config.json'

/** The config file as the CLI reads it (`--config`). */
export function configFileText(config: unknown): string {
  return JSON.stringify(config, null, 2) + '\n'
}

/** POSIX single-quoting: safe for any seed text, including quotes of its own. */
function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`
}

/** One line for a POSIX shell in the project folder: writes the config file, then runs the CLI on it. */
export function cliCommand(config: unknown, outDir = './data'): string {
  return `printf '%s\\n' ${shellQuote(JSON.stringify(config))} > ${CONFIG_FILE_NAME} && npm run generate -- --config ${CONFIG_FILE_NAME} --out ${outDir}`
}
