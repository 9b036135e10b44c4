// The roster's filter bar keeps its values while the window is open, so going
// to a member's page and back finds the list as it was left.
import { reactive } from 'vue'

/** The "全部" choice of a filter select (sent to the core as null). */
export const ALL = 'all'

export const rosterFilters = reactive({
  search: '',
  kind: ALL as string,
  groupId: ALL as number | typeof ALL,
  status: ALL as string,
  includeLeft: false,
})

export function resetRosterFilters(): void {
  rosterFilters.search = ''
  rosterFilters.kind = ALL
  rosterFilters.groupId = ALL
  rosterFilters.status = ALL
  rosterFilters.includeLeft = false
}
