import { describe, expect, it } from 'vitest'
import { formatDate } from '../src/format'
import { toApiError } from '../src/api'

describe('formatDate', () => {
  it('formats days, months and times for reading', () => {
    expect(formatDate('2026-11-27')).toBe('2026年11月27日')
    expect(formatDate('1962-01')).toBe('1962年1月')
    expect(formatDate('2026-11-27 10:31')).toBe('2026年11月27日 10:31')
    expect(formatDate(null)).toBe('—')
    expect(formatDate('')).toBe('—')
  })
})

describe('toApiError', () => {
  it('keeps the core error shape and never shows raw JSON', () => {
    expect(toApiError({ code: 'not_found', message: '找不到这位党员' })).toEqual({
      code: 'not_found',
      message: '找不到这位党员',
      fields: undefined,
    })
    const odd = toApiError({ weird: 1 })
    expect(odd.code).toBe('internal')
    expect(odd.message).not.toContain('{')
  })
})
