import { describe, expect, it } from 'vitest'
import { ibanFromBban, isValidIban } from './iban.ts'

describe('IBAN', () => {
  it('computes ISO 13616 check digits (known examples)', () => {
    expect(ibanFromBban('GB', 'WEST12345698765432')).toBe('GB82WEST12345698765432')
    expect(ibanFromBban('DE', '370400440532013000')).toBe('DE89370400440532013000')
  })
  it('rejects a single changed digit', () => {
    expect(isValidIban('GB82WEST12345698765432')).toBe(true)
    expect(isValidIban('GB82WEST12345698765433')).toBe(false)
  })
})
