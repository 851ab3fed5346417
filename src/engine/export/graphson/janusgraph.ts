import type { KeyType } from './values.ts'

export interface GraphSchema {
  readonly keys: Map<string, KeyType>
  /** Keys holding several values per vertex (Cardinality.LIST). */
  readonly listKeys: Set<string>
  readonly vertexLabels: Set<string>
  readonly edgeLabels: Set<string>
}

const sorted = <T extends string>(s: Iterable<T>) => [...s].sort()

/**
 * `load.groovy` for the Gremlin Console with JanusGraph: the schema first (property keys with their types,
 * vertex and edge labels, composite indexes on the ids, the labels' ground truth and pattern ids), then the
 * GraphSON load and a count.
 */
export function loadScript(schema: GraphSchema, graphsonFile: string): string {
  const keys = sorted(schema.keys.keys()).map((k) => {
    const cardinality = schema.listKeys.has(k) ? 'LIST' : 'SINGLE'
    return `mgmt.makePropertyKey('${k}').dataType(${schema.keys.get(k)}.class).cardinality(Cardinality.${cardinality}).make()`
  })
  const has = (k: string) => schema.keys.has(k)
  const indexes = [
    `mgmt.buildIndex('byEntityId', Vertex.class).addKey(mgmt.getPropertyKey('entity_id')).unique().buildCompositeIndex()`,
    has('is_suspicious') &&
      `mgmt.buildIndex('bySuspiciousVertex', Vertex.class).addKey(mgmt.getPropertyKey('is_suspicious')).buildCompositeIndex()`,
    has('event_id') &&
      `mgmt.buildIndex('byEventId', Edge.class).addKey(mgmt.getPropertyKey('event_id')).buildCompositeIndex()`,
    has('pattern_id') &&
      `mgmt.buildIndex('byPatternId', Edge.class).addKey(mgmt.getPropertyKey('pattern_id')).buildCompositeIndex()`,
  ].filter((x): x is string => typeof x === 'string')
  return [
    '// Loads fincrime.graphson.json into JanusGraph. In the Gremlin Console (JanusGraph 1.x), from this folder:',
    '//   :load load.groovy',
    '// Schema first (janusgraph-bulk.properties sets schema.default=none, so nothing outside it gets in).',
    "graph = JanusGraphFactory.open('janusgraph-bulk.properties')",
    'mgmt = graph.openManagement()',
    ...keys,
    ...sorted(schema.vertexLabels).map((l) => `mgmt.makeVertexLabel('${l}').make()`),
    ...sorted(schema.edgeLabels).map((l) => `mgmt.makeEdgeLabel('${l}').multiplicity(Multiplicity.MULTI).make()`),
    ...indexes,
    'mgmt.commit()',
    '',
    '// GraphSON 3.0 adjacency list: one vertex per line with its outE and inE.',
    `graph.io(IoCore.graphson()).readGraph('${graphsonFile}')`,
    'graph.tx().commit()',
    'g = graph.traversal()',
    'println "vertices: ${g.V().count().next()}, edges: ${g.E().count().next()}"',
    '',
  ].join('\n')
}

/** JanusGraph settings for a one-off bulk load into a local BerkeleyDB store (swap the storage lines for Cassandra etc.). */
export function bulkProperties(): string {
  return [
    '# JanusGraph bulk-loading settings for load.groovy.',
    'gremlin.graph=org.janusgraph.core.JanusGraphFactory',
    'storage.backend=berkeleyje',
    'storage.directory=fincrime-janusgraph',
    '# Skip consistency checks and locking while loading; the input is known to be consistent.',
    'storage.batch-loading=true',
    '# Only the schema load.groovy declares.',
    'schema.default=none',
    'ids.block-size=1000000',
    'query.batch=true',
    'cache.db-cache=false',
    '',
  ].join('\n')
}
