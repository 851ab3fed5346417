import { countryByCode } from '../../reference/countries.ts'
import { financeSentences, messageSentences, messageSubjects } from '../../reference/texts.ts'
import type { Communication } from '../../model/tables/communications.ts'
import type { Person } from '../../model/tables/persons.ts'
import type { Rng } from '../../random/rng.ts'
import { weighted } from '../../random/sampling.ts'

export type CommunicationChannel = Communication['channel']
const CHANNELS = weighted<CommunicationChannel>(['email', 'sms', 'chat', 'call', 'video'], [38, 20, 22, 15, 5])

const LANGUAGE_OF_LOCALE: Record<string, string> = {
  en_US: 'en',
  en_GB: 'en',
  en_IN: 'en',
  de: 'de',
  fr: 'fr',
  es: 'es',
  it: 'it',
  nl: 'nl',
  ja: 'ja',
  zh_CN: 'zh',
  pt_BR: 'pt',
  ru: 'ru',
  ko: 'ko',
  ar: 'ar',
  sv: 'sv',
  pl: 'pl',
  tr: 'tr',
}

export interface CommunicationSpec {
  readonly timestamp: number
  readonly sender: Person
  readonly recipient: Person
  readonly channel?: CommunicationChannel
  /** Share of sentences drawn from the money-and-markets pool; background uses a little, patterns more. */
  readonly financeShare: number
  /** Sentences the caller insists on (pattern-specific), mixed into the drawn ones. */
  readonly sentences?: readonly string[]
  readonly patternId?: Communication['patternId']
  readonly patternRole?: string | null
}

/** One message or call. Background and pattern messages are built here from the same pools, so style cannot give the label away. */
export function buildCommunication(rng: Rng, id: Communication['id'], s: CommunicationSpec): Communication {
  const channel = s.channel ?? CHANNELS.sample(rng)
  const count = channel === 'email' ? rng.int(2, 4) : channel === 'call' || channel === 'video' ? 1 : rng.int(1, 2)
  const sentences: string[] = []
  for (let k = 0; k < count; k++)
    sentences.push(rng.chance(s.financeShare) ? rng.pick(financeSentences) : rng.pick(messageSentences))
  for (const extra of s.sentences ?? []) sentences.splice(rng.int(0, sentences.length), 0, extra)
  const spoken = channel === 'call' || channel === 'video'
  const language = LANGUAGE_OF_LOCALE[countryByCode[s.sender.residenceCountry].locale] ?? 'en'
  return {
    id,
    timestamp: s.timestamp,
    channel,
    senderId: s.sender.id,
    recipientId: s.recipient.id,
    subject: channel === 'email' ? rng.pick(messageSubjects) : null,
    body: spoken ? `Call summary: ${sentences.join(' ')}` : sentences.join(' '),
    language: rng.chance(0.8) ? language : 'en',
    durationSeconds: spoken ? Math.round(30 + rng.next() * rng.next() * (channel === 'video' ? 3600 : 1500)) : null,
    isEncrypted: (channel === 'chat' || channel === 'sms') && rng.chance(0.35),
    patternId: s.patternId ?? null,
    patternRole: s.patternRole ?? null,
    isSuspicious: false,
  }
}
