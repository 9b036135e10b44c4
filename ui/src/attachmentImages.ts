// The pictures of a record's attachments, read from the core as data: URLs.
// Each is asked for once, one at a time (a phone photo is several MB), and
// only when wanted: when its thumbnail comes into view, or before printing.
import { reactive } from 'vue'
import { attachmentData, toApiError } from './api'

/** `read` asks the core for one picture (a meeting's by default). */
export function useAttachmentImages(read: (id: number) => Promise<string> = attachmentData) {
  /** Attachment id → data: URL. */
  const urls = reactive(new Map<number, string>())
  /** Attachment id → why it could not be read. */
  const failed = reactive(new Map<number, string>())
  const pending = new Map<number, Promise<void>>()
  let chain: Promise<void> = Promise.resolve()
  let stopped = false

  /** Ask for one picture (once); resolves when it is there or has failed. */
  function want(id: number): Promise<void> {
    let p = pending.get(id)
    if (!p) {
      p = chain.then(async () => {
        if (stopped) return
        try {
          urls.set(id, await read(id))
        } catch (e) {
          failed.set(id, toApiError(e).message)
        }
      })
      chain = p
      pending.set(id, p)
    }
    return p
  }

  /** Whether every one of `ids` has been read or has failed. */
  function ready(ids: number[]): boolean {
    return ids.every((id) => urls.has(id) || failed.has(id))
  }

  async function loadAll(ids: number[]): Promise<void> {
    await Promise.all(ids.map(want))
  }

  /** Drop a removed attachment's picture. */
  function forget(id: number): void {
    urls.delete(id)
    failed.delete(id)
  }

  /** The page is gone: ask for nothing more. */
  function stop(): void {
    stopped = true
  }

  return { urls, failed, want, ready, loadAll, forget, stop }
}

export type AttachmentImages = ReturnType<typeof useAttachmentImages>
