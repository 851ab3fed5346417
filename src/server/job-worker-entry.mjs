// worker_threads do not inherit the tsx loader for their entry file: register it, then load the TypeScript job.
import { register } from 'tsx/esm/api'

register()
await import('./job-worker.ts')
