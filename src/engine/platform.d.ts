/**
 * The few platform globals the engine relies on. They exist with identical behaviour in Node ≥ 18, browsers
 * and workers; declaring them here keeps the engine's lib at plain ES2022 (no DOM, no Node types).
 */
declare class TextEncoder {
  encode(input?: string): Uint8Array
}

interface AbortSignal {
  readonly aborted: boolean
  readonly reason: unknown
  throwIfAborted(): void
}
