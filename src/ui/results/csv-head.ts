import Papa from 'papaparse'

export interface CsvHead {
  readonly columns: readonly string[]
  readonly rows: readonly (readonly string[])[]
}

/** Parses the first lines of a CSV file (header plus up to `maxRows` rows); papaparse stops there. */
export function parseCsvHead(bytes: Uint8Array, maxRows = 30): CsvHead {
  const text = new TextDecoder().decode(bytes)
  const parsed = Papa.parse<string[]>(text, { preview: maxRows + 1, skipEmptyLines: true })
  const [columns = [], ...rows] = parsed.data
  return { columns, rows }
}
