import { currencyByCode, type Currency } from '../../reference/currencies.ts'
import { transactionDescriptions } from '../../reference/texts.ts'
import { EngineError } from '../../errors.ts'
import { ByteCells, CodeCells } from '../../export/byte-cells.ts'
import { asciiAt, minorAt, stampAt, textAt } from '../../export/csv-bytes.ts'
import { neutraliseFormula, quoteCsv, type TextOut } from '../../export/cells.ts'
import type { IdCodec } from '../../model/ids.ts'
import { convertMinorBy, fxRate } from '../../model/money.ts'
import { CHANNELS, TRANSACTION_KINDS, transactions, type Channel } from '../../model/tables/transactions.ts'
import type { World } from '../../model/world.ts'
import type { Rng } from '../../random/rng.ts'
import { CHANNELS_BY_KIND, describeTransaction, type RowSpec } from './transaction-row.ts'

/** The columns this encoder writes, in order: it is checked against the table once, so the two cannot drift. */
const COLUMNS = [
  'id',
  'timestamp',
  'kind',
  'channel',
  'fromAccountId',
  'toAccountId',
  'amount',
  'currency',
  'toAmount',
  'toCurrency',
  'fxRate',
  'merchantName',
  'merchantCategory',
  'city',
  'conductorId',
  'originCountry',
  'destinationCountry',
  'description',
  'documentId',
  'patternId',
  'patternRole',
  'isSuspicious',
  'fromBalanceAfter',
  'toBalanceAfter',
] as const

const FALSE = ascii('false')

/** A description template as bytes around its `{ref}`, when the filled text never needs quoting or defusing. */
interface Template {
  readonly text: string
  readonly ref: boolean
  /** The text before and after `{ref}` (the whole text and '' when it has none). */
  readonly before: string
  readonly after: string
  /** UTF-8 before and after `{ref}` (the whole text when it has none); null when the cell must take the long way. */
  readonly head: Uint8Array | null
  readonly tail: Uint8Array
}

function ascii(s: string): Uint8Array {
  return Uint8Array.from(s, (c) => c.charCodeAt(0))
}

function utf8(s: string): Uint8Array | null {
  const b = new Uint8Array(3 * s.length + 2)
  const end = textAt(b, 0, s)
  return end < 0 ? null : b.slice(0, end)
}

function template(text: string): Template {
  const at = text.indexOf('{ref}')
  const head = at < 0 ? text : text.slice(0, at)
  const tail = at < 0 ? '' : text.slice(at + 5)
  // Filled in, the text must need no quotes and start harmlessly, so its bytes are its parts' bytes.
  const plain =
    !/[",\r\n]/.test(text) && (head.length > 0 ? textAt(new Uint8Array(3 * text.length), 0, head) >= 0 : true)
  const h = plain ? utf8(head) : null
  const t = plain ? utf8(tail) : null
  return { text, ref: at >= 0, before: head, after: tail, head: t === null ? null : h, tail: t ?? new Uint8Array(0) }
}

/** A free-text cell as csvRowWriter writes it; returns the end (`out.buf` may be another array after the long way). */
function textCell(out: TextOut, b: Uint8Array, p: number, v: string): number {
  const q = textAt(b, p, v)
  if (q >= 0) return q
  out.pos = p
  out.put(quoteCsv(neutraliseFormula(v)))
  return out.pos
}

function copy(b: Uint8Array, p: number, bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) b[p++] = bytes[i]
  return p
}

/**
 * Background transaction rows as CSV, straight from their specs: the bytes csvRowWriter writes for the row
 * backgroundTransaction builds from the same spec, with the same text draws in the same order (the channel, then the
 * description), but no row object and no string per cell. The balance cells are the ledger's, booked here, or empty.
 */
export class TransactionCsv {
  private readonly digits: Uint8Array
  private readonly kinds = TRANSACTION_KINDS.map(ascii)
  private readonly kindCode = new Map<string, number>(TRANSACTION_KINDS.map((k, i) => [k, i]))
  private readonly channels = new Map<Channel, Uint8Array>(CHANNELS.map((c) => [c, ascii(c)]))
  /** By kind code: the channels a row of that kind draws from, and their cells (no lookup by name per row). */
  private readonly kindChannels = TRANSACTION_KINDS.map((k) => CHANNELS_BY_KIND[k])
  private readonly kindChannelCells = TRANSACTION_KINDS.map((k) => CHANNELS_BY_KIND[k].map(ascii))
  private readonly templates = TRANSACTION_KINDS.map((k) => (transactionDescriptions[k] ?? []).map(template))
  /** Each account's id, currency and country cells, read by world index (the rows never touch an account object). */
  private readonly accountIds: ByteCells
  private readonly currencies: CodeCells
  private readonly countries: CodeCells
  /** fx_rate text by currency pair (a rate depends on the two currencies alone), by their code numbers. */
  private readonly rates: (Uint8Array | undefined)[]
  /** Each account's currency, for fx rows' conversions (convertMinor's arithmetic without its lookups and object). */
  private readonly currencyOf: readonly Currency[]

  // The row last written, as its view (transaction-view.ts) reads it: what was drawn and booked for it.
  spec: RowSpec | null = null
  index = 0
  channel: Channel = 'online'
  /** The description as text, or null when it was written from a template and `ref` (the view builds it then). */
  description: string | null = null
  template: Template | null = null
  ref = -1
  refDigits = 0
  credit = 0
  rate = 0
  fx = false
  fromAfter: number | null = null
  toAfter: number | null = null

  constructor(
    readonly world: World,
    private readonly ids: IdCodec,
  ) {
    const keys = transactions.columns.map((c) => c.key)
    if (keys.join() !== COLUMNS.join())
      throw new EngineError(`the transaction CSV encoder writes ${COLUMNS.join()}, the table has ${keys.join()}`)
    this.digits = Uint8Array.from(world.accounts, (a) => currencyByCode[a.currency]?.minorDigits ?? 2)
    this.accountIds = ByteCells.ascii(world.accounts.map((a) => a.id))
    this.currencies = CodeCells.of(world.accounts.map((a) => a.currency))
    this.countries = CodeCells.of(world.accounts.map((a) => a.country))
    this.rates = new Array<Uint8Array | undefined>(this.currencies.size ** 2)
    this.currencyOf = world.accounts.map((a) => currencyByCode[a.currency])
  }

  /**
   * Row `index` from its spec `s`, `rng` just after the spec's draws. `balance`: the running balances (book indices,
   * which are world indices for background accounts), booked by this row; null writes the balance cells empty.
   */
  write(out: TextOut, rng: Rng, index: number, s: RowSpec, balance: Float64Array | null): void {
    const accounts = this.world.accounts
    const from = s.fromIndex
    const to = s.toIndex
    const payerIndex = from >= 0 ? from : to
    if (payerIndex < 0) throw new Error('a transaction needs at least one account')
    const currencies = this.currencies
    const currency = currencies.code
    const fx = from >= 0 && to >= 0 && currency[to] !== currency[from]
    const kind = this.kindCode.get(s.kind) ?? 0
    // The text draws, as backgroundTransaction takes them.
    // A drawn channel is rng.pick's draw over the kind's list, its cell read by the same index.
    let channel = s.channel
    let channelCell: Uint8Array | undefined
    if (channel === null) {
      const j = Math.floor(rng.next() * this.kindChannels[kind].length)
      channel = this.kindChannels[kind][j]
      channelCell = this.kindChannelCells[kind][j]
    } else channelCell = this.channels.get(channel)
    let description = s.description
    let ref = -1
    let refDigits = 0
    let tpl: Template | null = null
    if (description === null) {
      const picked = rng.pick(this.templates[kind])
      if (picked.head === null) description = describeTransaction(rng, s.kind, picked.text)
      else {
        tpl = picked
        if (picked.ref) {
          refDigits = rng.int(4, 8)
          ref = 0
          for (let i = 0; i < refDigits; i++) ref = ref * 10 + Math.floor(rng.next() * 10)
        }
      }
    }
    let fromAfter: number | null = null
    let toAfter: number | null = null
    const room =
      400 +
      6 *
        ((s.merchantName?.length ?? 0) +
          (s.merchantCategory?.length ?? 0) +
          (s.city?.length ?? 0) +
          (s.destinationCountry?.length ?? 0) +
          (description?.length ?? (tpl ? (tpl.head?.length ?? 0) + tpl.tail.length + 8 : 0)) +
          (s.conductorId?.length ?? 0) +
          (s.documentId?.length ?? 0))
    if (out.pos + room > out.buf.length) out.spill(room)
    let b = out.buf
    let p = out.pos
    p = this.ids.idAt(b, p, 0, index)
    b[p++] = 44
    p = stampAt(b, p, s.timestamp)
    b[p++] = 44
    p = copy(b, p, this.kinds[kind])
    b[p++] = 44
    p = copy(b, p, channelCell ?? ascii(channel))
    b[p++] = 44
    if (from >= 0) p = this.accountIds.at(b, p, from)
    b[p++] = 44
    if (to >= 0) p = this.accountIds.at(b, p, to)
    b[p++] = 44
    const digits = this.digits[payerIndex]
    p = minorAt(b, p, s.amount, digits)
    b[p++] = 44
    if (currencies.plain) p = currencies.at(b, p, payerIndex)
    else p = textCell(out, b, p, accounts[payerIndex].currency)
    b = out.buf
    b[p++] = 44
    let credit = s.amount
    let rate = 0
    if (fx) {
      credit = convertMinorBy(s.amount, this.currencyOf[from], this.currencyOf[to])
      rate = fxRate(this.currencyOf[from], this.currencyOf[to])
      p = minorAt(b, p, credit, this.digits[to])
      b[p++] = 44
      if (currencies.plain) p = currencies.at(b, p, to)
      else p = textCell(out, b, p, accounts[to].currency)
      b = out.buf
      b[p++] = 44
      p = copy(b, p, this.rateText(currency[from], currency[to], rate))
      b[p++] = 44
    } else {
      b[p++] = 44
      b[p++] = 44
      b[p++] = 44
    }
    if (s.merchantName !== null) p = textCell(out, b, p, s.merchantName)
    b = out.buf
    b[p++] = 44
    if (s.merchantCategory !== null) p = textCell(out, b, p, s.merchantCategory)
    b = out.buf
    b[p++] = 44
    if (s.city !== null) p = textCell(out, b, p, s.city)
    b = out.buf
    b[p++] = 44
    if (s.conductorId !== null) p = asciiAt(b, p, s.conductorId)
    b[p++] = 44
    const countries = this.countries
    if (countries.plain) p = countries.at(b, p, payerIndex)
    else p = textCell(out, b, p, accounts[payerIndex].country)
    b = out.buf
    b[p++] = 44
    const destination = to >= 0 ? to : payerIndex
    if (s.destinationCountry === null && countries.plain) p = countries.at(b, p, destination)
    else p = textCell(out, b, p, s.destinationCountry ?? accounts[destination].country)
    b = out.buf
    b[p++] = 44
    if (tpl !== null && tpl.head !== null) {
      p = copy(b, p, tpl.head)
      if (ref >= 0) p = paddedDigits(b, p, ref, refDigits)
      p = copy(b, p, tpl.tail)
    } else if (description !== null) {
      p = textCell(out, b, p, description)
      b = out.buf
    }
    b[p++] = 44
    if (s.documentId !== null) p = asciiAt(b, p, s.documentId)
    // pattern_id and pattern_role are empty, is_suspicious false: a background row belongs to no pattern.
    b[p++] = 44
    b[p++] = 44
    b[p++] = 44
    p = copy(b, p, FALSE)
    b[p++] = 44
    if (balance !== null && from >= 0) p = minorAt(b, p, (fromAfter = balance[from] -= s.amount), digits)
    b[p++] = 44
    if (balance !== null && to >= 0) p = minorAt(b, p, (toAfter = balance[to] += credit), this.digits[to])
    b[p++] = 10
    out.pos = p
    this.spec = s
    this.index = index
    this.channel = channel
    this.description = description
    this.template = tpl
    this.ref = ref
    this.refDigits = refDigits
    this.fx = fx
    this.credit = credit
    this.rate = rate
    this.fromAfter = fromAfter
    this.toAfter = toAfter
  }

  /** The last row's description, as backgroundTransaction gives it. */
  descriptionText(): string {
    if (this.description !== null) return this.description
    const t = this.template as Template
    return t.ref ? t.before + String(this.ref).padStart(this.refDigits, '0') + t.after : t.before
  }

  /** The id of the last row. */
  id(): string {
    return this.ids.id(0, this.index)
  }

  /** The rate's text for currencies a to b (code numbers), made once per pair. */
  private rateText(a: number, b: number, rate: number): Uint8Array {
    const k = a * this.currencies.size + b
    return (this.rates[k] ??= ascii(rate.toFixed(6)))
  }
}

/** `n` decimal digits of v, leading zeros kept (the reference digits drawn one by one). */
function paddedDigits(b: Uint8Array, p: number, v: number, n: number): number {
  for (let i = n - 1; i >= 0; i--) {
    const q = Math.floor(v / 10)
    b[p + i] = 48 + (v - q * 10)
    v = q
  }
  return p + n
}
