import { currencyByCode } from '../../reference/currencies.ts'
import { moneyCurrency, type Column, type FieldSpec } from '../../model/field.ts'

type Row = Record<string, unknown>

/** JanusGraph data types of the property keys (the Groovy schema script declares each once). */
export type KeyType = 'String' | 'Long' | 'Double' | 'Date' | 'Boolean'

export function keyType(spec: FieldSpec): KeyType {
  switch (spec.kind) {
    case 'int':
      return 'Long'
    case 'decimal':
    case 'money':
      return 'Double'
    case 'date':
    case 'timestamp':
      return 'Date'
    case 'bool':
      return 'Boolean'
    default:
      return 'String'
  }
}

/** A value in GraphSON 3.0 typed form: strings and booleans bare, numbers and dates wrapped with their type. */
export function typedValue(spec: FieldSpec, v: unknown, row: Row): unknown {
  switch (spec.kind) {
    case 'int':
      return { '@type': 'g:Int64', '@value': v }
    case 'decimal':
      return { '@type': 'g:Double', '@value': v }
    case 'money': {
      const digits = currencyByCode[moneyCurrency(spec, row) ?? '']?.minorDigits ?? 2
      return { '@type': 'g:Double', '@value': (v as number) / 10 ** digits }
    }
    case 'date':
      return { '@type': 'g:Date', '@value': (v as number) * 86_400_000 }
    case 'timestamp':
      return { '@type': 'g:Date', '@value': (v as number) * 1000 }
    default:
      return v
  }
}

/** Property name in the graph: `id` is reserved in Gremlin (T.id), so a row's own id becomes `entity_id`/`event_id`. */
export function propertyName(c: Column, idName: string): string {
  return c.key === 'id' ? idName : c.name
}
