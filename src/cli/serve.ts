import { Command, CommanderError } from 'commander'
import { buildServer } from '../server/app.ts'

function whole(flag: string, text: string, min: number, max: number): number {
  const v = Number(text)
  if (!Number.isInteger(v) || v < min || v > max) {
    process.stderr.write(`error: ${flag} ${text} must be a whole number from ${min} to ${max}\n`)
    process.exit(2)
  }
  return v
}

/** `fincrime-synth serve`: the HTTP API on 127.0.0.1 (loopback only: the API has no authentication). */
export async function serve(argv: readonly string[]): Promise<void> {
  const program = new Command()
    .name('npm run generate -- serve')
    .description('Serve the HTTP API on 127.0.0.1 (see /api/v1/openapi.json).')
    .option('--port <n>', 'port to listen on (0 = any free port)', '8787')
    .option('--concurrency <n>', 'jobs generating at once (default: one per core)')
    .option('--queue <n>', 'jobs allowed to wait for a slot; more get 503', '8')
    .option('--max-rows <n>', 'largest config accepted, in rows over all tables', '5000000')
    .exitOverride()
    .configureOutput({ writeErr: () => undefined })
  try {
    program.parse([...argv], { from: 'user' })
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed') process.exit(0)
      process.stderr.write(`error: ${e.message.replace(/^error: /, '')} (see serve --help)\n`)
      process.exit(2)
    }
    throw e
  }
  const o = program.opts<{ port: string; concurrency?: string; queue: string; maxRows: string }>()
  const app = buildServer({
    concurrency: o.concurrency === undefined ? undefined : whole('--concurrency', o.concurrency, 1, 256),
    queue: whole('--queue', o.queue, 0, 10_000),
    maxRows: whole('--max-rows', o.maxRows, 1, 2_000_000_000),
  })
  const address = await app.listen({ host: '127.0.0.1', port: whole('--port', o.port, 0, 65_535) })
  process.stderr.write(`Fincrime Synth API listening on ${address} (OpenAPI: ${address}/api/v1/openapi.json)\n`)
  const stop = () => {
    void app.close().then(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}
