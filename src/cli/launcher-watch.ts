import { readFileSync } from 'node:fs'

/** The parent pid and state of `pid` from /proc (Linux); null where there is no /proc or the process is gone. */
function procStat(pid: number): { ppid: number; state: string } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return { state: fields[0], ppid: Number(fields[1]) }
  } catch {
    return null
  }
}

function command(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim()
  } catch {
    return ''
  }
}

function alive(pid: number): boolean {
  const stat = procStat(pid)
  if (stat) return stat.state !== 'Z' && stat.state !== 'X'
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Under `npm run generate` a signal sent to npm alone (`kill <npm pid>`) may end npm without reaching us (npm
 * forwards only SIGINT and SIGTERM), and the run would go on in the background with nobody waiting for it. So
 * when npm started us we watch npm (and the script shell between us, if any) and stop, as on SIGHUP, when it is
 * gone. Outside npm nothing is watched, so `nohup fincrime-synth … &` keeps running after its shell exits.
 */
export function watchLauncher(onGone: () => void, intervalMs = 200): void {
  if (process.env.npm_lifecycle_event === undefined) return
  const parent = process.ppid
  const chain = [parent]
  // npm runs scripts through a shell; `exec` in the script makes us npm's child, otherwise npm is the shell's parent.
  const grand = procStat(parent)?.ppid
  if (grand !== undefined && grand > 1 && /^(sh|dash|bash|zsh|ash)$/.test(command(parent))) chain.push(grand)
  const timer = setInterval(() => {
    if (process.ppid === parent && chain.every(alive)) return
    clearInterval(timer)
    onGone()
  }, intervalMs)
  timer.unref()
}
