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
