import { computed, ref, watch, type Ref } from 'vue'

/** Rows a page in the long lists: a table of hundreds of members stays light
 * on an office PC (each row of an Element Plus table costs the page about
 * 0.3 MB and a few ms to draw; docs/PERFORMANCE.md). */
export const PAGE_SIZE = 50

/** One page of `rows` at a time; back to the first page when the list
 * becomes shorter than the page shown. */
export function usePaged<T>(rows: Ref<readonly T[]>, size = PAGE_SIZE) {
  const page = ref(1)
  const pageRows = computed(() => rows.value.slice((page.value - 1) * size, page.value * size))
  const paged = computed(() => rows.value.length > size)
  /** The number of the `i`-th row of the page in the whole list, from 1. */
  const rowNumber = (i: number) => (page.value - 1) * size + i + 1
  watch(
    () => rows.value.length,
    (n) => {
      if ((page.value - 1) * size >= n) page.value = 1
    },
  )
  return { page, pageRows, paged, rowNumber, size }
}
