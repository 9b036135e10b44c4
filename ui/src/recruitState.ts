// What the 发展党员 pages share: how a step's people and numbers are
// called. Stage names and outcomes come from the core (`recruit_choices`). The rules themselves (order, intervals, due dates) are the
// core's: the pages only show its findings, `next` and dates.
import type { Finding, RecruitSummary } from './api'

/** The list's three groups. */
export type ListGroup = 'active' | 'joined' | 'stopped'
export const LIST_GROUPS: { key: ListGroup; label: string }[] = [
  { key: 'active', label: '在培养' },
  { key: 'joined', label: '已入党' },
  { key: 'stopped', label: '已终止' },
]

export function groupOf(r: Pick<RecruitSummary, 'stage'>): ListGroup {
  if (r.stage === 'stopped') return 'stopped'
  if (r.stage === 'full') return 'joined'
  return 'active'
}

/** Who a step's 人员 are. */
export function peopleLabel(step: number): string {
  if (step === 5) return '培养联系人'
  if (step === 9) return '入党介绍人'
  if (step === 2 || step === 16) return '谈话人'
  return '经办人'
}

/** The label of a step's number field (文号/备案号/志愿书编号), or '' when it has none. */
export function docNumberLabel(step: number): string {
  if (step === 4 || step === 8 || step === 18) return '备案号'
  if (step === 14) return '志愿书编号'
  if (step === 13 || step === 17 || step === 24) return '批复文号'
  return '文号'
}

export const SEVERITY_LABEL: Record<Finding['severity'], string> = {
  refuse: '不能记录',
  needs_reason: '需写明特殊情况',
  warn: '提醒',
}
