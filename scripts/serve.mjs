// Serves the built app (dist/) on a fixed local address, with no dependencies beyond Node itself.
// Bound to 127.0.0.1 only: the app is private by design, so it is not offered to the network.
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createServer } from 'node:http'
import { dirname, extname, join, normalize, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

const HOST = '127.0.0.1'
const PORT = 4173
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'dist')

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

async function fileFor(urlPath) {
  const decoded = decodeURIComponent(urlPath.split('?')[0])
  const candidate = normalize(join(root, decoded))
  // Refuse anything that escapes dist/ (../ tricks).
  if (candidate !== root && !candidate.startsWith(root + sep)) return null
  const info = await stat(candidate).catch(() => null)
  if (info?.isFile()) return candidate
  if (info?.isDirectory()) return fileFor(join(decoded, 'index.html'))
  // A path without an extension is a page route: the single-page app handles it.
  return extname(decoded) === '' ? join(root, 'index.html') : null
}

const server = createServer(async (req, res) => {
  try {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end()
      return
    }
    const file = await fileFor(req.url ?? '/')
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n')
      return
    }
    const hashed = file.includes(`${sep}assets${sep}`)
    res.writeHead(200, {
      'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    })
    if (req.method === 'HEAD') res.end()
    else createReadStream(file).pipe(res)
  } catch (error) {
    res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`Server error: ${error.message}\n`)
  }
})

server.on('error', (error) => {
  if (error.code === 'EADDRINUSE')
    console.error(`Port ${PORT} on ${HOST} is already in use; stop the other server and try again.`)
  else console.error(error.message)
  process.exit(1)
})

server.listen(PORT, HOST, async () => {
  const built = await stat(join(root, 'index.html')).catch(() => null)
  if (!built) console.warn('dist/ has no index.html yet; run `npm run build` first.')
  console.log(`Fincrime Synth is running at http://${HOST}:${PORT}/`)
})
