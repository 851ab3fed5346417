import { issueText, type ConfigIssue } from './config/issues.ts'

/** A broken invariant inside the engine. Bad user input is not an EngineError: it is a list of ConfigIssues. */
export class EngineError extends Error {
  override name = 'EngineError'
}

/** Thrown by runGeneration when called with an invalid config (callers normally validate first). */
export class ConfigError extends EngineError {
  override name = 'ConfigError'
  constructor(readonly issues: readonly ConfigIssue[]) {
    super(issues.map(issueText).join('; '))
  }
}
