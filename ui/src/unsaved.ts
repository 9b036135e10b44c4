// Nothing typed is lost (issue 17, item 1). A long form that uses this:
//  - asks before she leaves it changed, by the menu or any link ("离开这一页？"),
//    and before the window closes (App.vue answers the program's close);
//  - keeps a draft of what she typed in the data folder (core drafts.rs) a
//    moment after each change, so a crash or a power cut loses nothing, and
//    offers it back the next time the form opens ("恢复未保存的内容？");
//  - forgets the draft once saved, or once she chose to leave without saving.
import { onBeforeUnmount, watch } from 'vue'
import { onBeforeRouteLeave } from 'vue-router'
import { ElMessageBox } from 'element-plus'
import { draftClear, draftGet, draftSave } from './api'

interface Guard {
  dirty: () => boolean
  discard: () => Promise<void>
}
const guards = new Set<Guard>()

/** Whether any open form holds typing not yet saved. */
export function anyUnsaved(): boolean {
  return [...guards].some((g) => g.dirty())
}

/** She chose to leave: the open forms' drafts are forgotten (before the window goes). */
export async function discardAll(): Promise<void> {
  await Promise.all([...guards].map((g) => g.discard()))
}

/** Asks whether to leave typing unsaved; true to leave. */
export async function confirmLeave(): Promise<boolean> {
  try {
    await ElMessageBox.confirm('刚才填写的内容还没有保存。离开后这些内容就没有了。', '离开这一页？', {
      confirmButtonText: '离开，不保存',
      cancelButtonText: '留下继续填写',
      type: 'warning',
      autofocus: false,
      distinguishCancelAndClose: false,
    })
    return true
  } catch {
    return false
  }
}

/** How long after the last change the draft is written. */
const DRAFT_DELAY_MS = 1500

export interface UnsavedOptions {
  /** The form's draft name, e.g. `meeting:new`, `meeting:12`. */
  key: () => string
  /** The form as it stands (compared, and kept as the draft). */
  snapshot: () => unknown
  /** Puts a kept draft back into the form. */
  restore: (saved: unknown) => void
}

export function useUnsaved(options: UnsavedOptions) {
  let baseline: string | null = null
  let timer: ReturnType<typeof setTimeout> | undefined
  const now = () => JSON.stringify(options.snapshot())
  const dirty = () => baseline != null && now() !== baseline

  function forget(): Promise<void> {
    clearTimeout(timer)
    timer = undefined
    return draftClear(options.key()).then(
      () => undefined,
      () => undefined,
    )
  }

  watch(now, (text) => {
    if (baseline == null) return
    clearTimeout(timer)
    timer = setTimeout(() => {
      timer = undefined
      if (text === baseline) draftClear(options.key()).catch(() => {})
      else draftSave(options.key(), text).catch(() => {})
    }, DRAFT_DELAY_MS)
  })

  /**
   * The form is loaded (empty, or the record as saved): what differs from
   * it from now on is unsaved. A draft kept from before is offered back.
   */
  /** The kept draft under `key`, or null when it could not be read. */
  const askDraft = (key: string) =>
    draftGet(key).then(
      (draft) => ({ draft }),
      () => null,
    )
  // The kept draft is asked for at once, beside the form's own loading, not after it.
  const askedKey = options.key()
  const asked = askDraft(askedKey)

  async function start(): Promise<void> {
    baseline = now()
    const key = options.key()
    const answer = await (key === askedKey ? asked : askDraft(key))
    if (!answer) return
    const draft = answer.draft
    if (!draft || draft.body === baseline) return
    try {
      await ElMessageBox.confirm(
        `上次填写的内容没有保存（${draft.saved_at} 自动留下的草稿）。要恢复吗？`,
        '恢复未保存的内容？',
        { confirmButtonText: '恢复', cancelButtonText: '不要了', type: 'info', autofocus: false },
      )
      options.restore(JSON.parse(draft.body))
    } catch {
      await forget()
    }
  }

  /** Saved: nothing is unsaved any more, and the draft is forgotten. */
  function markSaved(): void {
    baseline = now()
    void forget()
  }

  const guard: Guard = { dirty, discard: forget }
  guards.add(guard)
  onBeforeUnmount(() => {
    guards.delete(guard)
    clearTimeout(timer)
  })
  onBeforeRouteLeave(async () => {
    if (!dirty()) return true
    const leave = await confirmLeave()
    if (leave) await forget()
    return leave
  })

  return { start, markSaved, dirty }
}
