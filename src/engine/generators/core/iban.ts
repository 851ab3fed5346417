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

export function ibanFromBban(country: string, bban: string): string {
  const check = 98 - mod97(toNumeric(bban + country + '00'))
  return country + String(check).padStart(2, '0') + bban
}

export function isValidIban(iban: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(iban)) return false
  return mod97(toNumeric(iban.slice(4) + iban.slice(0, 4))) === 1
}
