import { describe, expect, it } from 'vitest'
import { hoursOf, metLabel, tenthsOf } from '../src/study'

describe('学时 text and tenths', () => {
  it('turns tenths into one-place text', () => {
    expect(hoursOf(15)).toBe('1.5')
    expect(hoursOf(120)).toBe('12.0')
    expect(hoursOf(0)).toBe('0.0')
  })
  it('reads at most one decimal place, else -1', () => {
    expect(tenthsOf('1.5')).toBe(15)
    expect(tenthsOf(' 32 ')).toBe(320)
    expect(tenthsOf('1.55')).toBe(-1)
    expect(tenthsOf('-1')).toBe(-1)
    expect(tenthsOf('')).toBe(-1)
    expect(tenthsOf(hoursOf(267))).toBe(267)
  })
  it('names why a committee member with enough hours is not 达标', () => {
    expect(metLabel({ met: false, committee: true, central_count: 0, short_by_tenths: 0 })).toBe('缺集中培训')
    expect(metLabel({ met: false, committee: false, central_count: 0, short_by_tenths: 5 })).toBe('未达标')
    expect(metLabel({ met: true, committee: true, central_count: 1, short_by_tenths: 0 })).toBe('达标')
  })
})
