import { readdirSync, readFileSync } from 'node:fs'

/** Live members of process group `pgid` (zombies count as gone: a reaper may be slow to collect them). */
export function groupMembers(pgid: number): number[] {
  const live: number[] = []
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    let stat: string
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8')
    } catch {
      continue
    }
    // Fields after the command (which may hold spaces) in parentheses: state, ppid, pgrp, …
    const after = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    if (Number(after[2]) === pgid && after[0] !== 'Z' && after[0] !== 'X') live.push(Number(name))
  }
  return live
}

export async function waitForGroupGone(pgid: number, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    if (groupMembers(pgid).length === 0) return true
    await new Promise((r) => setTimeout(r, 50))
  }
  return false
}
