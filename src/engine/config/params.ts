/**
 * Parameter descriptors: plain data, so the worker can send them to the UI and the CLI can derive flags and
 * help from them. One descriptor gives a field its label, help text, bounds and default everywhere.
 */

export interface IntParam {
  readonly type: 'int'
  readonly label: string
  readonly help: string
  readonly min: number
  readonly max: number
  readonly default: number
  readonly unit?: string
}

export interface NumberParam {
  readonly type: 'number'
  readonly label: string
  readonly help: string
  readonly min: number
  readonly max: number
  readonly default: number
  readonly step: number
  readonly unit?: string
}

export interface EnumParam<TValue extends string = string> {
  readonly type: 'enum'
  readonly label: string
  readonly help: string
  readonly options: readonly TValue[]
  readonly default: TValue
}

export type ParamDescriptor = IntParam | NumberParam | EnumParam

export type ParamDescriptors = Readonly<Record<string, ParamDescriptor>>

/** Values typed from descriptors: an enum's options, or a number; `string | number` when the descriptor is not known. */
export type ParamValues<T extends ParamDescriptors> = {
  -readonly [K in keyof T]: T[K] extends EnumParam<infer V>
    ? V
    : T[K] extends IntParam | NumberParam
      ? number
      : string | number
}

export const p = {
  int: (o: Omit<IntParam, 'type'>): IntParam => ({ type: 'int', ...o }),
  number: (o: Omit<NumberParam, 'type'>): NumberParam => ({ type: 'number', ...o }),
  enum: <const V extends string>(o: Omit<EnumParam<V>, 'type'>): EnumParam<V> => ({ type: 'enum', ...o }),
}

export function defaultsOf<T extends ParamDescriptors>(params: T): ParamValues<T> {
  const out: Record<string, unknown> = {}
  for (const [key, d] of Object.entries(params)) out[key] = d.default
  return out as ParamValues<T>
}

/** Checks one value against its descriptor; returns the problem and the fix, or null when valid. */
export function checkParam(d: ParamDescriptor, value: unknown): { message: string; hint: string } | null {
  if (d.type === 'enum') {
    if (typeof value === 'string' && d.options.includes(value)) return null
    return { message: `must be one of ${d.options.join(', ')}`, hint: `use one of ${d.options.join(', ')}` }
  }
  if (typeof value !== 'number' || !Number.isFinite(value))
    return { message: 'must be a number', hint: `use a number from ${d.min} to ${d.max}` }
  if (d.type === 'int' && !Number.isInteger(value))
    return { message: 'must be a whole number', hint: `use a whole number from ${d.min} to ${d.max}` }
  if (value < d.min) return { message: `must be at least ${d.min}`, hint: `raise it to ${d.min} or more` }
  if (value > d.max) return { message: `must be at most ${d.max}`, hint: `lower it to ${d.max} or less` }
  return null
}
