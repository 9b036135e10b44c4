// Answers of a fake core for the 党费 screens.
import { appInfo, detail, fakeCore } from './helpers'
import type { Assessment, DuesChoices, DuesGrid, GridCell, GridRow, MonthState, Payment } from '../src/api'
import duesChoicesJson from './fixtures/dues_choices.json'
import gridJson from './fixtures/dues_grid.json'

/** The demo branch's 2026 收缴表 as `dues_grid` gives it on 2026-11-27 (fixtures/, from src-tauri/src/fixtures.rs), a fresh copy each time: tests change cells. */
export function grid2026(): DuesGrid {
  return JSON.parse(JSON.stringify(gridJson)) as DuesGrid
}

/**
 * A member of the demo who owes: 高玉林, 享受低保或救济 at 0.20 a month, paid
 * January–July, owes August–November, December not due yet.
 */
export const OWING = 6

/** The row of a member in a grid. */
export function rowOf(g: DuesGrid, memberId: number): GridRow {
  const r = g.rows.find((r) => r.member_id === memberId)
  if (!r) throw new Error(`no row ${memberId}`)
  return r
}

/** The cell of a month (`2026-11`) in a row. */
export function cellOf(r: GridRow, month: string): GridCell {
  const c = r.cells.find((c) => c.month === month)
  if (!c) throw new Error(`no cell ${month}`)
  return c
}

/**
 * A real cell turned into another state, with the amounts the core gives a
 * cell in that state (dues/model.rs): for the states the demo's grid does
 * not hold (未核定, 免交).
 */
export function asState(c: GridCell, state: MonthState, label: string, owed: number | null = c.owed_fen): GridCell {
  return {
    ...c,
    state,
    state_label: label,
    owed_fen: state === 'not_member' || state === 'unassessed' ? null : state === 'waived' ? 0 : owed,
    paid_fen: state === 'paid' ? (owed ?? 0) : 0,
    due_fen: state === 'owed' || state === 'future' ? (owed ?? 0) : 0,
    // as the core's MonthState::payable: 未交 and 未到期 (预交) may be paid
    payable: state === 'owed' || state === 'future',
  }
}

/**
 * The grids either side. The demo's books start in 2026, so its 2025 and
 * 2027 grids hold nothing to pay; these are its 2026 rows with every month
 * paid (2025) or not due yet (2027), so the member page has months either
 * side to offer and to refuse.
 */
export function gridOf(year: number): DuesGrid {
  const g = grid2026()
  if (year === 2026) return g
  const paid = year < 2026
  const rows = g.rows.map((r) => {
    const cells = r.cells.map((c, i) => ({
      ...asState(c, paid ? 'paid' : 'future', paid ? '已交' : '未到期', r.monthly_fen),
      month: `${year}-${String(i + 1).padStart(2, '0')}`,
    }))
    return { ...r, cells, total_fen: cells.reduce((s, c) => s + c.paid_fen, 0), arrears_months: 0 }
  })
  const month_totals = Array.from({ length: 12 }, (_, i) => rows.reduce((s, r) => s + r.cells[i].paid_fen, 0))
  return { year, rows, month_totals, total_fen: month_totals.reduce((a, b) => a + b, 0), extra_fen: 0 }
}

/** A payment of 高玉林's (OWING) July, as in the demo's grid. */
export function payment(over: Partial<Payment>): Payment {
  return {
    id: 31,
    member_id: OWING,
    name: '高玉林',
    paid_on: '2026-07-05',
    kind: 'dues',
    amount_fen: 20,
    months: [{ month: '2026-07', amount_fen: 20 }],
    receipt_no: 'No.7',
    collector: '李会计',
    note: '',
    reverses_id: null,
    reversed_by: null,
    large: false,
    back_months: 0,
    advance_months: 0,
    ...over,
  }
}

/** 高玉林's assessment, as her row in the demo's grid shows it. */
export const assessment: Assessment = {
  id: 1,
  member_id: OWING,
  from_month: '2026-01',
  category: 'relief',
  category_label: '享受低保或救济',
  base_fen: null,
  fixed_fen: null,
  monthly_fen: 20,
  decision: '',
  note: '',
  created_at: '2026-01-05 09:00',
}

/** As the `dues_choices` command gives them (fixtures/dues_choices.json). */
export const duesChoices: DuesChoices = duesChoicesJson as DuesChoices
export const { categories, roundings } = duesChoices

export type Handler = (cmd: string, args: Record<string, unknown>) => unknown

/** A fake core answering the dues commands; `over` answers first. */
export function duesCore(over: Handler = () => undefined) {
  return fakeCore((cmd, args) => {
    const answer = over(cmd, args)
    if (answer !== undefined) return answer
    switch (cmd) {
      case 'app_info':
        return appInfo({ member_count: grid2026().rows.length })
      case 'member_get':
        return detail({ id: Number(args.id), name: rowOf(grid2026(), Number(args.id)).name })
      case 'dues_choices':
        return duesChoices
      case 'dues_grid':
        return gridOf(Number(args.year))
      case 'dues_payments':
        return [payment({})]
      case 'dues_assessments':
        return [assessment]
      case 'dues_amount_preview':
        return { monthly_fen: 20, rate_per_mille: null, rate_label: '固定金额', warnings: [] }
    }
    throw { code: 'unexpected', message: `unexpected ${cmd}` }
  })
}
