import { shownText } from './display.ts'

/** A problem with user input: where it is, what is wrong, and how to fix it. Bad input is data, not an exception. */
export interface ConfigIssue {
  /** Dotted path of the offending field, e.g. `patterns.structuring.params.smurfs`. */
  readonly path: string
  readonly message: string
  readonly hint: string
}

export function issueText(issue: ConfigIssue): string {
  // The path holds the user's own keys: shown escaped and shortened (see display.ts).
  return `${shownText(issue.path)} ${issue.message}: ${issue.hint}`
}
