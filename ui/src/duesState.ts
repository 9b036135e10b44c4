// The 党费 screens share the year being looked at, so going from the 收缴表 to
// a member's page and back finds the same year.
import { reactive } from 'vue'

export const duesFilters = reactive({
  /** null until app_info has said what year it is. */
  year: null as number | null,
})

export function resetDuesFilters(): void {
  duesFilters.year = null
}

/** A whole year and month as typed: "2026-03". */
export const YEAR_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/

function ym(year: number, month: number): string {
  return `${year}-${month < 10 ? '0' : ''}${month}`
}

/**
 * The months a payment can be picked from: the last 6 months of the year
 * before, the 12 of `year`, and the first 6 of the year after (a calendar, not
 * a rule: the core says which of them may be paid).
 */
export function monthsAround(year: number): string[] {
  const out: string[] = []
  for (let m = 7; m <= 12; m++) out.push(ym(year - 1, m))
  for (let m = 1; m <= 12; m++) out.push(ym(year, m))
  for (let m = 1; m <= 6; m++) out.push(ym(year + 1, m))
  return out
}
