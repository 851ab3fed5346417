/** Bad input or a situation the user can fix: one line on stderr, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError'
}

/** The file system refuses (missing or read-only folder, full disk, broken link): one line on stderr, exit 1. */
export class FsProblem extends Error {
  override name = 'FsProblem'
}
