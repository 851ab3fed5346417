import { useEffect, useMemo, useState } from 'react'
import { formatCount } from '../format.ts'
import { useActivity } from '../queries/use-activity.ts'
import { ActivityHistogram } from './ActivityHistogram.tsx'
import { formatUtcMinute, type TimelineEvent } from './timeline-events.ts'

interface Props {
  readonly runKey: string
  readonly events: readonly TimelineEvent[]
  readonly colour: string
  /** Index of the event shown as current, or null when the whole ring is shown. */
  readonly at: number | null
  readonly onAt: (at: number | null) => void
  readonly focused: boolean
}

const SPEEDS = [
  { label: '1×', ms: 700 },
  { label: '2×', ms: 350 },
  { label: '4×', ms: 160 },
]

/**
 * A time bar under the graph: plays the focused ring's events in order (each step lights up one edge and fades the
 * ones still to come), with a scrubber for stepping by hand, over a histogram of the whole run's activity.
 */
export function Timeline({ runKey, events, colour, at, onAt, focused }: Props) {
  const [playing, setPlaying] = useState(false)
  const [speed, setSpeed] = useState(SPEEDS[0].ms)
  const activity = useActivity(runKey)
  const last = events.length - 1

  useEffect(() => {
    if (!playing) return
    const timer = window.setTimeout(() => {
      const next = at === null ? 0 : at + 1
      onAt(Math.min(next, last))
      if (next >= last) setPlaying(false)
    }, speed)
    return () => clearTimeout(timer)
  }, [playing, at, last, speed, onAt])

  const current = at === null ? null : events[at]
  const start = events[0]?.time ?? 0
  const span = Math.max(1, (events[last]?.time ?? start) - start)
  // Stable while the playhead moves, so a step of the timeline does not redraw the histogram.
  const band = useMemo(
    () => (focused && events.length > 0 ? { start, end: start + span } : null),
    [focused, events.length, start, span],
  )
  const play = () => {
    if (at === null || at >= last) onAt(0)
    setPlaying(true)
  }
  return (
    <section className="timeline" aria-label="Timeline of the focused ring">
      {focused && events.length > 0 ? (
        <>
          <div className="timeline-controls">
            {playing ? (
              <button type="button" className="button button-small" onClick={() => setPlaying(false)}>
                Pause
              </button>
            ) : (
              <button type="button" className="button button-small" onClick={play}>
                {at !== null && at >= last ? 'Replay' : 'Play'}
              </button>
            )}
            <label className="timeline-speed">
              <span className="visually-hidden">Speed</span>
              <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>
                {SPEEDS.map((s) => (
                  <option key={s.ms} value={s.ms}>
                    {s.label}
                  </option>
                ))}
              </select>
            </label>
            <input
              type="range"
              className="timeline-scrubber"
              min={0}
              max={last}
              value={at ?? last}
              aria-label="Event in the ring's timeline"
              aria-valuetext={
                current ? `${at! + 1} of ${events.length}: ${formatUtcMinute(current.time)}` : 'All events'
              }
              onChange={(e) => {
                setPlaying(false)
                onAt(Number(e.target.value))
              }}
            />
            <button
              type="button"
              className="button button-small"
              onClick={() => {
                setPlaying(false)
                onAt(null)
              }}
              disabled={at === null}
            >
              Show all
            </button>
          </div>
          <p
            className="timeline-readout"
            data-testid="timeline-readout"
            data-at={at ?? ''}
            data-time={current?.time ?? ''}
          >
            {current ? (
              <>
                <strong>
                  {at! + 1} of {formatCount(events.length)}
                </strong>{' '}
                · {formatUtcMinute(current.time)} · {current.label}
                {current.role ? ` · ${current.role.replace(/_/g, ' ')}` : ''}
              </>
            ) : (
              `${formatCount(events.length)} events from ${formatUtcMinute(start)} to ${formatUtcMinute(start + span)}. Press Play to watch them in order.`
            )}
          </p>
          <svg className="timeline-strip" viewBox="0 0 1000 18" preserveAspectRatio="none" aria-hidden="true">
            {events.map((e, i) => (
              <rect
                key={e.edgeId}
                x={((e.time - start) / span) * 994}
                y={i === at ? 0 : 4}
                width={i === at ? 6 : 3}
                height={i === at ? 18 : 10}
                fill={at !== null && i > at ? '#c4c9d1' : i === at ? '#111827' : colour}
                data-time={e.time}
              />
            ))}
          </svg>
        </>
      ) : (
        <p className="timeline-readout">
          {focused
            ? 'This instance has no dated events on the graph.'
            : 'Focus a ring (pick an instance, or a tile in the gallery below) to play its events in order.'}
        </p>
      )}
      {activity.data && <ActivityHistogram activity={activity.data} colour={colour} band={band} />}
    </section>
  )
}
