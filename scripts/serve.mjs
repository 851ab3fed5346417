// Serves the built app (dist/) on a local address, with no dependencies beyond Node itself.
// Bound to 127.0.0.1 only: the app is private by design, so it is not offered to the network.
//   node scripts/serve.mjs [--port N] [--root DIR]     (PORT=N works too; --port 0 picks a free port)
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createServer } from 'node:http'
import { dirname, extname, join, normalize, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

const HOST = '127.0.0.1'
const DEFAULT_PORT = 4173

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
}

// What the app really needs (checked in Chromium: generate, graph, downloads). No 'unsafe-eval': the engine's CSV
// row writer falls back to a plain loop when Function() is refused. No 'unsafe-inline' either: React and cytoscape
// set styles through the CSSOM, which CSP does not govern. Downloads are blob: links, images data:/blob: URLs.
// The one inline <style> is cytoscape's container rule (renderer init, cytoscape 3.34), allowed by its hash;
// e2e/csp.spec.ts fails if a cytoscape upgrade changes it.
const CYTOSCAPE_STYLE = "'sha256-pgvDUBa4IjFA2yuSJ2cqcyxmNYJMborsd0ORcRv9vw8='"
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  `style-src 'self' ${CYTOSCAPE_STYLE}`,
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

/** Sent with every response, errors included. */
const SECURITY_HEADERS = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
}

function fail(message) {
  console.error(message)
  process.exit(2)
}

function parseArgs(argv, env) {
  let port = env.PORT
  let root = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'dist')
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined]
    const value = () => inline ?? (i + 1 < argv.length ? argv[++i] : fail(`${name} needs a value, e.g. ${name} 8080.`))
    if (name === '--port') port = value()
    else if (name === '--root') root = resolve(value())
    else if (name === '--help' || name === '-h') {
      console.log('Usage: node scripts/serve.mjs [--port N] [--root DIR]   (or PORT=N; default port 4173)')
      process.exit(0)
    } else fail(`Unknown argument ${JSON.stringify(arg.slice(0, 40))}; use --port N or --root DIR.`)
  }
  if (port === undefined || port === '') return { port: DEFAULT_PORT, root }
  const text = String(port).trim()
  if (!/^\d{1,5}$/.test(text) || Number(text) > 65535)
    fail(`Port ${JSON.stringify(String(port).slice(0, 20))} is not a whole number from 0 to 65535; try --port 8080.`)
  return { port: Number(text), root }
}

/** Maps a request path to a file under root, or null. Throws URIError on malformed percent-encoding. */
async function fileFor(root, urlPath) {
  const decoded = decodeURIComponent(urlPath)
  if (decoded.includes('\0')) throw new URIError('NUL in path')
  const candidate = normalize(join(root, decoded))
  // Refuse anything that escapes the root (../ tricks).
  if (candidate !== root && !candidate.startsWith(root + sep)) return null
  const info = await stat(candidate).catch(() => null)
  if (info?.isFile()) return candidate
  if (info?.isDirectory()) {
    const index = join(candidate, 'index.html')
    return (await stat(index).catch(() => null))?.isFile() ? index : null
  }
  // A path without an extension is a page route: the single-page app handles it.
  return extname(decoded) === '' ? join(root, 'index.html') : null
}

/** DNS rebinding guard: a page on another name that resolves to 127.0.0.1 must not read the app. */
function hostAllowed(host, port) {
  if (typeof host !== 'string') return false
  const h = host.toLowerCase()
  const names = ['127.0.0.1', 'localhost']
  return names.some((n) => h === `${n}:${port}` || (port === 80 && h === n))
}

function send(res, status, text, extra = {}) {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', ...extra })
  res.end(res.req.method === 'HEAD' ? undefined : text)
}

function handler(root, getPort) {
  return async (req, res) => {
    try {
      const url = req.url ?? ''
      if (!url.startsWith('/')) return send(res, 400, 'Bad request: the path must start with /.\n')
      if (!hostAllowed(req.headers.host, getPort()))
        return send(res, 421, `This server answers only to 127.0.0.1:${getPort()} and localhost:${getPort()}.\n`)
      if (req.method !== 'GET' && req.method !== 'HEAD')
        return send(res, 405, 'Method not allowed: use GET or HEAD.\n', { Allow: 'GET, HEAD' })
      let file
      try {
        file = await fileFor(root, url.split('?')[0].split('#')[0])
      } catch (error) {
        if (error instanceof URIError) return send(res, 400, 'Bad request: malformed percent-encoding in the path.\n')
        throw error
      }
      if (!file) return send(res, 404, 'Not found\n')
      const hashed = file.includes(`${sep}assets${sep}`)
      const headers = {
        ...SECURITY_HEADERS,
        'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      }
      if (req.method === 'HEAD') {
        res.writeHead(200, headers).end()
        return
      }
      const stream = createReadStream(file)
      stream.once('open', () => {
        res.writeHead(200, headers)
        stream.pipe(res)
      })
      stream.once('error', (error) => {
        if (!res.headersSent) send(res, error.code === 'ENOENT' ? 404 : 500, 'Could not read the file.\n')
        else res.destroy()
      })
    } catch (error) {
      if (!res.headersSent) send(res, 500, `Server error: ${error.message}\n`)
      else res.destroy()
    }
  }
}

const { port, root } = parseArgs(process.argv.slice(2), process.env)
const server = createServer()
server.on(
  'request',
  handler(root, () => server.address()?.port ?? port),
)
// Requests Node cannot parse get a 400 with the same headers, not the bare default answer.
server.on('clientError', (error, socket) => {
  if (!socket.writable || error.code === 'ECONNRESET') return socket.destroy()
  const head = Object.entries({ ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' })
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('')
  socket.end(`HTTP/1.1 400 Bad Request\r\n${head}\r\nBad request\n`)
})

server.on('error', (error) => {
  if (error.code === 'EADDRINUSE')
    console.error(`Port ${port} on ${HOST} is already in use; stop the other server or pick another with --port N.`)
  else if (error.code === 'EACCES')
    console.error(`Port ${port} on ${HOST} needs privileges; pick a port above 1023 with --port N.`)
  else console.error(error.message)
  process.exit(1)
})

server.listen(port, HOST, async () => {
  const built = await stat(join(root, 'index.html')).catch(() => null)
  if (!built) console.warn(`${root} has no index.html yet; run \`npm run build\` first.`)
  console.log(`Fincrime Synth is running at http://${HOST}:${server.address().port}/`)
})

for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => server.close(() => process.exit(0)).closeAllConnections())
