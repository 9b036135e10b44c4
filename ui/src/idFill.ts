// A valid 身份证号 typed into a person form fills what the core reads from it
// (the member form and the 发展党员 person form): asked once per number, the
// answer used only while the number is still the one typed.
import { ref, watch } from 'vue'
import { idReading, type IdReading } from './api'

/**
 * Watches `number`; for each new 18-character number asks the core, and
 * `fill` puts what it read into the form, returning the names of the fields
 * it filled. Gives the line to show: 已按身份证号填好…，请核对。
 */
export function useIdFill(number: () => string, fill: (reading: IdReading) => string[]) {
  const idFilled = ref('')
  let asked = ''
  watch(
    () => number().trim(),
    async (n) => {
      idFilled.value = ''
      if (n.length !== 18 || n === asked) return
      asked = n
      let reading
      try {
        reading = await idReading(n)
      } catch {
        return
      }
      if (!reading || number().trim() !== n) return
      const filled = fill(reading)
      if (filled.length) idFilled.value = `已按身份证号填好${filled.join('和')}，请核对。`
    },
  )
  return idFilled
}
