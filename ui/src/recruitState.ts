// What the 发展党员 pages share: the stage names and how a step's people
// are called. The rules themselves (order, intervals, due dates) are the
// core's: the pages only show its findings, `next` and dates.
import type { Finding, RecruitSummary } from './api'

/** The five stages of 细则（2014）, by number 1–5. */
export const STAGE_NAMES = [
  '申请入党',
  '入党积极分子的确定和培养教育',
  '发展对象的确定和考察',
  '预备党员的接收',
  '预备党员的教育考察和转正',
]

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

/** The outcome choices of the steps that have one, with the words used at that step. */
export function outcomeChoices(step: number): { value: string; label: string }[] {
  if (step === 13) return [
    { value: 'passed', label: '合格' },
    { value: 'failed', label: '不合格' },
  ]
  if (step === 15) return [
    { value: 'passed', label: '通过' },
    { value: 'failed', label: '未通过' },
  ]
  if (step === 17 || step === 24) return [
    { value: 'passed', label: '批准' },
    { value: 'failed', label: '不批准' },
  ]
  if (step === 23) return [
    { value: 'on_time', label: '按期转正' },
    { value: 'extend', label: '延长预备期' },
    { value: 'cancel', label: '取消预备党员资格' },
  ]
  return []
}

/** The label of a step's number field (文号/备案号/志愿书编号), or '' when it has none. */
export function docNumberLabel(step: number): string {
  if (step === 4 || step === 8 || step === 18) return '备案号'
  if (step === 14) return '志愿书编号'
  if (step === 13 || step === 17 || step === 24) return '批复文号'
  return '文号'
}

/** The three 公示 points. */
export const NOTICE_POINTS: { point: 'candidate' | 'admit' | 'full'; title: string }[] = [
  { point: 'candidate', title: '拟确定发展对象公示' },
  { point: 'admit', title: '拟接收预备党员公示' },
  { point: 'full', title: '拟转为正式党员公示' },
]

export const SEVERITY_LABEL: Record<Finding['severity'], string> = {
  refuse: '不能记录',
  needs_reason: '需写明特殊情况',
  warn: '提醒',
}
