/** The part of the `gremlin` package (3.8, which ships no types) the GraphSON test uses. */
declare module 'gremlin' {
  interface Property {
    readonly key: string
    readonly value: unknown
  }
  interface Vertex {
    readonly id: unknown
    readonly label: string
    readonly properties: Property[]
  }
  const gremlin: {
    structure: {
      io: { GraphSON3Reader: new () => { read(obj: unknown): unknown } }
      Vertex: new (...args: unknown[]) => Vertex
    }
  }
  export default gremlin
}
