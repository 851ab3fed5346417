import { p } from '../../config/params.ts'
import type { ConfigIssue } from '../../config/issues.ts'
import { definePatternSpec } from '../types.ts'

/** The standard transaction-graph typologies of AMLSim, AMLworld and SAML-D. */
export const SHAPES = [
  'fan_out',
  'fan_in',
  'cycle',
  'scatter_gather',
  'gather_scatter',
  'bipartite',
  'stacked_bipartite',
  'layered_fan_out',
  'layered_fan_in',
] as const
export type Shape = (typeof SHAPES)[number]

/** Shapes whose depth is the `hops` parameter and whose layers must widen (or narrow) step by step. */
export const LAYERED_FANS: readonly Shape[] = ['layered_fan_out', 'layered_fan_in']

/**
 * The layering knobs, shared with the placement → layering → integration chain so both kinds (and a difficulty
 * ladder) set them by the same names.
 */
export const layeringParams = {
  size: p.int({
    label: 'Shape size',
    help: "Accounts in the shape's wide layer: the spokes of a fan, the accounts of a cycle, the width of a bipartite layer.",
    min: 2,
    max: 40,
    default: 6,
  }),
  hops: p.int({
    label: 'Layers',
    help: 'Transfer layers of a stacked bipartite or layered fan; the other shapes have a fixed depth (fan 1, scatter-gather 2, cycle = size).',
    min: 2,
    max: 6,
    default: 3,
  }),
  amountUsd: p.int({
    label: 'Amount laundered',
    help: "What enters the shape, in USD (converted to the accounts' currency), split among the first accounts.",
    min: 1_000,
    max: 5_000_000,
    default: 60_000,
    unit: 'USD',
  }),
  cutPct: p.number({
    label: 'Cut per pass-through',
    help: 'Share each account that passes money on keeps for itself (each keeps 0.75–1.25 times this).',
    min: 0,
    max: 10,
    default: 1.5,
    step: 0.5,
    unit: '%',
  }),
  delayHours: p.int({
    label: 'Delay per hop',
    help: 'Typical hours between an account receiving money and passing it on (each wait is 0.5–1.5 times this).',
    min: 1,
    max: 240,
    default: 20,
    unit: 'hours',
  }),
  spreadHours: p.int({
    label: 'Spread of a payment burst',
    help: 'Hours over which one account sends its several payments (a fan hub pays its spokes within this span).',
    min: 1,
    max: 720,
    default: 36,
    unit: 'hours',
  }),
} as const

export interface LayeringValues {
  size: number
  hops: number
  delayHours: number
  spreadHours: number
}

/** How many layers of transfers a shape has. */
export function depthOf(shape: Shape, size: number, hops: number): number {
  if (shape === 'cycle') return size
  if (shape === 'scatter_gather' || shape === 'gather_scatter') return 2
  if (shape === 'stacked_bipartite' || LAYERED_FANS.includes(shape)) return hops
  return 1
}

/** The longest a shape can last in hours: every layer waits up to 1.5 × delay and spreads its burst. */
export function spanHours(shape: Shape, v: LayeringValues): number {
  return depthOf(shape, v.size, v.hops) * (1.5 * v.delayHours + v.spreadHours) + v.spreadHours
}

/**
 * The shapes these values can build within `roomHours`: a layered fan needs each layer wider than the last, and
 * a deep shape may not fit a short window. `any` picks among these.
 */
export function shapesFitting(v: LayeringValues, roomHours: number): Shape[] {
  return SHAPES.filter((s) => (!LAYERED_FANS.includes(s) || v.size > v.hops) && spanHours(s, v) < roomHours)
}

/**
 * The cross-field checks both kinds share; `base` is the config path of the params (patterns.<kind>.params) and
 * `roomHours` the time the layering may take.
 */
export function layeringIssues(
  shape: Shape | 'any',
  v: LayeringValues,
  base: string,
  roomHours: number,
): ConfigIssue[] {
  const issues: ConfigIssue[] = []
  if (shape !== 'any' && LAYERED_FANS.includes(shape) && v.size <= v.hops) {
    issues.push({
      path: `${base}.size`,
      message: `must exceed hops (${v.hops}) for a layered fan, so each layer is wider than the one before it`,
      hint: `raise size to ${v.hops + 1} or more, or lower hops`,
    })
  }
  // With any, one fitting shape is enough; the shallowest (a one-layer fan) is the one to report.
  const hours = Math.ceil(spanHours(shape === 'any' ? 'fan_out' : shape, v))
  if (hours >= roomHours) {
    issues.push({
      path: `${base}.delayHours`,
      message: `makes ${shape === 'any' ? 'even the shallowest shape' : 'the shape'} last up to ${hours} hours (layers × (1.5 × delay + spread) + spread), longer than the ${Math.max(0, Math.floor(roomHours))} hours it has`,
      hint: 'lower delayHours, spreadHours, size or hops, or raise durationDays',
    })
  }
  return issues
}

/** What the UI and CLI need without the injector: kind, texts, parameter descriptors and cross-field checks. */
export const launderingShapeSpec = definePatternSpec({
  kind: 'launderingShape',
  slot: 6,
  label: 'Laundering shape',
  description:
    'Money moves through a standard laundering graph (fan-in, fan-out, cycle, scatter-gather, gather-scatter, bipartite, stacked bipartite, layered fan), each account passing on what it received less a small cut, hours apart (total amount: what entered the shape).',
  params: {
    subtype: p.enum({
      label: 'Shape',
      help: 'The graph the money follows; any picks one per instance.',
      options: ['any', ...SHAPES],
      default: 'any',
    }),
    ...layeringParams,
  },

  validate(params, run) {
    return layeringIssues(params.subtype, params, 'patterns.launderingShape.params', run.durationDays * 24)
  },
})
