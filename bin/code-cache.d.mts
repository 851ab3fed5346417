import type { Script } from 'node:vm'

export declare const CACHE_SUFFIX: string
export declare function compileScript(
  file: string,
  useCache?: boolean,
): { script: Script; build: Buffer; cached: boolean }
export declare function runScript(file: string, writeCache?: boolean): void
