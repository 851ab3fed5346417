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
