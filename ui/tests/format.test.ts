import { describe, expect, it } from 'vitest'
import { fen, formatDate, formatSize, monthOf } from '../src/format'
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

describe('fen', () => {
  it('shows integer 分 as yuan with two decimals', () => {
    expect(fen(1500)).toBe('15.00')
    expect(fen(5)).toBe('0.05')
    expect(fen(50)).toBe('0.50')
    expect(fen(0)).toBe('0.00')
    expect(fen(300001)).toBe('3000.01')
    expect(fen(-250)).toBe('-2.50')
    expect(fen(123456789012)).toBe('1234567890.12')
    expect(fen(null)).toBe('—')
    expect(fen(undefined)).toBe('—')
  })

  it('takes the month of a date', () => {
    expect(monthOf('2026-11-27')).toBe('2026-11')
    expect(monthOf('')).toBe('')
  })
})
