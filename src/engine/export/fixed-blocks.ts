/** Bytes pushed to deflate at a time by the zips (the tab's and the server's). */
export const DEFLATE_BLOCK_BYTES = 1 << 20

/**
 * Re-cuts a file's chunks into fixed blocks for `push`. Deflate's output depends on where its input is cut, so a
 * file pushed in fixed blocks zips to the same bytes however the run cut it (rows on one thread, lanes' ranges,
 * chunks batched on their way from a job thread). One block is reused: `push` must copy what it is given (fflate's
 * sync ZipDeflate does).
 */
export function fixedBlocks(push: (block: Uint8Array, final: boolean) => void, size = DEFLATE_BLOCK_BYTES) {
  const block = new Uint8Array(size)
  let fill = 0
  return {
    /** Takes `chunk`; returns whether a block was pushed (a caller may drain its output then). */
    write(chunk: Uint8Array): boolean {
      let pushed = false
      for (let at = 0; at < chunk.length;) {
        const n = Math.min(chunk.length - at, size - fill)
        block.set(chunk.subarray(at, at + n), fill)
        fill += n
        at += n
        if (fill < size) continue
        push(block, false)
        fill = 0
        pushed = true
      }
      return pushed
    },
    /** Pushes what is left as the final block. */
    end(): void {
      push(block.subarray(0, fill), true)
      fill = 0
    },
  }
}
