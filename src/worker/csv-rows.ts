const QUOTE = 0x22
const COMMA = 0x2c
const NEWLINE = 0x0a
const CR = 0x0d

/**
 * Every data row of a CSV file held as byte chunks, as a header-keyed record, for the rows `keep` accepts. RFC 4180:
 * quoted cells may hold commas, doubled quotes and line breaks. `keep` sees the raw row text first, so a scan for
 * one id skips building records for the millions of rows that do not mention it.
 */
export function scanRows(
  chunks: readonly Uint8Array[],
  keep: (line: string) => boolean,
  row: (record: Readonly<Record<string, string>>) => void,
): void {
  const decoder = new TextDecoder()
  let header: string[] | null = null
  const end = (line: string) => {
    if (line === '') return
    if (header === null) header = splitRow(line)
    else if (keep(line)) {
      const cells = splitRow(line)
      const record: Record<string, string> = {}
      header.forEach((name, i) => (record[name] = cells[i] ?? ''))
      row(record)
    }
  }
  let carry = ''
  let quoted = false
  const scan = (text: string) => {
    // The carried start of a row was scanned already; only its quote state travels on.
    let from = 0
    for (let i = carry.length; i < text.length; i++) {
      const c = text.charCodeAt(i)
      if (c === QUOTE) quoted = !quoted
      else if (c === NEWLINE && !quoted) {
        end(text.slice(from, i))
        from = i + 1
      }
    }
    carry = text.slice(from)
  }
  for (const chunk of chunks) scan(carry + decoder.decode(chunk, { stream: true }))
  scan(carry + decoder.decode())
  end(carry)
}

/** One CSV row's cells, quotes removed and doubled quotes undone. */
export function splitRow(line: string): string[] {
  const cells: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i)
    if (quoted) {
      if (c !== QUOTE) cell += line[i]
      else if (line.charCodeAt(i + 1) === QUOTE) {
        cell += '"'
        i++
      } else quoted = false
    } else if (c === QUOTE) quoted = true
    else if (c === COMMA) {
      cells.push(cell)
      cell = ''
    } else if (c !== CR) cell += line[i]
  }
  cells.push(cell)
  return cells
}
