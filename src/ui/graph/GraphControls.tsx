import type { Core } from 'cytoscape'
import { useState } from 'react'
import { fileStem } from '../../worker/client.ts'
import { saveFile } from '../save-file.ts'
import { slidePng, slideSvg, type SlideText } from './graph-export.ts'
import { fitShown } from './graph-filter.ts'

interface Props {
  readonly cyRef: React.RefObject<Core | null>
  readonly ready: boolean
  readonly presenting: boolean
  readonly onPresent: () => void
  readonly onLeave: () => void
  readonly seed: number | string
  readonly focusId: string | null
  readonly slide: () => SlideText
}

/** Over the canvas: fit, presentation mode, and slide exports (PNG and SVG with title, legend and narrative). */
export function GraphControls({ cyRef, ready, presenting, onPresent, onLeave, seed, focusId, slide }: Props) {
  const [error, setError] = useState<string | null>(null)
  const name = (ext: string) => `${fileStem(seed)}-graph${focusId ? `-${focusId}` : ''}.${ext}`
  const exportAs = async (ext: 'png' | 'svg') => {
    const cy = cyRef.current
    if (!cy) return
    setError(null)
    try {
      const svg = slideSvg(cy, slide())
      if (ext === 'svg') saveFile(new Blob([svg], { type: 'image/svg+xml' }), name('svg'), 'image/svg+xml')
      else saveFile(await slidePng(svg), name('png'), 'image/png')
    } catch (e) {
      setError(`The ${ext.toUpperCase()} export failed: ${e instanceof Error ? e.message : String(e)}`)
    }
  }
  return (
    <div className="graph-controls">
      <button
        type="button"
        className="button button-small"
        onClick={() => cyRef.current && fitShown(cyRef.current)}
        disabled={!ready}
      >
        Fit
      </button>
      {presenting ? (
        <button type="button" className="button button-small" onClick={onLeave}>
          Exit presentation
        </button>
      ) : (
        <button type="button" className="button button-small" onClick={onPresent} disabled={!ready}>
          Present
        </button>
      )}
      <button type="button" className="button button-small" onClick={() => void exportAs('png')} disabled={!ready}>
        Export PNG
      </button>
      <button type="button" className="button button-small" onClick={() => void exportAs('svg')} disabled={!ready}>
        Export SVG
      </button>
      {error && (
        <p className="graph-controls-error" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
