import { describe, expect, it } from 'vitest'
import { formatDate, formatSize } from '../src/format'
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

describe('formatSize', () => {
  it('shows KB under a megabyte and MB from there', () => {
    expect(formatSize(200)).toBe('1 KB')
    expect(formatSize(356_000)).toBe('348 KB')
    expect(formatSize(1024 * 1024 - 100)).toBe('1.0 MB')
    expect(formatSize(2_516_582)).toBe('2.4 MB')
    expect(formatSize(null)).toBe('—')
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
