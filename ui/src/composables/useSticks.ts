// The USB sticks plugged in now (archive_targets), asked again every few
// seconds while the page that shows them is open, so a stick plugged in
// appears without a click. Polling stops when the component unmounts and
// pauses while the window is hidden (minimised).
import { onBeforeUnmount, onMounted, ref } from 'vue'
import { archiveTargets, toApiError, type Target } from '../api'

/** How often the sticks are asked for. */
export const STICK_POLL_MS = 3000

export function useSticks(pollMs: number = STICK_POLL_MS) {
  const sticks = ref<Target[]>([])
  /** The first answer (or failure) has come. */
  const loaded = ref(false)
  /** A refresh the secretary asked for is running (not the quiet polls). */
  const loading = ref(false)
  const failed = ref('')

  let timer: ReturnType<typeof setTimeout> | null = null
  let alive = false
  let asking = false

  async function ask() {
    if (asking) return
    asking = true
    try {
      const list = (await archiveTargets()) ?? []
      if (!alive) return
      // The same sticks as before: leave the list (and what is picked) as it is.
      if (JSON.stringify(list) !== JSON.stringify(sticks.value)) sticks.value = list
      failed.value = ''
    } catch (e) {
      if (!alive) return
      sticks.value = []
      failed.value = toApiError(e).message
    } finally {
      asking = false
      loaded.value = true
    }
  }

  /** 刷新: ask now. */
  async function refresh() {
    if (loading.value) return
    loading.value = true
    try {
      await ask()
    } finally {
      loading.value = false
    }
  }

  function schedule() {
    if (alive) timer = setTimeout(tick, pollMs)
  }

  async function tick() {
    timer = null
    if (!alive) return
    if (typeof document === 'undefined' || document.visibilityState !== 'hidden') await ask()
    schedule()
  }

  onMounted(() => {
    alive = true
    void ask().then(schedule)
  })

  onBeforeUnmount(() => {
    alive = false
    if (timer) clearTimeout(timer)
    timer = null
  })

  return { sticks, loaded, loading, failed, refresh }
}
