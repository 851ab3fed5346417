import { useRef, useState } from 'react'
import { saveFile } from '../save-file.ts'
import { useConfigStore } from '../state/config-store.ts'
import type { Draft } from '../state/draft.ts'
import { cliCommand, CONFIG_FILE_NAME, configFileText, shareUrl } from '../state/share.ts'

type Feedback = { readonly text: string; readonly fallback?: string; readonly error?: boolean } | null

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    // No clipboard permission (an http page, a locked-down browser): the text is shown for manual copying instead.
    return false
  }
}

/** Moving the config in and out: the CLI's JSON file, a one-line CLI command, and a link that carries it. */
export function ConfigActions({ draft }: { readonly draft: Draft }) {
  const replaceDraft = useConfigStore((s) => s.replaceDraft)
  const reset = useConfigStore((s) => s.reset)
  const fileInput = useRef<HTMLInputElement>(null)
  const [feedback, setFeedback] = useState<Feedback>(null)

  const copy = async (text: string, what: string) => {
    setFeedback(
      (await copyText(text))
        ? { text: `${what} copied to the clipboard.` }
        : { text: `Copy the ${what.toLowerCase()} below.`, fallback: text },
    )
  }

  const importFile = async (file: File | undefined) => {
    if (!file) return
    try {
      replaceDraft(JSON.parse(await file.text()))
      setFeedback({ text: `Loaded ${file.name}.` })
    } catch (error) {
      setFeedback({
        text: `Could not load ${file.name}: ${error instanceof Error ? error.message : String(error)}`,
        error: true,
      })
    } finally {
      if (fileInput.current) fileInput.current.value = ''
    }
  }

  return (
    <section className="panel-section" aria-labelledby="share-title">
      <h2 id="share-title">Save and share</h2>
      <div className="action-grid">
        <button type="button" className="button" onClick={() => fileInput.current?.click()}>
          Import JSON…
        </button>
        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          className="visually-hidden"
          tabIndex={-1}
          aria-label="Config file to import"
          onChange={(e) => importFile(e.target.files?.[0])}
        />
        <button
          type="button"
          className="button"
          onClick={() =>
            saveFile(new TextEncoder().encode(configFileText(draft)), CONFIG_FILE_NAME, 'application/json')
          }
        >
          Export JSON
        </button>
        <button type="button" className="button" onClick={() => copy(cliCommand(draft), 'CLI command')}>
          Copy as CLI command
        </button>
        <button type="button" className="button" onClick={() => copy(shareUrl(draft, window.location), 'Link')}>
          Copy share link
        </button>
        <button
          type="button"
          className="button button-quiet"
          onClick={() => {
            reset()
            setFeedback({ text: 'Settings reset to the defaults.' })
          }}
        >
          Reset to defaults
        </button>
      </div>
      <p className={`action-feedback${feedback?.error ? ' field-error' : ''}`} aria-live="polite">
        {feedback?.text}
      </p>
      {feedback?.fallback && (
        <textarea
          className="copy-fallback"
          readOnly
          value={feedback.fallback}
          aria-label="Text to copy"
          onFocus={(e) => e.target.select()}
          autoFocus
        />
      )}
    </section>
  )
}
