// Display-only formatting. Inputs keep the ISO form; text shows 2026年11月27日.

const DAY = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}:\d{2})(?::\d{2})?)?$/
const MONTH = /^(\d{4})-(\d{1,2})$/

/** "2026-11-27" → "2026年11月27日", "1962-01" → "1962年1月", "2026-11-27 10:31" → "2026年11月27日 10:31". */
export function formatDate(value: string | null | undefined): string {
  if (value == null) return '—'
  const s = String(value).trim()
  if (s === '') return '—'
  let m = DAY.exec(s)
  if (m) {
    const text = `${m[1]}年${Number(m[2])}月${Number(m[3])}日`
    return m[4] ? `${text} ${m[4]}` : text
  }
  m = MONTH.exec(s)
  if (m) return `${m[1]}年${Number(m[2])}月`
  return s
}

/** Empty text shows as a dash so a blank cell is never mistaken for a missing row. */
export function orDash(value: string | number | null | undefined): string {
  if (value == null) return '—'
  const s = String(value)
  return s.trim() === '' ? '—' : s
}

/** A file size for people: "350 KB", "2.4 MB". */
export function formatSize(bytes: number | null | undefined): string {
  if (bytes == null || !Number.isFinite(bytes) || bytes < 0) return '—'
  const MB = 1024 * 1024
  const kb = Math.max(1, Math.round(bytes / 1024))
  if (bytes >= MB || kb >= 1024) return `${(bytes / MB).toFixed(1)} MB`
  return `${kb} KB`
}

/**
 * Integer 分 as yuan with two decimals: 1500 → "15.00", 5 → "0.05", -250 → "-2.50".
 * Integer arithmetic only (no floating-point division of money). null → "—".
 */
export function fen(value: number | null | undefined): string {
  if (value == null || !Number.isFinite(value)) return '—'
  const n = Math.round(value) // the core sends integers; this only guards the digits below
  const sign = n < 0 ? '-' : ''
  const a = Math.abs(n)
  const cents = a % 100
  return `${sign}${(a - cents) / 100}.${cents < 10 ? '0' : ''}${cents}`
}

/** The "YYYY-MM" of an ISO date "2026-11-27", or '' if it is not one. */
export function monthOf(date: string): string {
  const m = /^(\d{4})-(\d{2})/.exec(date ?? '')
  return m ? `${m[1]}-${m[2]}` : ''
}

export type TagType = 'success' | 'warning' | 'info' | 'danger' | 'primary'

/**
 * The classes of an Element Plus tag, for a tag in every row of a long
 * list: `<span :class="tagClass('warning')">流动</span>` looks like
 * `<el-tag type="warning">` but is no component (each el-tag also plays an
 * entrance transition, which makes the page measure every tag's style), so
 * a page of 50 rows draws tens of milliseconds sooner (docs/PERFORMANCE.md).
 */
export function tagClass(type: TagType, effect: 'light' | 'plain' | 'dark' = 'light', size: 'large' | 'small' = 'large'): string {
  return `el-tag el-tag--${type} el-tag--${size} el-tag--${effect}`
}

const STATUS_TAG: Record<string, TagType> = {
  normal: 'success',
  watch: 'warning',
  cancelled: 'info',
}

/**
 * The colour of a 党籍状态 tag: 正常 green, 留党察看 orange, 取消预备党员资格 grey,
 * the others (停止党籍, 出党, 去世, any new one) red so they stand out.
 */
export function statusTagType(status: string | null | undefined): TagType {
  return STATUS_TAG[status ?? ''] ?? 'danger'
}
