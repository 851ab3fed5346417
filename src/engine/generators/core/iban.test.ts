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

describe('IBAN check digits', () => {
  it('are valid for letters and digits anywhere in the BBAN (letters count as two digits)', () => {
    const alnum = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'
    let seed = 12345
    const draw = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    for (let n = 0; n < 500; n++) {
      const bban = Array.from({ length: 10 + Math.floor(draw() * 20) }, () => alnum[Math.floor(draw() * 36)]).join('')
      const iban = ibanFromBban('GB', bban)
      expect(isValidIban(iban)).toBe(true)
      expect(iban.slice(4)).toBe(bban)
    }
  })
})
