import { describe, expect, it } from 'vitest'
import { portableExp, portableLog } from './portable-math.ts'

describe('portable e^x and ln x', () => {
  it('agree with Math.exp and Math.log to a few ulps over the range a model uses', () => {
    let worstExp = 0
    let worstLog = 0
    for (let i = -5000; i <= 5000; i++) {
      const x = i / 100 + 0.0037
      worstExp = Math.max(worstExp, Math.abs(portableExp(x) / Math.exp(x) - 1))
      const y = Math.exp(i / 200) * 1.0009
      worstLog = Math.max(worstLog, Math.abs(portableLog(y) - Math.log(y)) / Math.max(1, Math.abs(Math.log(y))))
    }
    expect(worstExp).toBeLessThan(1e-14)
    expect(worstLog).toBeLessThan(1e-14)
    expect(portableLog(1)).toBe(0)
    expect(portableExp(0)).toBe(1)
    expect(portableLog(0)).toBeNaN()
  })
})
