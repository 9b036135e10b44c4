// 会议记录 and 年度日历 share the year being looked at; the list also keeps its
// kind filter while the window is open, so going to a record and back finds
// the list as it was left.
import { reactive } from 'vue'
import { ALL } from './rosterState'

export const meetingFilters = reactive({
  /** null until app_info has said what year it is. */
  year: null as number | null,
  kind: ALL as string,
})

export function resetMeetingFilters(): void {
  meetingFilters.year = null
  meetingFilters.kind = ALL
}

/** The years offered in the year selector: a span around this year, newest first, always including `selected`. */
export function yearChoices(thisYear: number, selected: number | null): number[] {
  const years: number[] = []
  for (let y = thisYear + 1; y >= thisYear - 10; y--) years.push(y)
  if (selected != null && !years.includes(selected)) {
    years.push(selected)
    years.sort((a, b) => b - a)
  }
  return years
}

/** The year of an ISO date "2026-11-27". */
export function yearOf(date: string): number | null {
  const m = /^(\d{4})/.exec(date ?? '')
  return m ? Number(m[1]) : null
}
