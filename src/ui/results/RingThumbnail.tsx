import type { RingThumb } from '../../worker/client.ts'

const R = 190

/** One ring drawn small: shapes as on the graph (● person, ⬢ company, ■ account), in its kind's colour. */
export function RingThumbnail({ thumb, colour }: { readonly thumb: RingThumb | undefined; readonly colour: string }) {
  return (
    <svg className="ring-thumb" viewBox={`${-R} ${-R} ${2 * R} ${2 * R}`} aria-hidden="true" focusable="false">
      {thumb?.links.map(([a, b]) => (
        <line
          key={`${a}-${b}`}
          x1={thumb.nodes[a].x}
          y1={thumb.nodes[a].y}
          x2={thumb.nodes[b].x}
          y2={thumb.nodes[b].y}
          stroke={colour}
          strokeOpacity={0.55}
          strokeWidth={4}
        />
      ))}
      {thumb?.nodes.map((n, i) =>
        n.type === 'account' ? (
          <rect key={i} x={n.x - 11} y={n.y - 11} width={22} height={22} rx={5} fill={colour} />
        ) : n.type === 'company' ? (
          <polygon
            key={i}
            points={[0, 1, 2, 3, 4, 5]
              .map((k) => `${n.x + 15 * Math.cos((k * Math.PI) / 3)},${n.y + 13 * Math.sin((k * Math.PI) / 3)}`)
              .join(' ')}
            fill={colour}
          />
        ) : (
          <circle key={i} cx={n.x} cy={n.y} r={12} fill={colour} />
        ),
      )}
    </svg>
  )
}
