import { useEffect, useState } from 'react'

/**
 * The value, one painted frame late. Content below the fold renders after the graph card has been laid out and
 * painted, so the browser's layout work for a new run is split over two frames instead of one long one.
 */
export function useAfterPaint<T>(value: T): T | null {
  const [late, setLate] = useState<T | null>(null)
  useEffect(() => {
    let timer = 0
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => setLate(() => value), 0)
    })
    return () => {
      cancelAnimationFrame(frame)
      clearTimeout(timer)
    }
  }, [value])
  return late
}
