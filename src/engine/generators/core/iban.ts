/** ISO 13616 IBAN check digits: mod 97 of the rearranged number must be 1. */

function mod97(numeric: string): number {
  let rest = 0
  for (let i = 0; i < numeric.length; i += 7) rest = Number(String(rest) + numeric.slice(i, i + 7)) % 97
  return rest
}

function toNumeric(text: string): string {
  let out = ''
  for (const ch of text) out += ch >= 'A' && ch <= 'Z' ? String(ch.charCodeAt(0) - 55) : ch
  return out
}

/**
 * mod 97 of the number `text` spells with letters as two digits (A = 10 … Z = 35), read digit by digit: the same
 * remainder as mod97(toNumeric(text)) without building either string. NaN when a character is neither.
 */
function mod97Of(text: string): number {
  let rest = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c >= 48 && c <= 57) rest = (rest * 10 + (c - 48)) % 97
    else if (c >= 65 && c <= 90) rest = (rest * 100 + (c - 55)) % 97
    else return NaN
  }
  return rest
}

export function ibanFromBban(country: string, bban: string): string {
  const text = bban + country + '00'
  const fast = mod97Of(text)
  const check = 98 - (Number.isNaN(fast) ? mod97(toNumeric(text)) : fast)
  return country + String(check).padStart(2, '0') + bban
}

export function isValidIban(iban: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(iban)) return false
  return mod97(toNumeric(iban.slice(4) + iban.slice(0, 4))) === 1
}
