import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { createServer, connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// The local server `npm start` runs, spawned as a user would, over a small stand-in for dist/.
const SERVER = join(import.meta.dirname, '..', 'scripts', 'serve.mjs')

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

function get(port: number, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method, headers: { Host: `127.0.0.1:${port}`, ...headers } },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (body += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
      },
    )
    req.on('error', reject)
    req.end()
  })
}

/** Sends bytes as they are (no client-side checks) and returns the raw answer; the request must close the connection. */
function raw(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    // write, not end: a half-closed socket lets Node drop the answer to a request still being handled.
    const socket = connect(port, '127.0.0.1', () => socket.write(text))
    let answer = ''
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => (answer += chunk))
    socket.on('end', () => resolve(answer))
    socket.on('error', reject)
  })
}

function start(args: string[], env: Record<string, string> = {}): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, [SERVER, ...args], { env: { ...process.env, ...env }, stdio: 'pipe' })
  return new Promise((resolve, reject) => {
    let out = ''
    child.stdout?.setEncoding('utf8')
    child.stdout?.on('data', (chunk: string) => {
      out += chunk
      const m = /running at http:\/\/127\.0\.0\.1:(\d+)\//.exec(out)
      if (m) resolve({ child, port: Number(m[1]) })
    })
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)))
  })
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => resolve(port))
    })
  })
}

const INDEX = '<!doctype html><title>app</title>'

let root: string
let server: { child: ChildProcess; port: number }

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'serve-test-'))
  mkdirSync(join(root, 'assets'))
  writeFileSync(join(root, 'index.html'), INDEX)
  writeFileSync(join(root, 'assets', 'app-abc123.js'), 'export {}\n')
  writeFileSync(join(root, 'secret'), 'not to be sniffed')
  server = await start(['--port', '0', '--root', root])
}, 30_000)

afterAll(() => {
  server?.child.kill('SIGTERM')
  rmSync(root, { recursive: true, force: true })
})

function expectSecurityHeaders(reply: Reply) {
  const h = reply.headers
  const csp = String(h['content-security-policy'])
  for (const directive of [
    "script-src 'self'",
    "worker-src 'self' blob:",
    "connect-src 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
  ])
    expect(csp).toContain(directive)
  expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|\*/)
  expect(h['x-content-type-options']).toBe('nosniff')
  expect(h['referrer-policy']).toBe('no-referrer')
}

describe('scripts/serve.mjs', () => {
  it('serves the app and its assets with the security headers', async () => {
    const page = await get(server.port, '/')
    expect(page.status).toBe(200)
    expect(page.body).toBe(INDEX)
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8')
    expectSecurityHeaders(page)
    const asset = await get(server.port, '/assets/app-abc123.js')
    expect(asset.status).toBe(200)
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8')
    expect(asset.headers['cache-control']).toContain('immutable')
    expectSecurityHeaders(asset)
    // A page route without an extension is the single-page app.
    expect((await get(server.port, '/some/route')).body).toBe(INDEX)
    const head = await get(server.port, '/', {}, 'HEAD')
    expect(head.status).toBe(200)
    expect(head.body).toBe('')
    expectSecurityHeaders(head)
  })

  it('answers malformed percent-encoding with 400, not 500', async () => {
    for (const path of ['/%', '/%E0%A4%A', '/%ZZ', '/assets/%C0%AF', '/a%00b']) {
      const reply = await get(server.port, path)
      expect(reply.status, path).toBe(400)
      expect(reply.body, path).toMatch(/malformed/)
      expectSecurityHeaders(reply)
    }
  })

  it('sends the security headers on errors too: 404, 405, 400', async () => {
    const missing = await get(server.port, '/assets/missing.js')
    expect(missing.status).toBe(404)
    expectSecurityHeaders(missing)
    const post = await get(server.port, '/', {}, 'POST')
    expect(post.status).toBe(405)
    expect(post.headers.allow).toBe('GET, HEAD')
    expectSecurityHeaders(post)
    // A request Node cannot parse at all gets the same headers.
    const garbage = await raw(server.port, 'GET / HTTP/1.1\r\nHost: x\r\nBroken header line\r\n\r\n')
    expect(garbage).toMatch(/^HTTP\/1\.1 400 /)
    expect(garbage).toMatch(/\r\nContent-Security-Policy: [^\r]*frame-ancestors 'none'/)
    expect(garbage).toMatch(/\r\nX-Content-Type-Options: nosniff\r\n/)
    expect(garbage).toMatch(/\r\nReferrer-Policy: no-referrer\r\n/)
  })

  it('never serves files outside its root', async () => {
    const escaped = await raw(
      server.port,
      `GET /../../etc/passwd HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nConnection: close\r\n\r\n`,
    )
    expect(escaped).not.toMatch(/root:/)
    expect(escaped).toMatch(/^HTTP\/1\.1 404 /)
    const encoded = await get(server.port, '/%2e%2e/%2e%2e/etc/passwd')
    expect(encoded.status).toBe(404)
    expect((await get(server.port, 'http://evil.example/')).status).toBe(400)
  })

  it('answers only to 127.0.0.1 and localhost with its port (DNS rebinding)', async () => {
    const p = server.port
    expect((await get(p, '/', { Host: `localhost:${p}` })).status).toBe(200)
    expect((await get(p, '/', { Host: `LOCALHOST:${p}` })).status).toBe(200)
    for (const host of [
      `evil.example:${p}`,
      'evil.example',
      `127.0.0.1:${p + 1}`,
      '127.0.0.1',
      `localhost.evil.example:${p}`,
    ]) {
      const reply = await get(p, '/', { Host: host })
      expect(reply.status, host).toBe(421)
      expect(reply.body, host).not.toContain(INDEX)
      expectSecurityHeaders(reply)
    }
    // HTTP/1.0 without any Host header.
    const bare = await raw(p, 'GET / HTTP/1.0\r\n\r\n')
    expect(bare).toMatch(/^HTTP\/1\.[01] 421 /)
  })

  it('never answers 500 or without the headers to 400 seeded odd requests (paths, encodings, Host headers)', async () => {
    let state = 0x2545f491
    const next = (n: number) => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0
      return state % n
    }
    const pieces = [
      '%',
      '%E0%A4%A',
      '%ZZ',
      '%00',
      '%2e%2e',
      '..',
      '/',
      '//',
      '\\',
      'assets',
      'index.html',
      '%C0%AF',
      '?',
      '#',
      '%25',
      'é',
      '%F0%9F%98',
      ';',
      'a'.repeat(300),
    ]
    const hosts = [
      `127.0.0.1:${server.port}`,
      `localhost:${server.port}`,
      'evil.example',
      `127.0.0.1:${server.port}.evil.example`,
      '',
    ]
    const statuses = new Map<number, number>()
    for (let i = 0; i < 400; i++) {
      let path = '/'
      for (let k = 1 + next(5); k > 0; k--) path += pieces[next(pieces.length)]
      const host = hosts[next(hosts.length)]
      const answer = await raw(
        server.port,
        `GET ${encodeURI(path).replace(/%25/g, '%')} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`,
      )
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0)
      statuses.set(status, (statuses.get(status) ?? 0) + 1)
      expect([200, 400, 404, 421], `${path} Host ${host}`).toContain(status)
      expect(answer, path).toMatch(/\r\nContent-Security-Policy: /)
      expect(answer, path).toMatch(/\r\nX-Content-Type-Options: nosniff\r\n/)
      expect(answer, path).toMatch(/\r\nReferrer-Policy: no-referrer\r\n/)
    }
    // Every kind of answer came up, so the requests really were odd.
    for (const status of [200, 400, 404, 421]) expect(statuses.get(status) ?? 0, `status ${status}`).toBeGreaterThan(0)
  }, 60_000)

  it('takes its port from PORT or --port, and refuses a bad one with one line', async () => {
    const fromEnv = await freePort()
    const a = await start(['--root', root], { PORT: String(fromEnv) })
    try {
      expect(a.port).toBe(fromEnv)
      expect((await get(fromEnv, '/')).status).toBe(200)
    } finally {
      a.child.kill('SIGTERM')
    }
    const fromFlag = await freePort()
    const b = await start([`--port=${fromFlag}`, '--root', root], { PORT: '1' })
    try {
      expect(b.port).toBe(fromFlag)
    } finally {
      b.child.kill('SIGTERM')
    }
    for (const bad of ['abc', '70000', '-1', '80.5']) {
      const run = spawnSync(process.execPath, [SERVER, '--port', bad, '--root', root], { encoding: 'utf8' })
      expect(run.status, bad).toBe(2)
      expect(run.stderr.trim().split('\n'), bad).toHaveLength(1)
      expect(run.stderr, bad).toMatch(/not a whole number from 0 to 65535/)
    }
    const busy = spawnSync(process.execPath, [SERVER, '--port', String(server.port), '--root', root], {
      encoding: 'utf8',
    })
    expect(busy.status).toBe(1)
    expect(busy.stderr).toMatch(/already in use.*--port N/)
  }, 30_000)
})
