import { describe, expect, it } from 'vitest'
import { nextTick, ref } from 'vue'
import { usePaged } from '../src/composables/usePaged'

describe('usePaged', () => {
  it('shows one page of a long list, numbers rows through the whole list, and goes back when the list shrinks', async () => {
    const rows = ref(Array.from({ length: 120 }, (_, i) => `党员${i + 1}`))
    const { page, pageRows, paged, rowNumber } = usePaged(rows)
    expect(paged.value).toBe(true)
    expect(pageRows.value).toHaveLength(50)
    page.value = 3
    expect(pageRows.value).toEqual(rows.value.slice(100))
    expect(rowNumber(0)).toBe(101)
    rows.value = rows.value.slice(0, 80)
    await nextTick()
    expect(page.value).toBe(1)
    expect(pageRows.value[0]).toBe('党员1')
    rows.value = rows.value.slice(0, 50)
    await nextTick()
    expect(paged.value).toBe(false)
  })
})
