import type { Progress } from '../engine/index.ts'

export type Outcome = 'ok' | 'cancelled' | 'failed'

/** What the progress endpoint reports about one job; kept for a while after it ends so late listeners see the end. */
export interface JobState {
  readonly id: string
  progress: Progress | null
  end: { outcome: Outcome; detail?: string } | null
  readonly listeners: Set<(event: 'progress' | 'end') => void>
}

const KEEP_ENDED = 200

export function createJobRegistry() {
  const jobs = new Map<string, JobState>()
  let next = 0
  return {
    create(): JobState {
      const id = `job-${(++next).toString(36).padStart(6, '0')}`
      const job: JobState = { id, progress: null, end: null, listeners: new Set() }
      jobs.set(id, job)
      // Bounded memory: forget the oldest ended jobs.
      if (jobs.size > KEEP_ENDED)
        for (const [k, j] of jobs) {
          if (jobs.size <= KEEP_ENDED) break
          if (j.end) jobs.delete(k)
        }
      return job
    },
    get: (id: string) => jobs.get(id),
    progress(job: JobState, p: Progress) {
      job.progress = p
      for (const l of job.listeners) l('progress')
    },
    end(job: JobState, outcome: Outcome, detail?: string) {
      job.end = { outcome, detail }
      for (const l of job.listeners) l('end')
    },
  }
}
