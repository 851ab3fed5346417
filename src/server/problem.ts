/** RFC 9457 problem details: the one error shape every endpoint answers with. */
export interface Problem {
  readonly type: string
  readonly title: string
  readonly status: number
  readonly detail: string
  readonly instance?: string
  readonly errors?: readonly { path: string; message: string; hint?: string }[]
}

const BASE = 'https://fincrime-synth.invalid/problems/'

export function problem(
  status: number,
  slug: string,
  title: string,
  detail: string,
  extra: Partial<Pick<Problem, 'instance' | 'errors'>> = {},
): Problem {
  return { type: BASE + slug, title, status, detail, ...extra }
}

export const PROBLEM_TYPE = 'application/problem+json'
