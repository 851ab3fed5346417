import { useCallback, useEffect, useState, type RefObject } from 'react'

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement && /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName)

/**
 * Presentation mode for one element: the page's own full-window overlay (always works), plus the browser's full
 * screen where it is allowed. Escape leaves; ← / → (and a clicker's Page Up / Page Down) step through the rings.
 */
export function usePresentation(target: RefObject<HTMLElement | null>, step: (by: 1 | -1) => void) {
  const [presenting, setPresenting] = useState(false)

  const enter = useCallback(() => {
    setPresenting(true)
    // Full screen is refused without a user gesture or inside some frames; the overlay alone still fills the window.
    target.current?.requestFullscreen?.().catch(() => undefined)
  }, [target])

  const leave = useCallback(() => {
    setPresenting(false)
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined)
  }, [])

  useEffect(() => {
    if (!presenting) return
    const onKey = (event: KeyboardEvent) => {
      if (typing(event.target) || event.altKey || event.ctrlKey || event.metaKey) return
      if (event.key === 'Escape') leave()
      else if (event.key === 'ArrowRight' || event.key === 'PageDown') step(1)
      else if (event.key === 'ArrowLeft' || event.key === 'PageUp') step(-1)
      else return
      event.preventDefault()
    }
    // The browser eats Escape while in full screen and only reports that full screen ended.
    const onFullscreen = () => {
      if (!document.fullscreenElement) setPresenting(false)
    }
    window.addEventListener('keydown', onKey)
    document.addEventListener('fullscreenchange', onFullscreen)
    return () => {
      window.removeEventListener('keydown', onKey)
      document.removeEventListener('fullscreenchange', onFullscreen)
    }
  }, [presenting, leave, step])

  return { presenting, enter, leave }
}
