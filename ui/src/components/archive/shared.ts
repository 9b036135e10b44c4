// What the panels of 归档备份 (views/ArchiveView.vue) share: how sizes and
// archive contents are written, and the request a panel makes when it wants
// something restored (the page asks for confirmation and runs one at a time).
import type { ArchiveSummary } from '../../api'

const MB = 1024 * 1024

/** Where “查看党员名单” goes after a restore. */
export const ROSTER = '/members'

/** Shown under a restore button while an archive is being written. */
export const RESTORE_BLOCKED = '正在归档，归档完成或取消后才能恢复。'

/** Bytes as MB with one decimal: 12.3 MB. */
export function mb(bytes: number | null | undefined): string {
  if (bytes == null || !Number.isFinite(bytes) || bytes < 0) return '—'
  if (bytes > 0 && bytes < 0.05 * MB) return '不到 0.1 MB'
  return `${(bytes / MB).toFixed(1)} MB`
}

/** Free space of a stick: GB once there is a gigabyte. */
export function freeText(bytes: number | null): string {
  if (bytes == null) return ''
  const GB = 1024 * MB
  return bytes >= GB ? `剩余 ${(bytes / GB).toFixed(1)} GB` : `剩余 ${mb(bytes)}`
}

/** Nothing typed means no passphrase. */
export function passOrNull(p: string): string | null {
  return p === '' ? null : p
}

export function summaryCounts(s: ArchiveSummary): string {
  return `党员 ${s.members} 名，会议 ${s.meetings} 次，党费记录 ${s.payments} 笔`
}

/** Which restore is running; one at a time on the page. */
export type RestoreKind = 'archive' | 'backup' | 'start'

/** A restore a panel wants; the page confirms it, then runs it. */
export interface RestoreRequest {
  kind: RestoreKind
  /** The backup file restored (not set for an archive): its row shows the spinner. */
  path?: string
  /** What will be restored, in words, for the confirmation. */
  what: string
  /** Does the restore and shows its outcome; must not throw. */
  run: () => Promise<void>
}
