// 字号 setting: 标准 (16px) or 大 (19px), kept in localStorage, applied as a class on <html>.
import { ref } from 'vue'

export type FontSize = 'standard' | 'large'
const KEY = 'zhibu.fontSize'

function read(): FontSize {
  try {
    return localStorage.getItem(KEY) === 'large' ? 'large' : 'standard'
  } catch {
    return 'standard'
  }
}

export const fontSize = ref<FontSize>(read())

export function applyFontSize(size: FontSize = fontSize.value): void {
  const root = document.documentElement
  root.classList.remove('font-standard', 'font-large')
  root.classList.add(size === 'large' ? 'font-large' : 'font-standard')
}

export function setFontSize(size: FontSize): void {
  fontSize.value = size
  try {
    localStorage.setItem(KEY, size)
  } catch {
    /* storage unavailable: the choice still applies until the window closes */
  }
  applyFontSize(size)
}
