/**
 * Every download starts with the same stem, so a user's folder sorts one run's files together and a seed typed with
 * spaces, slashes or emoji never makes an unsafe name.
 */
export function fileStem(seed: number | string): string {
  const safe = String(seed)
    .replace(/[^A-Za-z0-9_-]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40)
  return `fincrime-synth-seed-${safe || 'blank'}`
}

/** The file a download of `format` is saved as, and its type: the page needs both before the worker starts. */
export function downloadFile(seed: number | string, format: string): { name: string; mime: string } {
  if (format === 'json') return { name: `${fileStem(seed)}-dataset.json`, mime: 'application/json' }
  return { name: `${fileStem(seed)}-${format}.zip`, mime: 'application/zip' }
}
