import * as Comlink from 'comlink'
import { createEngineApi, type EngineApi } from './api.ts'
import { crossings, type CallName, type Crossing } from './surface.ts'

const api = createEngineApi()

/** Each call gets a fresh comlink proxy for each callback; releasing it closes the MessagePort behind it. */
function release(callback: unknown): void {
  const remote = callback as Partial<Comlink.Remote<object>> | undefined
  remote?.[Comlink.releaseProxy]?.()
}

/** The api call `name` as comlink serves it: same arguments, result buffers transferred, the callbacks released. */
function served(name: CallName) {
  const crossing: Crossing = crossings[name]
  const call = api[name] as (...args: unknown[]) => Promise<unknown> | unknown
  return async (...args: unknown[]) => {
    try {
      const result = await call(...args)
      return Comlink.transfer(result, crossing.transfer(result))
    } finally {
      for (const at of crossing.callbackArgs) release(args[at])
    }
  }
}

/** The comlink face of `api.ts`: identical calls, bulk bytes moved rather than copied onto the page's thread. */
const exposed = Object.fromEntries((Object.keys(crossings) as CallName[]).map((name) => [name, served(name)]))

export type WorkerApi = EngineApi

Comlink.expose(exposed)
