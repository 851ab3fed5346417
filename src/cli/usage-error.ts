/** Bad input or a situation the user can fix: one line on stderr, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError'
}
