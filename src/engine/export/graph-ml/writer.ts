import type { ResolvedConfig } from '../../config/schema.ts'
import { currencyByCode } from '../../reference/currencies.ts'
import { ACCOUNT_TYPES } from '../../model/tables/accounts.ts'
import { CHANNELS, TRANSACTION_KINDS } from '../../model/tables/transactions.ts'
import { createClock, weekday } from '../../model/time.ts'
import type { FileInfo } from '../output.ts'
import type { ByteSink } from '../byte-sink.ts'
import { FileWriter, type HasherFactory } from '../file-writer.ts'
import type { DatasetWriter } from '../formats.ts'
import { suspiciousEntities, type GroundTruth } from '../ground-truth.ts'

type Row = Record<string, unknown>

export const NODES_FILE = 'graph_nodes.csv'
export const EDGES_FILE = 'graph_edges.csv'
export const SCHEMA_FILE = 'graph_schema.json'

/** Fractions of the simulated window: edges before 60 % train, before 80 % validate, the rest test. */
export const SPLIT = { train: 0.6, val: 0.8 } as const

/** Numeric columns a model may use (the ids, labels and masks are the other columns). */
export const NODE_FEATURES = [
  'is_external',
  'owner_is_company',
  'account_type_code',
  'opening_balance_usd',
  'has_credit_limit',
  'account_age_days',
  'overdraft_limit_usd',
] as const
export const EDGE_FEATURES = [
  'amount_usd',
  'log_amount_usd',
  'kind_code',
  'channel_code',
  'cross_border',
  'cross_currency',
  'hour',
  'weekday',
  'days_since_start',
] as const

const NODE_HEADER = ['node_id', 'entity_id', ...NODE_FEATURES, 'is_suspicious'].join(',')
const EDGE_HEADER = [
  'edge_id',
  'src',
  'dst',
  'transaction_id',
  'timestamp',
  ...EDGE_FEATURES,
  'is_laundering',
  'split',
  'train_mask',
  'val_mask',
  'test_mask',
].join(',')

const usd = (minor: number, currency: string) => {
  const c = currencyByCode[currency]
  return minor / 10 ** (c?.minorDigits ?? 2) / (c?.perUsd ?? 1)
}
/** Fixed-point text, so the same amount gives the same bytes everywhere. */
const num = (v: number, digits: number) => v.toFixed(digits)

/**
 * The transaction graph for graph ML (PyTorch Geometric, DGL): accounts (plus pseudo-nodes for cash and card
 * merchants) as nodes with integer ids 0…n−1, transactions as edges with numeric features, the ground-truth
 * labels, and train/validation/test masks cut by time (see SPLIT), so a model is tested on a later period than
 * it was trained on. `graph_schema.json` documents every column and the codes.
 */
export function graphMlWriter(
  sink: ByteSink,
  hasher: HasherFactory,
  truth: GroundTruth,
  config: ResolvedConfig,
): DatasetWriter {
  const clock = createClock(config.startDate, config.durationDays)
  const trainEnd = clock.start + Math.round((clock.end - clock.start) * SPLIT.train)
  const valEnd = clock.start + Math.round((clock.end - clock.start) * SPLIT.val)
  const suspicious = suspiciousEntities(truth)
  const nodeIds = new Map<string, number>()
  const nodeLines: string[] = []
  const owners = new Map<string, string>()
  let edges: FileWriter | null = null
  let edgeCount = 0
  const counts = { train: 0, val: 0, test: 0, laundering: 0 }
  const files: FileInfo[] = []

  const node = (entity: string, features: readonly (number | string)[]): number => {
    const known = nodeIds.get(entity)
    if (known !== undefined) return known
    const id = nodeIds.size
    nodeIds.set(entity, id)
    nodeLines.push(`${id},${entity},${features.join(',')},${suspicious.has(entity) ? 1 : 0}`)
    return id
  }
  const external = (row: Row): number => {
    const kind = row.kind as string
    const entity =
      kind === 'cash_deposit' || kind === 'cash_withdrawal'
        ? 'CASH'
        : row.merchantCategory != null
          ? `MERCHANT-${row.merchantCategory as string}`
          : 'EXTERNAL'
    return node(entity, [1, 0, -1, 0, 0, 0, 0])
  }

  const onAccount = (row: Row) => {
    owners.set(row.id as string, row.ownerId as string)
    const opened = row.openedAt as number
    node(row.id as string, [
      0,
      row.ownerType === 'company' ? 1 : 0,
      ACCOUNT_TYPES.indexOf(row.accountType as (typeof ACCOUNT_TYPES)[number]),
      num(usd(row.openingBalance as number, row.currency as string), 2),
      row.creditLimit == null ? 0 : 1,
      Math.max(0, clock.startDay - opened),
      row.overdraftLimit == null ? 0 : num(usd(row.overdraftLimit as number, row.currency as string), 2),
    ])
  }
  const onTransaction = (row: Row): Promise<void> | void => {
    const from = row.fromAccountId as string | null
    const to = row.toAccountId as string | null
    const src = from === null ? external(row) : (nodeIds.get(from) as number)
    const dst = to === null ? external(row) : (nodeIds.get(to) as number)
    const t = row.timestamp as number
    const amount = usd(row.amount as number, row.currency as string)
    const split = t < trainEnd ? 'train' : t < valEnd ? 'val' : 'test'
    counts[split]++
    const laundering = row.isSuspicious === true ? 1 : 0
    counts.laundering += laundering
    const day = Math.floor(t / 86_400)
    const line = [
      edgeCount++,
      src,
      dst,
      row.id,
      t,
      num(amount, 2),
      num(Math.log1p(amount), 6),
      TRANSACTION_KINDS.indexOf(row.kind as (typeof TRANSACTION_KINDS)[number]),
      CHANNELS.indexOf(row.channel as (typeof CHANNELS)[number]),
      row.originCountry === row.destinationCountry ? 0 : 1,
      row.toCurrency == null ? 0 : 1,
      Math.floor((t - day * 86_400) / 3600),
      weekday(day),
      day - clock.startDay,
      laundering,
      split,
      split === 'train' ? 1 : 0,
      split === 'val' ? 1 : 0,
      split === 'test' ? 1 : 0,
    ].join(',')
    const out = edges as FileWriter
    out.ascii(line)
    out.byte(10)
    return out.drain()
  }

  const schema = () => ({
    description:
      'Transaction graph for graph ML: nodes are accounts (and pseudo-nodes for cash and card merchants), edges are transactions in time order. Ids are row numbers (0-based).',
    nodes: {
      file: NODES_FILE,
      count: nodeIds.size,
      features: NODE_FEATURES,
      label:
        'is_suspicious (the account is a target member of a suspicious pattern instance; its unwitting parties, such as victims, and look-alike members are 0)',
      columns: {
        node_id: 'row number, 0…n−1; the value src/dst refer to',
        entity_id: 'account id (accounts table), or CASH / MERCHANT-<mcc> / EXTERNAL for the outside world',
        is_external: '1 for the pseudo-nodes',
        owner_is_company: '1 when a company holds the account',
        account_type_code: 'index into codes.account_type; −1 for pseudo-nodes',
        opening_balance_usd: 'opening balance converted at the fixed rate table',
        has_credit_limit: '1 for credit-card and loan accounts',
        account_age_days: 'days the account had been open when the window started',
        overdraft_limit_usd: 'arranged overdraft or business facility converted at the fixed rate table; 0 for none',
      },
    },
    edges: {
      file: EDGES_FILE,
      count: edgeCount,
      features: EDGE_FEATURES,
      label:
        "is_laundering (the transaction is_suspicious: a suspicious instance's own row, not camouflage or a look-alike)",
      columns: {
        edge_id: 'row number, 0…m−1, in time order',
        src: 'node_id of the paying side',
        dst: 'node_id of the receiving side',
        transaction_id: 'id in the transactions table',
        timestamp: 'UTC seconds since 1970',
        amount_usd: 'amount converted at the fixed rate table',
        log_amount_usd: 'ln(1 + amount_usd)',
        kind_code: 'index into codes.kind',
        channel_code: 'index into codes.channel',
        cross_border: '1 when origin and destination countries differ',
        cross_currency: '1 when the receiving account is in another currency',
        hour: 'hour of day, UTC',
        weekday: '0 = Monday … 6 = Sunday',
        days_since_start: 'days since the start of the simulated window',
        split: 'train, val or test, by time (see splits)',
      },
    },
    splits: {
      rule: 'by timestamp: train before train_end, val before val_end, test after',
      train_end: trainEnd,
      val_end: valEnd,
      counts: { train: counts.train, val: counts.val, test: counts.test },
    },
    laundering_edges: counts.laundering,
    codes: { kind: TRANSACTION_KINDS, channel: CHANNELS, account_type: ACCOUNT_TYPES },
  })

  return {
    async beginTable(table) {
      if (table.name === 'accounts') return onAccount
      if (table.name === 'transactions') {
        edges = await FileWriter.open(sink, EDGES_FILE, hasher)
        edges.put(EDGE_HEADER + '\n')
        return onTransaction
      }
      return () => undefined
    },
    async endTable() {
      if (edges) {
        files.push({ ...(await edges.close()), rows: edgeCount })
        edges = null
      }
    },
    async finish() {
      const nodes = await FileWriter.open(sink, NODES_FILE, hasher)
      nodes.put(NODE_HEADER + '\n')
      for (const line of nodeLines) {
        nodes.put(line + '\n')
        await nodes.drain()
      }
      files.push({ ...(await nodes.close()), rows: nodeIds.size })
      const s = await FileWriter.open(sink, SCHEMA_FILE, hasher)
      s.put(JSON.stringify(schema(), null, 2) + '\n')
      files.push({ ...(await s.close()), rows: null })
      return files
    },
  }
}
