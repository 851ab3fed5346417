import { useMemo, useRef } from 'react'
import { useNearViewport } from '../queries/use-near-viewport.ts'
import { parseCsvHead } from './csv-head.ts'

/** The first rows of one table, read back from the CSV bytes the worker wrote. */
export function TablePreview({
  name,
  head,
  total,
}: {
  readonly name: string
  readonly head: Uint8Array | undefined
  readonly total: number
}) {
  const anchor = useRef<HTMLDivElement>(null)
  // Hundreds of table cells are the page's costliest layout; they are built when the table is about to be seen.
  const near = useNearViewport(anchor)
  const parsed = useMemo(() => (head && near ? parseCsvHead(head) : null), [head, near])
  if (!head) return <p className="muted">No preview for {name}.</p>
  if (!parsed) return <div ref={anchor} className="table-preview table-preview-pending" />
  return (
    <div className="table-preview">
      <p className="card-meta">
        {name}.csv · first {parsed.rows.length} of {total.toLocaleString('en-US')} rows
      </p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={`First rows of ${name}`}>
        <table className="data-table" data-testid="preview-table">
          <thead>
            <tr>
              {parsed.columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {parsed.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, c) => (
                  <td key={c} title={cell.length > 32 ? cell : undefined}>
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  )
}
