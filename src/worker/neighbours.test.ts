import { strToU8 } from 'fflate'
import { describe, expect, it } from 'vitest'
import { defaultConfig } from '../engine/config/defaults.ts'
import { createEngineApi } from './api.ts'
import { splitRow } from './csv-rows.ts'
import { MAX_NEIGHBOURS, neighbourhood } from './neighbours.ts'

const file = (text: string, cut = 7) => {
  const bytes = strToU8(text)
  const chunks: Uint8Array[] = []
  for (let i = 0; i < bytes.length; i += cut) chunks.push(bytes.subarray(i, i + cut))
  return chunks
}

describe('neighbourhood', () => {
  it('finds counterparties at either end, across chunk cuts and quoted line breaks, most linked first', () => {
    const files = new Map([
      [
        'transactions.csv',
        file(
          'id,kind,from_account_id,to_account_id,amount,currency,description,pattern_id,pattern_role\n' +
            'TXN-1,transfer,ACC-A,ACC-B,10.00,EUR,"a, b\nc",,\n' +
            'TXN-2,transfer,ACC-C,ACC-A,5.00,EUR,plain,,\n' +
            'TXN-3,transfer,ACC-A,ACC-C,7.00,EUR,"say ""hi""",PAT-1,mule\n' +
            'TXN-4,transfer,ACC-B,ACC-C,1.00,EUR,not ours,,\n',
        ),
      ],
      [
        'accounts.csv',
        file(
          'id,owner_id,joint_owner_id,account_type\nACC-A,PER-1,,checking\nACC-B,PER-2,,savings\nACC-C,PER-3,,checking\n',
        ),
      ],
      ['persons.csv', file('id,full_name\nPER-1,Ann Example\nPER-2,Bo Sample\n')],
    ])
    const drawn = {
      nodes: [{ id: 'ACC-A', type: 'account' as const, label: 'A', patternIds: [], roles: [], data: {} }],
      edges: [],
      truncated: false,
    }
    const found = neighbourhood(files, drawn, 'ACC-A')
    // ACC-C twice, then ACC-B and the holder PER-1 once each (ties by id).
    expect(found.nodes.map((n) => n.id)).toEqual(['ACC-C', 'ACC-B', 'PER-1'])
    expect(found.nodes.find((n) => n.id === 'PER-1')?.label).toBe('Ann Example')
    expect(found.nodes.find((n) => n.id === 'ACC-B')?.label).toBe('savings ACC-B')
    expect(found.total).toBe(3)
    const first = found.edges.find((e) => e.data.id === 'TXN-1')
    expect(first?.data.description).toBe('a, b\nc')
    expect(found.edges.find((e) => e.data.id === 'TXN-3')?.patternId).toBe('PAT-1')
    expect(found.edges.some((e) => e.data.id === 'TXN-4')).toBe(false)
    expect(found.edges.find((e) => e.type === 'holds')).toMatchObject({ source: 'PER-1', target: 'ACC-A' })
  })

  it('splits quoted cells with commas and doubled quotes', () => {
    expect(splitRow('a,"b, c","say ""hi""",\r')).toEqual(['a', 'b, c', 'say "hi"', ''])
  })

  it('expands a ring member of a real run with capped, drawable neighbours that the graph does not have yet', async () => {
    const api = createEngineApi()
    const response = await api.generate(defaultConfig())
    if (!response.ok) throw new Error('the default config failed')
    const { graph, runKey } = response.summary
    const member = graph?.nodes.find((n) => n.type === 'account' && n.patternIds.length > 0)
    if (!graph || !member) throw new Error('no ring account on the graph')
    const found = await api.neighbours(runKey, member.id)
    expect(found?.nodes.length).toBeGreaterThan(0)
    expect(found?.nodes.length).toBeLessThanOrEqual(MAX_NEIGHBOURS)
    const ids = new Set([member.id, ...(found?.nodes ?? []).map((n) => n.id)])
    const onGraph = new Set(graph.edges.map((e) => e.data.id))
    for (const e of found?.edges ?? []) {
      expect(ids.has(e.source) && ids.has(e.target)).toBe(true)
      expect(e.source === member.id || e.target === member.id).toBe(true)
      expect(onGraph.has(e.data.id)).toBe(false)
    }
    expect(await api.neighbours(runKey, member.id)).toEqual(found)
  }, 60_000)
})
