// Answers of a fake core for the 党费 screens.
import { appInfo, detail, fakeCore } from './helpers'
import type { Assessment, DuesChoices, DuesGrid, GridCell, GridRow, MonthState, Payment } from '../src/api'
import duesChoicesJson from './fixtures/dues_choices.json'

const LABELS: Record<MonthState, string> = {
  not_member: '不在册',
  unassessed: '未核定',
  owed: '未交',
  paid: '已交',
  waived: '免交',
  future: '未到期',
}

/** Twelve cells of `year` from a state per month (index 0 = January). */
export function cells(year: number, states: MonthState[], owed: number | null): GridCell[] {
  return states.map((state, i) => ({
    month: `${year}-${String(i + 1).padStart(2, '0')}`,
    state,
    state_label: LABELS[state],
    owed_fen: state === 'not_member' || state === 'unassessed' ? null : state === 'waived' ? 0 : owed,
    paid_fen: state === 'paid' ? (owed ?? 0) : 0,
    due_fen: state === 'owed' || state === 'future' ? (owed ?? 0) : 0,
    // as the core's MonthState::payable: 未交 and 未到期 (预交) may be paid
    payable: state === 'owed' || state === 'future',
  }))
}

const rep = (s: MonthState, n: number): MonthState[] => Array(n).fill(s)

export function gridRow(over: Partial<GridRow>): GridRow {
  return {
    member_id: 1,
    name: '张三',
    category_label: '在职（按工资收入）',
    base_fen: 300000,
    rate_label: '0.5%',
    monthly_fen: 1500,
    cells: cells(2026, [...rep('paid', 10), 'owed', 'future'], 1500),
    total_fen: 15000,
    arrears_months: 1,
    ...over,
  }
}

export function grid2026(): DuesGrid {
  return {
    year: 2026,
    rows: [
      gridRow({}),
      gridRow({
        member_id: 2,
        name: '李四',
        category_label: '农民党员',
        base_fen: null,
        rate_label: '固定金额',
        monthly_fen: 50,
        cells: cells(2026, [...rep('paid', 6), ...rep('owed', 5), 'future'], 50),
        total_fen: 300,
        arrears_months: 5,
      }),
      gridRow({
        member_id: 3,
        name: '王五',
        category_label: null,
        base_fen: null,
        rate_label: null,
        monthly_fen: null,
        cells: cells(2026, [...rep('not_member', 3), ...rep('unassessed', 9)], null),
        total_fen: 0,
        arrears_months: 0,
      }),
      gridRow({
        member_id: 4,
        name: '赵六',
        category_label: '生活困难减免',
        base_fen: null,
        rate_label: '固定金额',
        monthly_fen: 0,
        cells: cells(2026, [...rep('waived', 11), 'future'], 0),
        total_fen: 0,
        arrears_months: 0,
      }),
      gridRow({
        member_id: 5,
        name: '孙七',
        category_label: '离退休（按养老金）',
        base_fen: 520000,
        rate_label: '1%',
        monthly_fen: 5200,
        cells: cells(2026, [...rep('paid', 5), ...rep('owed', 6), 'future'], 5200),
        total_fen: 26000,
        arrears_months: 6,
      }),
    ],
    month_totals: [7250, 7250, 7250, 7250, 7250, 2050, 1500, 1500, 1500, 1500, 0, 0],
    total_fen: 44300,
    extra_fen: 10000,
  }
}

/** The grids either side: 张三 paid all of 2025, nothing due yet in 2027. */
export function gridOf(year: number): DuesGrid {
  if (year === 2026) return grid2026()
  const state: MonthState = year < 2026 ? 'paid' : 'future'
  return {
    year,
    rows: [gridRow({ cells: cells(year, rep(state, 12), 1500), total_fen: state === 'paid' ? 18000 : 0, arrears_months: 0 })],
    month_totals: Array(12).fill(state === 'paid' ? 1500 : 0),
    total_fen: state === 'paid' ? 18000 : 0,
    extra_fen: 0,
  }
}

export function payment(over: Partial<Payment>): Payment {
  return {
    id: 31,
    member_id: 1,
    name: '张三',
    paid_on: '2026-10-05',
    kind: 'dues',
    amount_fen: 1500,
    months: [{ month: '2026-10', amount_fen: 1500 }],
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

export const assessment: Assessment = {
  id: 1,
  member_id: 1,
  from_month: '2026-01',
  category: 'in_service',
  category_label: '在职（按工资收入）',
  base_fen: 300000,
  fixed_fen: null,
  monthly_fen: 1500,
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
        return appInfo({ member_count: 5 })
      case 'member_get':
        return detail({ id: Number(args.id), name: '张三' })
      case 'dues_choices':
        return duesChoices
      case 'dues_grid':
        return gridOf(Number(args.year))
      case 'dues_payments':
        return [payment({})]
      case 'dues_assessments':
        return [assessment]
      case 'dues_amount_preview':
        return { monthly_fen: 1500, rate_per_mille: 5, rate_label: '0.5%', warnings: [] }
    }
    throw { code: 'unexpected', message: `unexpected ${cmd}` }
  })
}
