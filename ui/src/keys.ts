/** Enter pressed on its own — not while an input method (拼音) is still composing. */
export function isPlainEnter(e: KeyboardEvent): boolean {
  if (e.key !== 'Enter') return false
  if (e.isComposing || e.keyCode === 229) return false
  return !(e.shiftKey || e.ctrlKey || e.altKey || e.metaKey)
}

/**
 * A form's Enter handler: a plain Enter saves. Enter on a button presses that
 * button, in a drop-down it picks an option, in a text area it starts a new line.
 */
export function onFormEnter(save: () => unknown): (e: KeyboardEvent) => void {
  return (e: KeyboardEvent) => {
    if (!isPlainEnter(e)) return
    const t = e.target as HTMLElement | null
    if (t && (t.tagName === 'BUTTON' || t.tagName === 'TEXTAREA' || t.closest('.el-select'))) return
    e.preventDefault()
    save()
  }
}
