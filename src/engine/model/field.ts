/**
 * Field descriptors: each table is declared once as an ordered record of these, and its TypeScript row type,
 * CSV header and cell formatting, JSON shape and data dictionary are all derived from that one declaration.
 */
import type { Id } from './ids.ts'

export type FieldKind =
  'id' | 'ref' | 'text' | 'enum' | 'int' | 'decimal' | 'money' | 'date' | 'timestamp' | 'bool' | 'list'

export interface FieldSpec<
  TKind extends FieldKind = FieldKind,
  TNullable extends boolean = boolean,
  TValues extends string = string,
  TRef extends string = string,
> {
  readonly kind: TKind
  readonly nullable: TNullable
  readonly description: string
  readonly unit?: string
  /** For `ref`: the table the value points at (one of several for polymorphic refs, with `typeField`). */
  readonly ref?: readonly TRef[]
  /** For polymorphic refs: the sibling field holding the target's entity type. */
  readonly typeField?: string
  readonly values?: readonly TValues[]
  /** For `decimal`: digits after the point. */
  readonly digits?: number
  /** For `money`: the sibling field holding the ISO currency code. */
  readonly currencyField?: string
  /** For `money`: the field to read the currency from where `currencyField` is empty. */
  readonly currencyFallback?: string
}

/** The ISO currency code of a money cell: its currency field, else its fallback field. */
export function moneyCurrency(spec: FieldSpec, row: Readonly<Record<string, unknown>>): string | undefined {
  const code = row[spec.currencyField ?? 'currency'] ?? (spec.currencyFallback ? row[spec.currencyFallback] : undefined)
  return (code ?? undefined) as string | undefined
}

type Opt = { readonly nullable?: boolean; readonly unit?: string }
/** Nullability is read off the options object; a conditional keeps TypeScript from widening it via the contextual type. */
type N<O> = O extends { nullable: true } ? true : false

function spec<K extends FieldKind>(
  kind: K,
  description: string,
  o: Opt & Partial<FieldSpec> = {},
): FieldSpec<K, boolean> {
  return { ...o, kind, description, nullable: o.nullable ?? false }
}

export const f = {
  id: (description = 'Unique id of the row.') => spec('id', description) as FieldSpec<'id', false>,
  ref: <const T extends string, const O extends Opt & { typeField?: string } = object>(
    tables: T | readonly T[],
    description: string,
    o?: O,
  ) =>
    spec('ref', description, { ...o, ref: typeof tables === 'string' ? [tables] : tables }) as FieldSpec<
      'ref',
      N<O>,
      string,
      T
    >,
  text: <const O extends Opt = object>(description: string, o?: O) =>
    spec('text', description, o) as FieldSpec<'text', N<O>>,
  enum: <const V extends string, const O extends Opt = object>(values: readonly V[], description: string, o?: O) =>
    ({ ...spec('enum', description, o), values }) as FieldSpec<'enum', N<O>, V>,
  int: <const O extends Opt = object>(description: string, o?: O) =>
    spec('int', description, o) as FieldSpec<'int', N<O>>,
  decimal: <const O extends Opt = object>(digits: number, description: string, o?: O) =>
    spec('decimal', description, { ...o, digits }) as FieldSpec<'decimal', N<O>>,
  money: <const O extends Opt & { currencyFallback?: string } = object>(
    currencyField: string,
    description: string,
    o?: O,
  ) =>
    spec('money', description, {
      ...o,
      currencyField,
      unit: `minor digits of ${currencyField}${o?.currencyFallback ? ` (else ${o.currencyFallback})` : ''}`,
    }) as FieldSpec<'money', N<O>>,
  date: <const O extends Opt = object>(description: string, o?: O) =>
    spec('date', description, o) as FieldSpec<'date', N<O>>,
  timestamp: <const O extends Opt = object>(description: string, o?: O) =>
    spec('timestamp', description, o) as FieldSpec<'timestamp', N<O>>,
  bool: (description: string) => spec('bool', description) as FieldSpec<'bool', false>,
  list: <const O extends Opt = object>(description: string, o?: O) =>
    spec('list', description, o) as FieldSpec<'list', N<O>>,
}

/** `table` names the row's own table, for its `id` field. */
type Base<S, TTable extends string> =
  S extends FieldSpec<infer K, boolean, infer V, infer R>
    ? K extends 'id'
      ? Id<TTable>
      : K extends 'ref'
        ? Id<R>
        : K extends 'text'
          ? string
          : K extends 'enum'
            ? V
            : K extends 'int' | 'decimal' | 'money' | 'date' | 'timestamp'
              ? number
              : K extends 'bool'
                ? boolean
                : K extends 'list'
                  ? readonly string[]
                  : never
    : never

type ValueOf<S, TTable extends string> = S extends FieldSpec<FieldKind, true> ? Base<S, TTable> | null : Base<S, TTable>

export type Fields = Readonly<Record<string, FieldSpec>>

export type RowOf<T extends { name: string; fields: Fields }> = {
  -readonly [K in keyof T['fields']]: ValueOf<T['fields'][K], T['name']>
}

export interface Column {
  readonly key: string
  readonly name: string
  readonly spec: FieldSpec
}

export interface TableDef<TName extends string = string, TFields extends Fields = Fields> {
  readonly name: TName
  /** Id prefix, e.g. `TXN`. */
  readonly prefix: string
  readonly description: string
  readonly fields: TFields
  readonly columns: readonly Column[]
  /** Event tables carry pattern_id / pattern_role and are time-ordered. */
  readonly labelled: boolean
  /** The field event rows are ordered by (null for tables sorted by id, and for rows that go with a parent row). */
  readonly time: string | null
  /** The field holding when an event that lasts ends (travels arrive); the pattern's span covers it. */
  readonly until: string | null
}

/** Where a table's events sit in time: declared once with the table, read by every merge, span and lane. */
export interface TimeFields<TFields extends Fields> {
  readonly time: keyof TFields & string
  readonly until?: keyof TFields & string
}

export function snakeCase(key: string): string {
  return key.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase())
}

export function defineTable<const TName extends string, const TFields extends Fields>(
  name: TName,
  prefix: string,
  description: string,
  fields: TFields,
  timing?: TimeFields<TFields>,
): TableDef<TName, TFields> {
  const columns = Object.entries(fields).map(([key, spec]) => ({ key, name: snakeCase(key), spec }))
  return {
    name,
    prefix,
    description,
    fields,
    columns,
    labelled: 'patternId' in fields,
    time: timing?.time ?? null,
    until: timing?.until ?? null,
  }
}

/** A row's instant in its table's time field, looked up once for loops over every row (tables without one are never asked). */
export function timeReader(table: TableDef): (row: unknown) => number {
  const field = table.time as string
  return (row) => (row as Record<string, number>)[field]
}

/** The ground-truth columns every event table ends with; `isSuspicious` is the one a detector is scored against. */
export const labelFields = {
  patternId: f.ref('patterns', 'Injected pattern instance this row belongs to; empty for background rows.', {
    nullable: true,
  }),
  patternRole: f.text(
    'Role of this row in its pattern (e.g. structured_deposit, hop, insider_trade); empty for background rows.',
    { nullable: true },
  ),
  isSuspicious: f.bool(
    'The detection target: true exactly for rows of a suspicious pattern instance (not its camouflage rows). Rows of a benign look-alike have pattern_id set and this false.',
  ),
} as const

/** The detection target on entity tables: true exactly for the knowing (or compromised) members of a suspicious instance. */
export const entityLabelField = {
  isSuspicious: f.bool(
    "The detection target: true exactly for entities with a pattern_members row whose is_suspicious is true (the scheme's own entities and the accounts it compromised); unwitting parties of a crime (a victim who paid, a bystander business) and members of benign look-alikes only are false.",
  ),
} as const
