import { EngineError } from '../errors.ts'
import type { FieldKind, TableDef } from '../model/field.ts'

/**
 * Rows sent back from a lane for the run's reports, packed as columns: one typed array per field they read,
 * numbers as Float64 (NaN for null, booleans 0 / 1), text as Int32 codes into one string table per range (−1 for
 * null). The arrays are transferred, not cloned, and repeated text (account ids, countries, kinds) crosses once
 * per range: cloning the row objects instead cost more than threads gained.
 */
export interface PackedRows {
  readonly count: number
  readonly fields: readonly string[]
  readonly columns: readonly (Float64Array | Int32Array)[]
  readonly strings: readonly string[]
}

/** `unique`: text that differs on every row (ids), kept without looking for a repeat. */
type Slot = 'number' | 'bool' | 'text' | 'unique'

const SLOTS: Readonly<Record<FieldKind, Slot | null>> = {
  id: 'unique',
  ref: 'text',
  text: 'text',
  enum: 'text',
  int: 'number',
  decimal: 'number',
  money: 'number',
  date: 'number',
  timestamp: 'number',
  bool: 'bool',
  list: null,
}

function slotsOf(table: TableDef, fields: readonly string[]): Slot[] {
  return fields.map((name) => {
    const spec = table.fields[name]
    const slot = spec ? SLOTS[spec.kind] : null
    if (!slot) throw new EngineError(`field ${name} of ${table.name} cannot be packed for a report read in a lane`)
    return slot
  })
}

/** Every field of a table, in declared order: what a report that names no fields reads. */
export function allFields(table: TableDef): readonly string[] {
  return Object.keys(table.fields)
}

/** Packs `rows` rows, one `add` at a time (the lane's side). */
export function rowPacker(table: TableDef, fields: readonly string[], rows: number) {
  const slots = slotsOf(table, fields)
  const columns = slots.map((s) => (s === 'text' || s === 'unique' ? new Int32Array(rows) : new Float64Array(rows)))
  const codes = new Map<string, number>()
  const strings: string[] = []
  let n = 0
  const code = (v: unknown, unique: boolean): number => {
    if (v === null || v === undefined) return -1
    if (unique) return strings.push(v as string) - 1
    const s = v as string
    let c = codes.get(s)
    if (c === undefined) {
      codes.set(s, (c = strings.length))
      strings.push(s)
    }
    return c
  }
  return {
    add(row: Readonly<Record<string, unknown>>): void {
      for (let f = 0; f < fields.length; f++) {
        const v = row[fields[f]]
        const slot = slots[f]
        if (slot === 'text' || slot === 'unique') columns[f][n] = code(v, slot === 'unique')
        else columns[f][n] = v === null || v === undefined ? NaN : slot === 'bool' ? +!!v : +v
      }
      n++
    },
    take(): PackedRows {
      if (n !== rows) throw new EngineError(`packed ${n} rows of ${table.name} where ${rows} were announced`)
      return { count: n, fields, columns, strings }
    },
  }
}

/** The typed arrays to transfer with a packed range (so the columns move rather than copy). */
export function packedBuffers(packed: PackedRows | undefined): ArrayBuffer[] {
  return packed ? packed.columns.map((c) => c.buffer as ArrayBuffer) : []
}

/** Row k of a packed range as a row object holding the packed fields (the main thread's side). */
export function packedReader(table: TableDef, packed: PackedRows): (k: number) => Record<string, unknown> {
  const fill = packedFiller(table, packed)
  return (k) => {
    const row: Record<string, unknown> = {}
    fill(row, k)
    return row
  }
}

/**
 * Row k of a packed range written into `into`, the fields packedReader gives: for readers that keep no row, one
 * object serves every row (a million short-lived row objects were most of the merging thread's garbage).
 */
export function packedFiller(table: TableDef, packed: PackedRows): (into: Record<string, unknown>, k: number) => void {
  const { fields, columns, strings } = packed
  const slots = slotsOf(table, fields)
  return (row, k) => {
    for (let f = 0; f < fields.length; f++) {
      const v = columns[f][k]
      const slot = slots[f]
      if (slot === 'text' || slot === 'unique') row[fields[f]] = v < 0 ? null : strings[v]
      else row[fields[f]] = v !== v ? null : slot === 'bool' ? v === 1 : v
    }
  }
}
