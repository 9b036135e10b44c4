// What the 公示 pages share: the 公示期 and contact as typed, the notice as the
// core builds it (asked again whenever the request or the terms change), and
// printing and writing it as .xlsx. The page computes nothing of the notice:
// it prints what notice_preview gave back, masked numbers and all.
import { onBeforeUnmount, onMounted, reactive, ref, watch } from 'vue'
import {
  noticeDrafts,
  noticeExport,
  noticePreview,
  toApiError,
  type Notice,
  type NoticeDrafts,
  type NoticeRequest,
  type NoticeTerms,
  type Exported,
} from './api'

/** How long typing may pause before the notice is asked for again. */
export const NOTICE_DEBOUNCE_MS = 300

export interface NoticeOptions {
  /**
   * Ask again at once when the request changes (the page has only selects);
   * otherwise after a pause in typing. Changes of the terms always wait for a pause.
   */
  immediate?: boolean
  /** Called with the drafts before the first notice is asked for (e.g. to prefill a form). */
  onDrafts?: (drafts: NoticeDrafts) => void
  /** The drafts' terms this page starts from (default: the 公示's). */
  termsOf?: (drafts: NoticeDrafts) => NoticeTerms
}

function plain<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T
}

/**
 * Call in `setup`. `request` gives what to build, or null while the page does
 * not know yet (nothing is asked for then). Gives back one reactive object.
 */
export function useNotice(request: () => NoticeRequest | null, options: NoticeOptions = {}) {
  const terms = reactive<NoticeTerms>({ from: '', to: '', contact: '', phone: '' })
  const notice = ref<Notice | null>(null)
  const loading = ref(false)
  /** Why the last notice could not be built ('' when it was). */
  const failed = ref('')
  /** True when `failed` is a refusal of what was typed (the fields are marked). */
  const invalid = ref(false)
  /** Per field: what to change (`from`, `to`, `contact`, `phone`, `topic`, `title` …). */
  const errors = reactive<Record<string, string>>({})
  /** The drafts could not be read: the terms start empty. */
  const draftsFailed = ref('')
  const ready = ref(false)

  const exporting = ref(false)
  const exported = ref<Exported | null>(null)
  const exportFailed = ref('')

  let seq = 0
  let lastKey = ''
  let timer: ReturnType<typeof setTimeout> | undefined
  let inflight: Promise<void> | null = null
  let alive = true

  function current(): { request: NoticeRequest; terms: NoticeTerms } | null {
    const r = request()
    return r ? { request: plain(r), terms: plain({ ...terms }) } : null
  }
  const keyOf = (c: ReturnType<typeof current>) => (c ? JSON.stringify(c) : '')

  function setErrors(fields: Record<string, string> | undefined) {
    for (const k of Object.keys(errors)) delete errors[k]
    if (fields) Object.assign(errors, fields)
  }

  function refresh(): Promise<void> {
    clearTimeout(timer)
    timer = undefined
    const c = current()
    if (!ready.value || !alive || !c) return Promise.resolve()
    lastKey = keyOf(c)
    const mine = ++seq
    loading.value = true
    const p = (async () => {
      try {
        const n = await noticePreview(c.request, c.terms)
        if (mine !== seq) return
        notice.value = n
        failed.value = ''
        invalid.value = false
        setErrors(undefined)
      } catch (e) {
        if (mine !== seq) return
        const err = toApiError(e)
        notice.value = null
        failed.value = err.message
        invalid.value = !!err.fields && Object.keys(err.fields).length > 0
        setErrors(err.fields)
      } finally {
        if (mine === seq) {
          loading.value = false
          inflight = null
        }
      }
    })()
    inflight = p
    return p
  }

  function schedule(now: boolean) {
    clearTimeout(timer)
    timer = undefined
    if (!ready.value) return
    const c = current()
    if (!c || keyOf(c) === lastKey) return
    if (now) refresh()
    else timer = setTimeout(refresh, NOTICE_DEBOUNCE_MS)
  }

  watch(
    () => JSON.stringify(request()),
    () => schedule(!!options.immediate),
  )
  watch(
    () => [terms.from, terms.to, terms.contact, terms.phone],
    () => schedule(false),
  )

  onMounted(async () => {
    try {
      const d = await noticeDrafts()
      if (!alive) return
      Object.assign(terms, options.termsOf ? options.termsOf(d) : d.terms)
      options.onDrafts?.(d)
    } catch (e) {
      draftsFailed.value = toApiError(e).message
    }
    ready.value = true
    refresh()
  })
  onBeforeUnmount(() => {
    alive = false
    clearTimeout(timer)
  })

  /** One of the terms as typed (the watch above asks for the notice again after a pause). */
  function setTerm(field: keyof NoticeTerms, value: string) {
    terms[field] = value
  }

  /** What was just typed is asked for first, so the paper (or its PDF) shows it. */
  async function settle() {
    if (timer !== undefined) await refresh()
    else if (inflight) await inflight
  }

  /** Print the page as it is once settled. */
  async function print() {
    await settle()
    if (notice.value) window.print()
  }

  /** Write the notice as .xlsx; shows where it went, or why not. */
  async function exportXlsx() {
    if (exporting.value) return
    const c = current()
    if (!c) return
    exporting.value = true
    exportFailed.value = ''
    exported.value = null
    try {
      exported.value = await noticeExport(c.request, c.terms)
    } catch (e) {
      const err = toApiError(e)
      exportFailed.value = err.message
      if (err.fields) setErrors(err.fields)
    } finally {
      exporting.value = false
    }
  }

  return reactive({
    terms,
    notice,
    loading,
    failed,
    invalid,
    errors,
    draftsFailed,
    ready,
    exporting,
    exported,
    exportFailed,
    refresh,
    setTerm,
    settle,
    print,
    exportXlsx,
  })
}

export type NoticeState = ReturnType<typeof useNotice>
