import { statfs } from 'node:fs/promises'
import { freemem } from 'node:os'
import { getHeapStatistics } from 'node:v8'
import { dirname } from 'node:path'
import { estimateResources, shownText, type OutputFormat, type ResolvedConfig } from '../engine/index.ts'

export const MAX_MEMORY_FLAG = '--max-memory'
const MiB = 1024 * 1024

function mib(bytes: number): string {
  if (bytes >= 10 * 1024 * MiB) return `${(bytes / 1024 / MiB).toFixed(1)} GiB`
  return bytes >= 10 * MiB ? `${Math.ceil(bytes / MiB)} MiB` : `${(bytes / MiB).toFixed(1)} MiB`
}

/**
 * The resource guard: refuses, before anything is generated, a run whose estimated peak memory exceeds the
 * memory available (free memory now, or --max-memory) or whose output exceeds the free space where it is
 * written. Returns the refusal line (estimate, limit, way out), or null when the run fits.
 */
export async function checkResources(
  config: ResolvedConfig,
  opts: { format: OutputFormat; lanes: number; shardCount: number; folder: string; maxMemoryMiB?: string },
): Promise<string | null> {
  // In a container the cgroup's limit may be lower than the machine's free memory.
  const constrained = process.constrainedMemory?.() ?? 0
  let limit = constrained > 0 ? Math.min(freemem(), constrained) : freemem()
  let limitText = `the free memory (${mib(limit)})`
  if (opts.maxMemoryMiB !== undefined) {
    if (!/^\d{1,9}$/.test(opts.maxMemoryMiB.trim()) || Number(opts.maxMemoryMiB) < 1)
      return `${MAX_MEMORY_FLAG} ${shownText(opts.maxMemoryMiB)} must be a whole number of MiB, e.g. ${MAX_MEMORY_FLAG} 8192`
    limit = Number(opts.maxMemoryMiB) * MiB
    limitText = `${MAX_MEMORY_FLAG} ${opts.maxMemoryMiB.trim()} (${mib(limit)})`
  }
  const need = estimateResources(config, { format: opts.format, lanes: opts.lanes, shardCount: opts.shardCount })
  // The population lives in the JavaScript heap of each thread, which V8 caps whatever the free memory.
  const heap = getHeapStatistics().heap_size_limit
  const perThread = estimateResources(config, { format: opts.format, lanes: 0, shardCount: opts.shardCount })
  if (perThread.peakMemoryBytes > heap && perThread.peakMemoryBytes <= limit)
    return (
      `this run needs about ${mib(perThread.peakMemoryBytes)} of memory per thread, more than Node's heap limit ` +
      `(${mib(heap)}): lower counts.persons, counts.companies or counts.accounts, ` +
      `or raise the heap limit, e.g. NODE_OPTIONS=--max-old-space-size=${Math.ceil((perThread.peakMemoryBytes * 1.2) / MiB)}`
    )
  if (need.peakMemoryBytes > limit) {
    const withoutLanes = estimateResources(config, { format: opts.format, lanes: 0, shardCount: opts.shardCount })
    const lanesHint =
      opts.lanes > 0 && withoutLanes.peakMemoryBytes <= limit
        ? `add --threads 0 (about ${mib(withoutLanes.peakMemoryBytes)}), `
        : ''
    return (
      `this run needs about ${mib(need.peakMemoryBytes)} of memory, more than ${limitText}: ` +
      `${lanesHint}lower counts.persons, counts.companies or counts.accounts, ` +
      `or raise the limit with ${MAX_MEMORY_FLAG} <MiB> if you know the memory is there`
    )
  }
  let free: number
  try {
    const s = await statfs(dirname(opts.folder))
    free = s.bavail * s.bsize
  } catch {
    return null // no figure to compare with (an unusual file system): writing reports a full disk if it comes
  }
  if (need.outputBytes > free)
    return (
      `this run writes about ${mib(need.outputBytes)}, more than the ${mib(free)} free on the disk holding ` +
      `${shownText(dirname(opts.folder))}: free some space, lower the counts, write elsewhere, or split it with --shard`
    )
  return null
}
