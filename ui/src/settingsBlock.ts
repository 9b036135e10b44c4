import { ref } from 'vue'
import { ElMessage } from 'element-plus'
import { showError } from './notify'
import { useFormSave } from './formSave'

/**
 * One block of settings that is read from the core and saved back in one piece
 * (a tab of 设置, or a section of one): `useFormSave` plus the read, its
 * `loading`/`loaded` flags and the message of a failed read. `fill` puts what the
 * core gave back (on read and on save) into the form.
 */
export function useSettingsBlock<S>(fetch: () => Promise<S>, fill: (s: S) => void) {
  const form = useFormSave()
  const loading = ref(false)
  const loaded = ref(false)
  const loadFailed = ref('')

  /** Reads the block once; does nothing while reading or once read. */
  async function load(): Promise<void> {
    if (loaded.value || loading.value) return
    loading.value = true
    loadFailed.value = ''
    try {
      fill(await fetch())
      loaded.value = true
    } catch (e) {
      loadFailed.value = showError(e).message
    } finally {
      loading.value = false
    }
  }

  /** Saves with `send` (only once the block has been read), fills in the answer and says 已保存. */
  function save(send: () => Promise<S>) {
    if (!loaded.value) return
    return form.run(async () => {
      fill(await send())
      ElMessage.success('已保存')
    })
  }

  return { ...form, loading, loaded, loadFailed, load, save }
}
