/**
 * JSON.parse keeps the last of two equal keys, so `{"seed": 1, "seed": 2}` silently means seed 2. This finds the
 * first repeated key in text that JSON.parse has already accepted (so the scan can trust the syntax); it returns
 * the dotted path of the repeat, or null.
 */
export function findDuplicateKey(text: string): string | null {
  // One frame per open object or array: the keys seen so far (objects) and the path to the container.
  const frames: { keys: Set<string> | null; path: string; index: number }[] = []
  let pendingKey: string | null = null
  let i = 0
  const childPath = () => {
    const top = frames[frames.length - 1]
    if (!top) return ''
    if (top.keys) return top.path ? `${top.path}.${pendingKey ?? ''}` : (pendingKey ?? '')
    return `${top.path}[${top.index}]`
  }
  while (i < text.length) {
    const ch = text[i]
    if (ch === '"') {
      let j = i + 1
      while (text[j] !== '"') j += text[j] === '\\' ? 2 : 1
      const top = frames[frames.length - 1]
      let k = j + 1
      while (k < text.length && (text[k] === ' ' || text[k] === '\t' || text[k] === '\n' || text[k] === '\r')) k++
      if (top?.keys && text[k] === ':') {
        const key = JSON.parse(text.slice(i, j + 1)) as string
        if (top.keys.has(key)) return top.path ? `${top.path}.${key}` : key
        top.keys.add(key)
        pendingKey = key
      }
      i = j + 1
      continue
    }
    if (ch === '{' || ch === '[') {
      frames.push({ keys: ch === '{' ? new Set() : null, path: childPath(), index: 0 })
      pendingKey = null
    } else if (ch === '}' || ch === ']') frames.pop()
    else if (ch === ',') {
      const top = frames[frames.length - 1]
      if (top && !top.keys) top.index++
    }
    i++
  }
  return null
}
