import { currencyByCode } from '../../reference/currencies.ts'
import { formatMinor } from '../../model/money.ts'
import { civilFromDays } from '../../model/time.ts'
import type { FileInfo } from '../output.ts'
import type { ByteSink } from '../byte-sink.ts'
import { quoteCsv } from '../cells.ts'
import { FileWriter, type HasherFactory } from '../file-writer.ts'
import type { DatasetWriter } from '../formats.ts'
import type { GroundTruth } from '../ground-truth.ts'
import { currencyName, paymentFormat, typologyName } from './vocabulary.ts'

type Row = Record<string, unknown>

/** The files' common prefix, as `HI-Small` is in the Kaggle release. */
export const AMLWORLD_PREFIX = 'fincrime'

/** Exactly the Kaggle header, the duplicate `Account` included (the converter reads the second one by position). */
export const TRANS_HEADER =
  'Timestamp,From Bank,Account,To Bank,Account,Amount Received,Receiving Currency,Amount Paid,Payment Currency,Payment Format,Is Laundering'
export const ACCOUNTS_HEADER = 'Bank Name,Bank ID,Account Number,Entity ID,Entity Name'

const pad2 = (n: number) => (n < 10 ? '0' : '') + n

/** `YYYY/MM/DD HH:MM`: AMLworld's minute resolution (seconds dropped, so time order is kept). */
export function amlTimestamp(seconds: number): string {
  const days = Math.floor(seconds / 86_400)
  const { year, month, day } = civilFromDays(days)
  const rest = seconds - days * 86_400
  return `${year}/${pad2(month)}/${pad2(day)} ${pad2(Math.floor(rest / 3600))}:${pad2(Math.floor((rest % 3600) / 60))}`
}

/** Bank ids zero-padded to six digits in the transaction files, as the Kaggle files pad them. */
const bankCode = (n: number) => String(n).padStart(6, '0')

function amount(minor: number, currency: string): string {
  const digits = currencyByCode[currency]?.minorDigits ?? 2
  const text = formatMinor(minor, digits)
  return digits === 0 ? text + '.00' : text
}

interface Bank {
  readonly id: number
  readonly name: string
}

/**
 * The AMLworld (IBM, Kaggle "IT-AML") layout: `<prefix>_Trans.csv`, `<prefix>_accounts.csv` and
 * `<prefix>_Patterns.txt`. Transactions with one side outside the bank (cash, card merchants) get a pseudo-account
 * at the known side's bank (`CASH`, `MERCHANT-<mcc>`, `EXTERNAL`), listed in the accounts file like the others.
 */
export function amlworldWriter(sink: ByteSink, hasher: HasherFactory, truth: GroundTruth): DatasetWriter {
  const names = new Map<string, string>() // entity id → name
  const banks = new Map<string, Bank>() // BIC → bank
  const accountBank = new Map<string, Bank>()
  const owner = new Map<string, string>()
  const pseudo = new Map<string, { bank: Bank; account: string; name: string }>()
  const blocks = new Map<string, string[]>() // pattern id → its Trans lines
  let trans: FileWriter | null = null
  let rows = 0
  const files: FileInfo[] = []

  const bankOf = (row: Row): Bank => {
    const bic = row.bic as string
    let b = banks.get(bic)
    if (!b) banks.set(bic, (b = { id: banks.size + 1, name: row.bankName as string }))
    return b
  }
  const outside = (row: Row, at: Bank): string => {
    const kind = row.kind as string
    const account =
      kind === 'cash_deposit' || kind === 'cash_withdrawal'
        ? 'CASH'
        : row.merchantCategory != null
          ? `MERCHANT-${row.merchantCategory as string}`
          : 'EXTERNAL'
    const key = `${at.id}/${account}`
    if (!pseudo.has(key)) {
      const name =
        account === 'CASH' ? 'Cash' : account === 'EXTERNAL' ? 'Outside the bank' : `Merchants ${account.slice(9)}`
      pseudo.set(key, { bank: at, account, name })
    }
    return account
  }

  const onTransaction = (row: Row): Promise<void> | void => {
    const from = row.fromAccountId as string | null
    const to = row.toAccountId as string | null
    const fromBank = from ? (accountBank.get(from) as Bank) : (accountBank.get(to as string) as Bank)
    const toBank = to ? (accountBank.get(to) as Bank) : fromBank
    const fromAccount = from ?? outside(row, fromBank)
    const toAccount = to ?? outside(row, toBank)
    const paid = row.amount as number
    const paidCurrency = row.currency as string
    const receivedCurrency = (row.toCurrency as string | null) ?? paidCurrency
    const received = (row.toAmount as number | null) ?? paid
    const sameOwner = from !== null && to !== null && owner.get(from) === owner.get(to)
    // The target is the row's own label: a benign look-alike's rows have a pattern_id and are not laundering.
    const isLaundering = row.isSuspicious === true
    const line =
      `${amlTimestamp(row.timestamp as number)},${bankCode(fromBank.id)},${fromAccount},${bankCode(toBank.id)},${toAccount},` +
      `${amount(received, receivedCurrency)},${currencyName(receivedCurrency)},${amount(paid, paidCurrency)},` +
      `${currencyName(paidCurrency)},${paymentFormat(row.kind as string, row.channel as string, sameOwner)},${isLaundering ? 1 : 0}`
    if (isLaundering) {
      blocks.get(row.patternId as string)?.push(line)
    }
    rows++
    ;(trans as FileWriter).put(line + '\n')
    return (trans as FileWriter).drain()
  }

  const writeAccounts = async () => {
    const file = await FileWriter.open(sink, `${AMLWORLD_PREFIX}_accounts.csv`, hasher)
    file.put(ACCOUNTS_HEADER + '\n')
    let n = 0
    for (const [account, bank] of accountBank) {
      const entity = owner.get(account) as string
      file.put(`${quoteCsv(bank.name)},${bank.id},${account},${entity},${quoteCsv(names.get(entity) ?? '')}\n`)
      n++
      await file.drain()
    }
    for (const p of pseudo.values()) {
      file.put(`${quoteCsv(p.bank.name)},${p.bank.id},${p.account},${p.account},${p.name}\n`)
      n++
    }
    files.push({ ...(await file.close()), rows: n })
  }

  const writePatterns = async () => {
    const file = await FileWriter.open(sink, `${AMLWORLD_PREFIX}_Patterns.txt`, hasher)
    let n = 0
    for (const p of truth.patterns) {
      const lines = blocks.get(p.id) ?? []
      if (lines.length === 0) continue
      const name = typologyName(p.kind, p.subtype)
      file.put(
        `BEGIN LAUNDERING ATTEMPT - ${name}:  ${p.subtype} (${p.id})\n${lines.join('\n')}\nEND LAUNDERING ATTEMPT - ${name}\n\n`,
      )
      n += lines.length
      await file.drain()
    }
    files.push({ ...(await file.close()), rows: n })
  }

  const handlers: Record<string, (row: Row) => Promise<void> | void> = {
    persons: (row) => void names.set(row.id as string, row.fullName as string),
    companies: (row) => void names.set(row.id as string, row.legalName as string),
    accounts: (row) => {
      accountBank.set(row.id as string, bankOf(row))
      owner.set(row.id as string, row.ownerId as string)
    },
    transactions: onTransaction,
  }

  return {
    async beginTable(table) {
      if (table.name === 'transactions') {
        for (const p of truth.patterns) blocks.set(p.id, [])
        trans = await FileWriter.open(sink, `${AMLWORLD_PREFIX}_Trans.csv`, hasher)
        trans.put(TRANS_HEADER + '\n')
      }
      const handle = handlers[table.name]
      return (row) => handle?.(row)
    },
    async endTable() {
      if (trans) {
        files.push({ ...(await trans.close()), rows })
        trans = null
      }
    },
    async finish() {
      await writeAccounts()
      await writePatterns()
      return files
    },
  }
}
