// 学时 as the page types and shows them (docs/DOMAIN.md §9.5). The core keeps
// hours as whole tenths; these only turn them into text and back, without
// floating point, for the settings form.

/** 15 → "1.5", 120 → "12.0". */
export function hoursOf(tenths: number): string {
  const sign = tenths < 0 ? '-' : ''
  const t = Math.abs(Math.trunc(tenths))
  return `${sign}${Math.floor(t / 10)}.${t % 10}`
}

/** "1.5" → 15, "2" → 20; -1 for anything else, which the core refuses in words. */
export function tenthsOf(text: string): number {
  const m = /^(\d{1,5})(?:\.(\d))?$/.exec(text.trim())
  if (!m) return -1
  return Number(m[1]) * 10 + (m[2] ? Number(m[2]) : 0)
}

/** A member's 达标 state as the table shows it. */
export function metLabel(row: { met: boolean; committee: boolean; central_count: number; short_by_tenths: number }): string {
  if (row.met) return '达标'
  if (row.short_by_tenths === 0 && row.committee && row.central_count === 0) return '缺集中培训'
  return '未达标'
}
