import { describe, expect, it } from 'vitest'
import { TextPool } from './text-pool.ts'

describe('text pool', () => {
  it('gives back every text of every row: Latin-1, wider characters, empty and long texts, past its first size', () => {
    const rows: string[][] = [
      ['12 Rue de la Paix', '75002', 'jean.dupont@free-fr.example', '+33612345678'],
      ['Łódzka 5', '90-001', 'user1234567@wp-pl.example', '+48500000000'],
      ['東京都千代田区 1-1', '100-0001', 'user7654321@docomo.example', '+81312345678'],
      ['', '', '', ''],
      ['x'.repeat(300), 'é', 'ü', 'ß'],
      ['Straße 7', 'D-10115', 'a@b.example', '+49'],
    ]
    const pool = new TextPool(rows.length, 4, 2)
    rows.forEach((r, i) => pool.set(i, r))
    pool.seal()
    rows.forEach((r, i) => r.forEach((text, f) => expect(pool.get(i, f)).toBe(text)))
  })
})
