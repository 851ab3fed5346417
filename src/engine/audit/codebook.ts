/** Category codes in first-seen order (rows arrive in a fixed order, so the codes are the same every run). */
export class Codebook {
  private readonly codes = new Map<string, number>()

  code(value: string | null | undefined): number {
    if (value === null || value === undefined || value === '') return -1
    let c = this.codes.get(value)
    if (c === undefined) this.codes.set(value, (c = this.codes.size))
    return c
  }
}

/** Entity id → row index, in the order the entity table is written. */
export class EntityIndex {
  readonly ids: string[] = []
  private readonly index = new Map<string, number>()

  add(id: string): number {
    const i = this.ids.length
    this.index.set(id, i)
    this.ids.push(id)
    return i
  }

  of(id: string | null | undefined): number {
    if (id === null || id === undefined) return -1
    return this.index.get(id) ?? -1
  }

  get size(): number {
    return this.ids.length
  }
}
