import { describeSettings } from '../engine/config/settings.ts'
import { chipColour, kindColours } from './graph/palette.ts'

/**
 * The settings catalog, built on the page from the descriptors it bundles anyway: the form renders at once, without
 * a round trip to a worker that is still starting.
 */
export const settings = describeSettings()

/** Each pattern kind's label and colours, worked out once for every component: the graph's colour and the darker
 * chip colour that white text reads on. */
export interface KindLook {
  readonly kind: string
  readonly label: string
  readonly colour: string
  readonly chip: string
}

const colours = kindColours(settings.patterns.map((p) => p.kind))

export const kinds: readonly KindLook[] = settings.patterns.map((p) => {
  const colour = colours.get(p.kind) ?? '#555555'
  return { kind: p.kind, label: p.label, colour, chip: chipColour(colour) }
})

export const kindColour: ReadonlyMap<string, string> = new Map(kinds.map((k) => [k.kind, k.colour]))
export const kindChip: ReadonlyMap<string, string> = new Map(kinds.map((k) => [k.kind, k.chip]))
export const kindLabel: ReadonlyMap<string, string> = new Map(kinds.map((k) => [k.kind, k.label]))

/** One colour for every benign look-alike: what matters on the picture is "ordinary activity", not which kind. */
export const LOOKALIKE_COLOUR = '#5b6472'
/** The legend's one entry for all look-alikes (it switches them off and on together). */
export const LOOKALIKES = 'lookalikes'

export interface KindLooks {
  readonly colour: ReadonlyMap<string, string>
  readonly chip: ReadonlyMap<string, string>
  readonly label: ReadonlyMap<string, string>
  /** The look-alike kinds of the run, in order of appearance. */
  readonly lookalikes: readonly string[]
}

/**
 * The built-in kinds' looks plus the run's look-alikes, labelled by the kind they resemble. The page learns the
 * look-alike kinds from the run's own ground truth, so it never bundles the look-alikes' code.
 */
export function looksFor(patterns: readonly { readonly kind: string; readonly resembles: string | null }[]): KindLooks {
  const colour = new Map(kindColour)
  const chip = new Map(kindChip)
  const label = new Map(kindLabel)
  const lookalikes: string[] = []
  for (const p of patterns) {
    if (p.resembles === null || label.has(p.kind)) continue
    lookalikes.push(p.kind)
    colour.set(p.kind, LOOKALIKE_COLOUR)
    chip.set(p.kind, chipColour(LOOKALIKE_COLOUR))
    label.set(p.kind, `Look-alike of ${kindLabel.get(p.resembles) ?? p.resembles}`)
  }
  return { colour, chip, label, lookalikes }
}
