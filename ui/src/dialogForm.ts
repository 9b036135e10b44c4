import { watch, type Ref } from 'vue'
import { useFormSave } from './formSave'
import { onFormEnter } from './keys'

/**
 * What a small dialog that saves one thing about a member shares: `useFormSave`,
 * a fresh form (`reset`) and no old errors each time it opens, a save that closes
 * it and hands what `send` gave back to `done`, Enter to save, and the cursor put
 * in its 日期 box (`[data-testid=field-date]`) once it is open.
 * `dialog` is the dialog's data-testid.
 */
export function useDialogForm<T>(
  visible: Ref<boolean>,
  dialog: string,
  reset: () => void,
  send: () => Promise<T>,
  done: (result: T) => void,
) {
  const form = useFormSave()

  watch(visible, (v) => {
    if (!v) return
    reset()
    form.clearErrors()
  })

  function save() {
    return form.run(async () => {
      const result = await send()
      visible.value = false
      done(result)
    })
  }

  const onEnter = onFormEnter(save)

  // Put the cursor in the first text box so typing and Enter work at once.
  function focusFirst() {
    const input = document.querySelector<HTMLInputElement>(`[data-testid=${dialog}] [data-testid=field-date] input`)
    input?.focus()
    input?.select()
  }

  return { ...form, save, onEnter, focusFirst }
}
