import { memo } from 'react'
import type { Activity } from '../../worker/client.ts'
import { formatCount } from '../format.ts'

const W = 1000
const ROW = 34

interface Props {
  readonly activity: Activity
  readonly colour: string
  /** The focused ring's window, marked as a band. */
  readonly band: { readonly start: number; readonly end: number } | null
}

/**
 * Labelled against background events per day or week over the whole window. Each row has its own scale (labelled
 * rows are a small share of all rows, and on a shared scale they would not show), and each says its peak.
 */
export const ActivityHistogram = memo(function ActivityHistogram({ activity, colour, band }: Props) {
  const bins = activity.background.length
  const binMs = activity.binDays * 86_400_000
  const x = (ms: number) => ((ms - activity.startMs) / (bins * binMs)) * W
  const peak = (v: readonly number[]) => Math.max(1, ...v)
  const rows = [
    { name: 'Background', values: activity.background, fill: '#8a94a3' },
    { name: 'Labelled', values: activity.labelled, fill: colour },
  ]
  const unit = activity.binDays === 1 ? 'day' : 'week'
  return (
    <figure className="histogram">
      <svg viewBox={`0 0 ${W} ${ROW * 2 + 4}`} preserveAspectRatio="none" aria-hidden="true" focusable="false">
        {band && (
          <rect
            x={x(band.start)}
            y={0}
            width={Math.max(3, x(band.end) - x(band.start))}
            height={ROW * 2 + 4}
            fill={colour}
            opacity={0.18}
          />
        )}
        {rows.map((row, r) => {
          const max = peak(row.values)
          return row.values.map((v, i) =>
            v === 0 ? null : (
              <rect
                key={`${r}-${i}`}
                x={(i / bins) * W + 0.5}
                width={Math.max(1, W / bins - 1)}
                y={r * (ROW + 4) + ROW * (1 - v / max)}
                height={(ROW * v) / max}
                fill={row.fill}
              />
            ),
          )
        })}
      </svg>
      <figcaption>
        Events per {unit} over the window: background (grey, peak {formatCount(peak(activity.background))} a {unit})
        above labelled (peak {formatCount(peak(activity.labelled))} a {unit}); each on its own scale.
        {band ? ' The band is the focused ring.' : ''}
      </figcaption>
    </figure>
  )
})
