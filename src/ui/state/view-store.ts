import { create } from 'zustand'

export type Selection = { readonly group: 'node' | 'edge'; readonly id: string } | null

export interface ViewState {
  /** Pattern kind to show, or null for all. */
  readonly kind: string | null
  /** One pattern instance to show, or null for all of the kind. */
  readonly patternId: string | null
  readonly showContext: boolean
  /** Kinds switched off in the legend: their rings are hidden, everything else stays where it is. */
  readonly hiddenKinds: readonly string[]
  readonly selection: Selection
  readonly previewTable: string | null
  setKind(kind: string | null): void
  setPattern(patternId: string | null, kind?: string | null): void
  setShowContext(show: boolean): void
  toggleKind(kind: string): void
  select(selection: Selection): void
  setPreviewTable(name: string): void
  /** A new run: keeps filters that still match something (ids are stable under tweaks), drops the rest. */
  resetForRun(patterns: readonly { readonly id: string; readonly kind: string }[]): void
}

/** What the results view shows; not persisted, since it describes one run. */
export const useViewStore = create<ViewState>()((set) => ({
  kind: null,
  patternId: null,
  showContext: true,
  hiddenKinds: [],
  selection: null,
  previewTable: null,
  // A new focus may leave the selected element out of view; the details panel must never describe what is not shown.
  setKind: (kind) => set({ kind, patternId: null, selection: null }),
  setPattern: (patternId, kind) =>
    set((s) => ({ patternId, kind: kind === undefined ? s.kind : kind, selection: null })),
  setShowContext: (showContext) => set({ showContext, selection: null }),
  toggleKind: (kind) =>
    set((s) => ({
      hiddenKinds: s.hiddenKinds.includes(kind) ? s.hiddenKinds.filter((k) => k !== kind) : [...s.hiddenKinds, kind],
      selection: null,
    })),
  select: (selection) => set({ selection }),
  setPreviewTable: (previewTable) => set({ previewTable }),
  resetForRun: (patterns) =>
    set((s) => ({
      selection: null,
      kind: s.kind && patterns.some((p) => p.kind === s.kind) ? s.kind : null,
      patternId: s.patternId && patterns.some((p) => p.id === s.patternId) ? s.patternId : null,
    })),
}))
