// Regenerates src/engine/reference/locales.ts from faker's locale definitions.
// The engine must not depend on faker at run time (bundle size, and faker's own RNG would break our
// determinism), so the word lists are copied once and committed. Re-run after a faker upgrade:
//   node scripts/extract-locale-data.mjs
import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as faker from '@faker-js/faker'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const out = join(root, 'src/engine/reference/locales.ts')
const require = createRequire(import.meta.url)
const fakerDir = dirname(require.resolve('@faker-js/faker/package.json'))
const fakerVersion = JSON.parse(readFileSync(join(fakerDir, 'package.json'), 'utf8')).version
const copyrightLine = readFileSync(join(fakerDir, 'LICENSE'), 'utf8').split('\n')[0].trim()

const CAP = 150
const FALLBACK_EMAIL_DOMAINS = ['gmail.com', 'outlook.com', 'yahoo.com']

/**
 * No real PII: faker's free-mail providers become look-alikes under the reserved TLD .example (RFC 2606 / 6761),
 * so no generated address can reach a real mailbox. The provider stays recognisable (free-mail vs corporate is a
 * signal models use), national variants keep their country: yahoo.com → yahoo.example, yahoo.co.jp → yahoo-jp.example.
 */
function reservedMailDomain(domain) {
  const labels = domain.toLowerCase().split('.')
  const last = labels.pop()
  const generic = new Set(['com', 'net', 'org', 'co', 'ne'])
  const name = labels.filter((l, i) => i === 0 || !generic.has(l))
  if (!generic.has(last)) name.push(last)
  return `${name.join('-')}.example`
}

// Our key → faker locale definition. Order here is the order in the generated file.
const LOCALES = [
  'en_US',
  'en_GB',
  'de',
  'fr',
  'es',
  'it',
  'nl',
  'ja',
  'zh_CN',
  'pt_BR',
  'ru',
  'ko',
  'en_IN',
  'ar',
  'sv',
  'pl',
  'tr',
]

// faker resolves a missing entry through the locale's parents; these are the parents we mirror.
const PARENTS = { en_US: ['en'], en_GB: ['en'], en_IN: ['en'] }
// pt_BR has only ~20 surnames; Portuguese surnames are shared, so pt_PT tops the list up.
const SUPPLEMENT_LAST = { pt_BR: 'pt_PT' }
// Street composition when faker's street_pattern is unusable for us (ja only generates "1丁目2番3号").
const PATTERN_OVERRIDE = { ja: ['{{person.lastName}}町', '{{location.city_prefix}}{{person.lastName}}町'] }
// faker's street-type lists mix everyday types with rarities ("wyspa" = island, "Incrocio" = crossroads);
// we keep the everyday ones, repeated to weight the most common type, each entry checked against faker.
const TYPE_ALLOW = {
  fr: { street_prefix: ['Rue', 'Rue', 'Rue', 'Avenue', 'Boulevard', 'Allée', 'Place', 'Impasse', 'Quai', 'Passage'] },
  es: {
    street_suffix: [
      'Calle',
      'Calle',
      'Calle',
      'Avenida',
      'Avenida',
      'Paseo',
      'Plaza',
      'Camino',
      'Carretera',
      'Ronda',
      'Travesía',
      'Glorieta',
      'Pasaje',
      'Rambla',
      'Cuesta',
      'Urbanización',
    ],
  },
  it: { street_suffix: ['Via', 'Via', 'Via', 'Via', 'Piazza', 'Strada', 'Borgo', 'Contrada'] },
  pt_BR: { street_prefix: ['Rua', 'Rua', 'Rua', 'Avenida', 'Avenida', 'Travessa', 'Alameda'] },
  ru: { street_suffix: ['улица', 'ул.', 'улица', 'ул.', 'площадь', 'пл.', 'набережная', 'аллея'] },
  pl: { street_prefix: ['ul.', 'ul.', 'ul.', 'ul.', 'al.', 'pl.', 'os.', 'rondo'] },
  ar: { street_prefix: ['شارع', 'شارع', 'شارع', 'جادة', 'ساحة'] },
}
// Locales without a street_address template in faker; values follow local addressing custom.
const FORMAT_OVERRIDE = { pt_BR: 'number-last', ko: 'number-last', ja: 'number-last' }
// Locales whose streets are "<root> <suffix>" with a space: we export roots and suffixes separately,
// every other locale gets complete street names and no suffixes.
const ROOT_SUFFIX = new Set(['en_US', 'en_GB', 'en_IN'])

function def(key) {
  const d = faker[key]
  if (!d || typeof d !== 'object' || !d.metadata) throw new Error(`faker does not export locale ${key}`)
  return d
}

function lookup(key, path) {
  for (const k of [key, ...(PARENTS[key] ?? [])]) {
    let v = def(k)
    for (const p of path) v = v?.[p]
    if (v !== undefined && !(Array.isArray(v) && v.length === 0)) return v
  }
  return undefined
}

function clean(list) {
  const seen = new Set()
  const outList = []
  for (const raw of list ?? []) {
    if (typeof raw !== 'string') continue
    const s = raw.trim()
    if (!s || s.includes('{{') || s.includes('}}') || seen.has(s)) continue
    seen.add(s)
    outList.push(s)
  }
  return outList
}

// faker's lists are mostly alphabetical, so "the first 150" would give every German a surname
// starting with A or B; an even stride keeps the whole alphabet while staying deterministic.
function pick(list, cap = CAP) {
  const l = clean(list)
  if (l.length <= cap) return l
  return Array.from({ length: cap }, (_, i) => l[Math.floor((i * l.length) / cap)])
}

// Small fixed-seed PRNG so street combinations are reproducible run to run.
function mulberry32(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function seedOf(s) {
  let h = 2166136261
  for (const ch of s) h = Math.imul(h ^ ch.codePointAt(0), 16777619)
  return h >>> 0
}

function expandPatterns(key, patterns, sources) {
  const rand = mulberry32(seedOf(key))
  const result = []
  const seen = new Set()
  const usable = patterns.filter((p) => [...p.matchAll(/\{\{([^}]+)\}\}/g)].every((m) => sources[m[1]]?.length))
  if (usable.length === 0) throw new Error(`no usable street pattern for ${key}`)
  for (let attempt = 0; attempt < 20000 && result.length < CAP; attempt++) {
    const pattern = usable[attempt % usable.length]
    let ok = true
    const s = pattern.replace(/\{\{([^}]+)\}\}/g, (whole, token, offset) => {
      const glued = pattern[offset - 1] === '}' || pattern[offset + whole.length] === '{'
      const src = sources[token]
      const v = src[Math.floor(rand() * src.length)]
      // "van der Meer" + "straat" must not become "van der Meerstraat"
      if (glued && /\s/.test(v)) ok = false
      return v
    })
    if (!ok || seen.has(s)) continue
    seen.add(s)
    result.push(s)
  }
  return result
}

function stripEnglishStreet(name, suffixes) {
  let s = name.replace(/^[NESW] /, '').replace(/ [NESW]$/, '')
  const words = s.split(' ')
  if (words.length > 1 && suffixes.has(words[words.length - 1])) words.pop()
  s = words.join(' ')
  return s
}

function englishStreets(key, firstNames, lastNames) {
  const allSuffixes = new Set(clean(lookup('en', ['location', 'street_suffix'])))
  const own = clean(def(key).location?.street_suffix)
  for (const s of own) allSuffixes.add(s)
  const names = clean(def(key).location?.street_name)
  if (key === 'en_IN' || names.length === 0) {
    // Indian streets are usually named after people; faker en_IN has no street list of its own.
    return { streets: pick([...lastNames, ...firstNames]), suffixes: commonUsSuffixes(allSuffixes) }
  }
  // "A Street" and "Avenue Road" leave roots that read badly with another suffix attached.
  const roots = names
    .map((n) => stripEnglishStreet(n, allSuffixes))
    .filter((r) => !/^[A-Z]$/.test(r) && !allSuffixes.has(r))
  const suffixes = own.length ? pick(own) : commonUsSuffixes(allSuffixes)
  return { streets: pick(roots), suffixes }
}

// en's street_suffix list is 195 USPS abbreviations' long forms ("Burgs", "Spurs"); the suffixes real
// US street names in en_US actually end in, by frequency, read far more naturally.
function commonUsSuffixes(known) {
  const counts = new Map()
  for (const n of clean(def('en_US').location.street_name)) {
    const last = n
      .replace(/ [NESW]$/, '')
      .split(' ')
      .pop()
    if (known.has(last)) counts.set(last, (counts.get(last) ?? 0) + 1)
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([s]) => s)
  const extra = ['Lane', 'Court', 'Way', 'Place', 'Circle', 'Parkway', 'Terrace', 'Trail'].filter((s) => known.has(s))
  return clean([...ranked, ...extra])
}

function build(key) {
  const person = (path) => lookup(key, ['person', ...path])
  const firstMale = pick(person(['first_name', 'male']) ?? person(['first_name', 'generic']))
  const firstFemale = pick(person(['first_name', 'female']) ?? person(['first_name', 'generic']))
  const lastGeneric = person(['last_name', 'generic'])
  const entry = { firstMale, firstFemale }
  if (lastGeneric) {
    const extra = SUPPLEMENT_LAST[key] ? clean(def(SUPPLEMENT_LAST[key]).person.last_name.generic) : []
    entry.last = pick([...clean(lastGeneric), ...extra])
  } else {
    // Gendered surname lists (ru) are index-aligned pairs in faker; the same stride keeps them aligned.
    entry.last = pick(person(['last_name', 'male']))
    entry.lastFemale = pick(person(['last_name', 'female']))
    if (entry.last.length !== entry.lastFemale.length)
      throw new Error(`${key}: gendered surname lists differ in length`)
  }

  if (ROOT_SUFFIX.has(key)) {
    const { streets, suffixes } = englishStreets(key, firstMale, entry.last)
    entry.streets = streets
    entry.streetSuffixes = suffixes
  } else {
    const loc = def(key).location ?? {}
    const fullNames = clean(loc.street_name)
    if (fullNames.length >= 20) {
      entry.streets = pick(fullNames)
    } else {
      const allowed = (field) => {
        const all = clean(loc[field])
        const allow = TYPE_ALLOW[key]?.[field]
        if (!allow) return all
        const missing = allow.filter((t) => !all.includes(t))
        if (missing.length) throw new Error(`${key}.${field}: faker no longer has ${missing.join(', ')}`)
        return allow
      }
      const sources = {
        'person.firstName': [...firstMale, ...firstFemale],
        'person.lastName': entry.last,
        'location.street_suffix': allowed('street_suffix'),
        'location.street_prefix': allowed('street_prefix'),
        'location.street_name': fullNames,
        'location.street_name_part': clean(loc.street_name_part),
        'location.common_street_suffix': clean(loc.common_street_suffix),
        'location.city_prefix': clean(loc.city_prefix),
      }
      entry.streets = expandPatterns(key, PATTERN_OVERRIDE[key] ?? loc.street_pattern ?? [], sources)
    }
    entry.streetSuffixes = []
  }

  const normal = lookup(key, ['location', 'street_address', 'normal'])
  entry.streetFormat =
    FORMAT_OVERRIDE[key] ?? (normal?.startsWith('{{location.buildingNumber}}') ? 'number-first' : 'number-last')
  const own = clean(def(key).internet?.free_email)
  entry.emailDomains = [...new Set((own.length ? pick(own) : FALLBACK_EMAIL_DOMAINS).map(reservedMailDomain))]
  for (const field of ['firstMale', 'firstFemale', 'last', 'streets']) {
    if (!entry[field] || entry[field].length === 0) throw new Error(`${key}: empty ${field}`)
  }
  return entry
}

function q(s) {
  return "'" + s.replace(/\\/g, '\\\\').replace(/'/g, "\\'") + "'"
}

function list(items, indent) {
  if (items.length === 0) return '[]'
  const lines = []
  let line = ''
  for (const item of items.map(q)) {
    if (line && indent.length + 2 + line.length + item.length + 2 > 110) {
      lines.push(line.trimEnd())
      line = ''
    }
    line += item + ', '
  }
  if (line) lines.push(line.trimEnd())
  return '[\n' + lines.map((l) => indent + '  ' + l).join('\n') + '\n' + indent + ']'
}

const parts = []
parts.push(`/*
 * GENERATED by scripts/extract-locale-data.mjs from @faker-js/faker ${fakerVersion}. Do not edit by hand.
 *
 * The word lists below are taken from @faker-js/faker (https://github.com/faker-js/faker), used under the
 * MIT License:
 *
 * ${copyrightLine}
 *
 * Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
 * associated documentation files (the "Software"), to deal in the Software without restriction, including
 * without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
 * copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the
 * following conditions:
 *
 * The above copyright notice and this permission notice shall be included in all copies or substantial
 * portions of the Software.
 *
 * THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT
 * LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO
 * EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER
 * IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR
 * THE USE OR OTHER DEALINGS IN THE SOFTWARE.
 */

/**
 * Name and street vocabulary per locale. Strings are faker's own, in the locale's script (ja, zh_CN, ko,
 * ru and ar are not Latin), so e-mail local parts need a fallback for those.
 *
 * Lists hold at most ${CAP} entries, an evenly spaced selection of faker's de-duplicated list.
 */
export interface LocaleNames {
  firstMale: readonly string[]
  firstFemale: readonly string[]
  /** Family names; for locales with \`lastFemale\` these are the masculine forms. */
  last: readonly string[]
  /** Feminine surname forms, index-aligned with \`last\` (ru: Иванов ↔ Иванова). */
  lastFemale?: readonly string[]
  /**
   * With \`streetSuffixes\` non-empty (English locales): roots, a street is \`\${root} \${suffix}\`.
   * With \`streetSuffixes\` empty: complete street names, used as they are.
   */
  streets: readonly string[]
  streetSuffixes: readonly string[]
  /** Where the house number goes: "221 Baker Street" vs "Hauptstraße 5". */
  streetFormat: 'number-first' | 'number-last'
  emailDomains: readonly string[]
}

export const localeKeys = [${LOCALES.map(q).join(', ')}] as const
export type LocaleKey = (typeof localeKeys)[number]
`)

parts.push('export const locales: Readonly<Record<string, LocaleNames>> = {')
for (const key of LOCALES) {
  const e = build(key)
  const ind = '    '
  parts.push(`  ${key}: {`)
  parts.push(`${ind}firstMale: ${list(e.firstMale, ind)},`)
  parts.push(`${ind}firstFemale: ${list(e.firstFemale, ind)},`)
  parts.push(`${ind}last: ${list(e.last, ind)},`)
  if (e.lastFemale) parts.push(`${ind}lastFemale: ${list(e.lastFemale, ind)},`)
  parts.push(`${ind}streets: ${list(e.streets, ind)},`)
  parts.push(`${ind}streetSuffixes: ${list(e.streetSuffixes, ind)},`)
  parts.push(`${ind}streetFormat: ${q(e.streetFormat)},`)
  parts.push(`${ind}emailDomains: ${list(e.emailDomains, ind)},`)
  parts.push('  },')
}
parts.push('}\n')

writeFileSync(out, parts.join('\n'))
console.log(`wrote ${out}`)
