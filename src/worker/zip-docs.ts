import type { Catalog, ValidConfig } from '../engine/index.ts'

const enc = new TextEncoder()

/** RFC 4180 cell; text a spreadsheet would run as a formula starts with a quote mark, as in the data files. */
function cell(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value
  return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** One row per column of every table: what a person opening the zip in a spreadsheet reads first. */
export function dictionaryCsv(catalog: Catalog): Uint8Array {
  const lines = ['table,column,type,unit,nullable,references,values,description']
  for (const t of catalog.tables)
    for (const c of t.columns)
      lines.push(
        [
          t.name,
          c.name,
          c.type,
          c.unit ?? '',
          c.nullable ? 'yes' : 'no',
          (c.references ?? []).join(';'),
          (c.values ?? []).join(';'),
          c.description,
        ]
          .map(cell)
          .join(','),
      )
  return enc.encode(`${lines.join('\n')}\n`)
}

/** What is in the zip and how to read it, in words; the exact hashes and counts stay in manifest.json. */
export function readme(catalog: Catalog, config: ValidConfig, rows: Readonly<Record<string, number>>): Uint8Array {
  const tables = catalog.tables.map((t) => {
    const n = rows[t.name]
    return `- \`${t.name}.csv\`${n === undefined ? '' : ` (${n} rows)`}: ${t.description}`
  })
  const text = [
    '# Fincrime Synth dataset',
    '',
    `Synthetic financial-crime data with labelled ground truth, seed \`${String(config.seed)}\`, ` +
      `${config.durationDays} days from ${config.startDate}. Nothing in it is a real person's data.`,
    '',
    '## Files',
    '',
    ...tables,
    '- `manifest.json`: the config with defaults filled in, row counts and a SHA-256 of every data file.',
    '- `realism.json`: how lifelike the background is (repeat and recurring payments, counterparty degrees, night and weekend shares in local time, Benford MAD, balances, salaries), each figure with its definition.',
    '- `dictionary.csv`: every column of every table with its type, unit and meaning.',
    '',
    '## Ground truth',
    '',
    'Every event row carries `pattern_id` and `pattern_role`, empty for background activity. `patterns.csv` has',
    'one row per injected instance with a narrative; `pattern_members.csv` lists the entities in each, with roles.',
    '',
    'The same config and seed give the same bytes in the browser and from the command line (`manifest.json`',
    'holds the config). This README and `dictionary.csv` are added to the zip for reading and are not in the',
    "manifest's hashes.",
    '',
  ].join('\n')
  return enc.encode(text)
}
