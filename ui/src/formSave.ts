import { reactive, ref } from 'vue'
import { toApiError } from './api'
import { showError } from './notify'

export interface RunOptions {
  /**
   * Called, and awaited, after a refusal's per-field errors have been shown and
   * while `saving` is still set (e.g. to scroll to the first marked field).
   */
  onFieldErrors?: () => void | Promise<void>
}

/**
 * What every form that saves through the core shares: per-field errors, a message
 * above the form, and a `saving` flag that also stops a second submit.
 */
export function useFormSave() {
  const errors = reactive<Record<string, string>>({})
  const topError = ref('')
  const saving = ref(false)

  function clearErrors() {
    topError.value = ''
    for (const k of Object.keys(errors)) delete errors[k]
  }

  /**
   * Run one save. Does nothing while another is running. A refusal with field
   * errors marks those fields and puts its message on top; any other failure
   * goes on top and is also shown as a message. Gives back what `fn` returned,
   * or undefined when it failed or did not run.
   */
  async function run<T>(fn: () => Promise<T>, options: RunOptions = {}): Promise<T | undefined> {
    if (saving.value) return undefined
    saving.value = true
    clearErrors()
    try {
      return await fn()
    } catch (e) {
      const err = toApiError(e)
      topError.value = err.message
      if (err.fields && Object.keys(err.fields).length > 0) {
        Object.assign(errors, err.fields)
        await options.onFieldErrors?.()
      } else {
        showError(err)
      }
      return undefined
    } finally {
      saving.value = false
    }
  }

  return { errors, topError, saving, clearErrors, run }
}
