// 会议记录 and 年度日历 share the year being looked at; the list also keeps its
// kind filter while the window is open, so going to a record and back finds
// the list as it was left.
import { computed, onMounted, reactive, ref, watch, type Ref } from 'vue'
import { appInfo, type AppInfo } from './api'
import { showError } from './notify'
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

export interface YearPageOptions {
  /** Called at the start of every read of a year (e.g. to read a second thing for it too). */
  onLoad?: (year: number) => void
  /** Called with what app_info gave, before the year is set from it. */
  onInfo?: (info: AppInfo) => void
}

/**
 * A page that shows one year of something, the year kept in `filters.year`: the
 * year selector's choices, the year's record read with `fetch` (again whenever
 * the year changes; only the latest read counts), `loading` and the message of a
 * failed read. On mounting, asks app_info what year it is and starts at it when
 * no year is chosen yet. Call in `setup`.
 */
export function useYearPage<T>(
  filters: { year: number | null },
  fetch: (year: number) => Promise<T>,
  options: YearPageOptions = {},
) {
  const data = ref(null) as Ref<T | null>
  const thisYear = ref<number | null>(null)
  const loading = ref(false)
  const failed = ref('')

  const years = computed(() => (thisYear.value == null ? [] : yearChoices(thisYear.value, filters.year)))

  let seq = 0
  async function load() {
    if (filters.year == null) return
    const mine = ++seq
    loading.value = true
    options.onLoad?.(filters.year)
    try {
      const d = await fetch(filters.year)
      if (mine === seq) {
        data.value = d
        failed.value = ''
      }
    } catch (e) {
      if (mine === seq) {
        data.value = null
        failed.value = showError(e).message
      }
    } finally {
      if (mine === seq) loading.value = false
    }
  }

  watch(() => filters.year, load)

  onMounted(async () => {
    if (filters.year != null) load()
    try {
      const info = await appInfo()
      options.onInfo?.(info)
      thisYear.value = yearOf(info.today)
      if (filters.year == null) filters.year = thisYear.value ?? new Date().getFullYear()
    } catch (e) {
      if (filters.year == null) failed.value = showError(e).message
    }
  })

  return { data, thisYear, loading, failed, years, load }
}
