// What the parts of a member's dues page (views/DuesMemberView.vue) share: the
// member's row and cells in the 收缴表 the core sent, the fields of 登记交费, and
// how a payment is described.
import type { AssessmentForm, DuesGrid, GridCell, Payment, PaymentForm } from '../../api'
import { formatDate } from '../../format'

/** The member's row in the 收缴表 of `year`, if it was read and they are on it. */
export function rowIn(grids: Map<number, DuesGrid>, year: number, memberId: number) {
  return grids.get(year)?.rows.find((r) => r.member_id === memberId) ?? null
}

/** The member's cell for `month` (YYYY-MM) in the 收缴表 of its year. */
export function cellIn(grids: Map<number, DuesGrid>, month: string, memberId: number): GridCell | undefined {
  return rowIn(grids, Number(month.slice(0, 4)), memberId)?.cells.find((c) => c.month === month)
}

/** What is typed into 登记交费 (the core's `PaymentForm` less the member); the page owns it (the date starts at today, the months clear with the year). */
export type PayFields = Omit<PaymentForm, 'member_id' | 'kind'> & {
  /** 会费 or 自愿多交 */
  kind: 'dues' | 'extra'
}

/** What is typed into 核定 / 调整 (the core's `AssessmentForm` less the member); the page owns it (it starts from the latest assessment). */
export type AssessFields = Omit<AssessmentForm, 'member_id'>

/** The months a payment is for, in words, or 自愿多交. */
export function monthsText(p: Payment): string {
  if (p.kind === 'extra') return '自愿多交'
  return p.months.map((m) => formatDate(m.month)).join('、') || '—'
}

/** A payment reversed, or the reversal itself. */
export function isVoid(p: Payment): boolean {
  return p.reversed_by != null || p.reverses_id != null
}
