/** Enter pressed on its own — not while an input method (拼音) is still composing. */
export function isPlainEnter(e: KeyboardEvent): boolean {
  if (e.key !== 'Enter') return false
  if (e.isComposing || e.keyCode === 229) return false
  return !(e.shiftKey || e.ctrlKey || e.altKey || e.metaKey)
}
