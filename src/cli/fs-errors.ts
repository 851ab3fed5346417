/**
 * A file-system error as one line for people: the path, what is wrong and what to do, never a stack.
 * `action` is what we were doing with the path.
 */
export function fsErrorText(e: unknown, shownPath: string, action: 'read' | 'write'): string {
  const code = (e as NodeJS.ErrnoException | null)?.code
  switch (code) {
    case 'ENOENT':
      return `${shownPath} does not exist: check the path`
    case 'ENOTDIR':
      return `${shownPath}: a part of this path is a file, not a folder: check the path`
    case 'EACCES':
    case 'EPERM':
      return `${shownPath} cannot be ${action === 'read' ? 'read' : 'written'}: permission denied: ${action === 'read' ? 'check its permissions' : 'choose a folder you can write to'}`
    case 'EROFS':
      return `${shownPath} is on a read-only file system: choose a folder on a writable disk`
    case 'ENOSPC':
    case 'EDQUOT':
      return `no space left on the disk holding ${shownPath}: free some space, lower the counts, or write elsewhere`
    case 'EISDIR':
      return `${shownPath} is a folder: give a file`
    case 'ELOOP':
      return `${shownPath} is a loop of symbolic links: fix the link`
    case 'ENAMETOOLONG':
      return `${shownPath} is too long a name for this file system: choose a shorter path`
    case 'EMFILE':
    case 'ENFILE':
      return `too many files are open to ${action} ${shownPath}: close other programs and try again`
    case 'EIO':
      return `the disk failed while we tried to ${action} ${shownPath} (input/output error): check the disk`
    default:
      return `${shownPath} cannot be ${action === 'read' ? 'read' : 'written'} (${code ?? (e as Error)?.message ?? String(e)}): check the path`
  }
}

export function isFsError(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException | null)?.code
  return typeof code === 'string' && /^E[A-Z]+$/.test(code)
}
