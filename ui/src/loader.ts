import { ref, type Ref } from 'vue'
import { showError } from './notify'

/**
 * What a page that shows one record from the core shares: the record, a
 * `loading` flag, and the message of a failed read (also shown as a message).
 * Put `<LoadState>` where the record goes.
 */
export function useLoader<T>(fetch: () => Promise<T>) {
  const data = ref(null) as Ref<T | null>
  const loading = ref(true)
  const failed = ref('')

  async function load(): Promise<void> {
    loading.value = true
    failed.value = ''
    try {
      data.value = await fetch()
    } catch (e) {
      failed.value = showError(e).message
    } finally {
      loading.value = false
    }
  }

  return { data, loading, failed, load }
}
