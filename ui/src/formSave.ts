import { computed, nextTick, reactive, ref } from 'vue'
import { useRouter, type Router } from 'vue-router'
import { ElMessage } from 'element-plus'
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

/** The note put on top when a refusal marks fields but says nothing general. */
export const FIX_MARKED = '有几项需要改正，请看标红的地方'

/** After the refusal has been drawn, bring the first marked field (found by `selector`) into view. */
export async function scrollToFirstError(selector: string): Promise<void> {
  await nextTick()
  const first = document.querySelector(selector)
  if (first && 'scrollIntoView' in first) (first as HTMLElement).scrollIntoView({ block: 'center' })
}

/** Back to where the user came from; if the page was opened directly, to `fallback`. */
export function goBack(router: Router, fallback: string): void {
  const back = (window.history.state as { back?: string } | null)?.back
  if (back) router.back()
  else router.push(fallback)
}

export interface FormPageOptions {
  /** CSS selector of the marked fields of this form, e.g. '.member-form .el-form-item.is-error'. */
  errorSelector: string
  /** Where records of this kind are listed, e.g. '/members'; one record opens at `${base}/${id}`. */
  base: string
  /** The id of the record being edited; undefined when adding one. */
  id: () => number | undefined
  /** Called once saved, before the saved record is opened (e.g. to forget the draft). */
  onSaved?: () => void
}

/**
 * A whole-page form (添加/编辑): `useFormSave` plus the two things every such
 * page does — save and then open what was saved, or go back without saving.
 * Call in `setup`.
 */
export function useFormPage(options: FormPageOptions) {
  const form = useFormSave()
  const router = useRouter()

  /**
   * Saves with `save`, says 已保存 and opens the page `to` names for the saved
   * record. A refusal marks the fields and scrolls to the first of them.
   */
  function saveThenOpen<T>(save: () => Promise<T>, to: (saved: T) => string): Promise<T | undefined> {
    return form.run(
      async () => {
        const saved = await save()
        options.onSaved?.()
        ElMessage.success('已保存')
        await router.push(to(saved))
        return saved
      },
      {
        async onFieldErrors() {
          if (!form.topError.value) form.topError.value = FIX_MARKED
          await scrollToFirstError(options.errorSelector)
        },
      },
    )
  }

  /** The page of the record being edited, or the list when adding one. */
  const backTo = computed(() => {
    const id = options.id()
    return id != null ? `${options.base}/${id}` : options.base
  })

  /**
   * Saves what `input` gives — with `update` when editing, `create` when adding —
   * and then opens the saved record (see `saveThenOpen`).
   */
  function saveRecord<I, T extends { id: number }>(
    input: () => I,
    create: (input: I) => Promise<T>,
    update: (id: number, input: I) => Promise<T>,
  ): Promise<T | undefined> {
    return saveThenOpen(
      () => {
        const data = input()
        const id = options.id()
        return id != null ? update(id, data) : create(data)
      },
      (saved) => `${options.base}/${saved.id}`,
    )
  }

  /** The first error among `fields`, or ''. */
  function err(...fields: string[]): string {
    for (const f of fields) if (form.errors[f]) return form.errors[f]
    return ''
  }

  return { ...form, saveThenOpen, saveRecord, err, backTo, cancel: () => goBack(router, backTo.value) }
}
