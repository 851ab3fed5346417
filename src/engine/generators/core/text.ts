/** Small text helpers for generated identifiers (e-mails, web domains). No Intl or normalize(): output must not depend on the runtime's ICU. */

const FOLD: Record<string, string> = {
  à: 'a',
  á: 'a',
  â: 'a',
  ã: 'a',
  ä: 'a',
  å: 'a',
  æ: 'ae',
  ç: 'c',
  è: 'e',
  é: 'e',
  ê: 'e',
  ë: 'e',
  ì: 'i',
  í: 'i',
  î: 'i',
  ï: 'i',
  ñ: 'n',
  ò: 'o',
  ó: 'o',
  ô: 'o',
  õ: 'o',
  ö: 'o',
  ø: 'o',
  œ: 'oe',
  ù: 'u',
  ú: 'u',
  û: 'u',
  ü: 'u',
  ý: 'y',
  ÿ: 'y',
  ß: 'ss',
  ą: 'a',
  ć: 'c',
  ę: 'e',
  ł: 'l',
  ń: 'n',
  ś: 's',
  ź: 'z',
  ż: 'z',
  č: 'c',
  ř: 'r',
  š: 's',
  ž: 'z',
  ğ: 'g',
  ı: 'i',
  ş: 's',
  ő: 'o',
  ű: 'u',
}

/** Lower-case ASCII letters and digits only; accented Latin letters are folded, other scripts dropped. */
export function asciiSlug(text: string): string {
  let out = ''
  for (const ch of text.toLowerCase()) {
    if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) out += ch
    else if (FOLD[ch] !== undefined) out += FOLD[ch]
  }
  return out
}

/** Expands a postal pattern: `#` a digit, `A` an upper-case letter, anything else literal. */
export function fillPattern(pattern: string, draw: () => number): string {
  let out = ''
  for (const ch of pattern) {
    if (ch === '#') out += String(Math.floor(draw() * 10))
    else if (ch === 'A') out += String.fromCharCode(65 + Math.floor(draw() * 26))
    else out += ch
  }
  return out
}

export function digits(n: number, draw: () => number): string {
  let out = ''
  for (let i = 0; i < n; i++) out += String(Math.floor(draw() * 10))
  return out
}
