import { saveFile } from './save-file.ts'

/** Where a download's blocks go as the worker writes them. */
export interface SaveTarget {
  write(block: Uint8Array): Promise<void>
  close(): Promise<void>
  abort(): Promise<void>
}

/** The File System Access API's save dialog (Chromium); TypeScript's DOM library does not declare it yet. */
type SavePicker = (options: {
  suggestedName: string
  types: { description: string; accept: Record<string, string[]> }[]
}) => Promise<{ createWritable(): Promise<FileSystemWritableFileStream> }>

function picker(): SavePicker | null {
  const open = (window as unknown as { showSaveFilePicker?: SavePicker }).showSaveFilePicker
  return typeof open === 'function' ? open.bind(window) : null
}

/** Whether this browser can write a download straight to a file the user picks. */
export function canSaveToDisk(): boolean {
  return picker() !== null
}

/**
 * A file the user picks, written as the blocks arrive: the tab never holds the download. Must be called from the
 * click that asked for it (the dialog needs the user's gesture). Rejects with an AbortError when the user closes
 * the dialog.
 */
export async function diskTarget(name: string, mime: string): Promise<SaveTarget> {
  const open = picker()
  if (!open) throw new Error('this browser cannot save straight to a file; use the normal download')
  const extension = name.slice(name.lastIndexOf('.'))
  const handle = await open({ suggestedName: name, types: [{ description: name, accept: { [mime]: [extension] } }] })
  const file = await handle.createWritable()
  return {
    write: (block) => file.write(block as Uint8Array<ArrayBuffer>),
    close: () => file.close(),
    abort: () => file.abort(),
  }
}

/** The blocks gathered into a Blob and offered as an ordinary download once all have arrived. */
export function blobTarget(name: string, mime: string): SaveTarget {
  let parts: Uint8Array<ArrayBuffer>[] = []
  return {
    write: async (block) => {
      parts.push(block as Uint8Array<ArrayBuffer>)
    },
    close: async () => {
      saveFile(new Blob(parts, { type: mime }), name, mime)
      parts = []
    },
    abort: async () => {
      parts = []
    },
  }
}
