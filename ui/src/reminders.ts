// How the 今日提醒 read on screen and on paper. Which reminders there are, and
// why, the core says (`reminders`); this only words and colours them.
import type { LostContactItem, Reminders } from './api'
import { fen, formatDate } from './format'

const MONTH_ONLY = /^\d{4}-\d{1,2}$/

/**
 * A reminder's date in words: "2026年12月20日", or "2026年12月（日期不详）" when
 * only the month is known (`dayKnown` false, or a "YYYY-MM" date).
 */
export function reminderDate(date: string | null | undefined, dayKnown = true): string {
  const d = (date ?? '').trim()
  if (d === '') return '—'
  if (MONTH_ONLY.test(d)) return `${formatDate(d)}（日期不详）`
  if (!dayKnown) return `${formatDate(d.slice(0, 7))}（日期不详）`
  return formatDate(d)
}

/** The core's count of days, in words: 今天, 明天, 还有 5 天, 已过 3 天. */
export function daysText(days: number | null | undefined): string {
  if (days == null) return ''
  if (days === 0) return '今天'
  if (days === 1) return '明天'
  if (days > 0) return `还有 ${days} 天`
  return `已过 ${-days} 天`
}

const QUARTER_WORDS = ['一', '二', '三', '四']

/** The quarter (1–4) of a "YYYY-MM-DD" date. */
export function quarterOf(date: string): number {
  const m = Number(/^\d{4}-(\d{1,2})/.exec(date ?? '')?.[1] ?? 1)
  return Math.min(4, Math.max(1, Math.ceil(m / 3)))
}

/** "2026年第四季度". */
export function quarterTitle(date: string): string {
  const year = /^(\d{4})/.exec(date ?? '')?.[1] ?? ''
  return `${year}年第${QUARTER_WORDS[quarterOf(date) - 1]}季度`
}

/** red: overdue or serious; orange: soon; grey: for information. */
export type Tone = 'red' | 'orange' | 'grey'

export interface ReminderRow {
  key: string
  name: string
  /** The record to open. */
  to: string
  date: string
  /** A short word beside the date: 今天, 已过期, 6个月 … */
  when: string
  note: string
  tone: Tone
}

export type ReminderKind =
  | 'political_birthdays'
  | 'probation_ending'
  | 'arrears'
  | 'meetings_due'
  | 'term_ending'
  | 'lost_contact'
  | 'no_meetings'
  | 'may_suspend'
  | 'may_strike_off'
  | 'milestones'
  | 'fifty_year_medal'
  | 'quarter_political_birthdays'
  // 流动党员
  | 'mobile_no_contact'
  | 'mobile_should_transfer'
  | 'mobile_homecoming'
  // 关怀帮扶
  | 'care_review_due'
  | 'visit_list'
  // 学时
  | 'study'

export interface ReminderGroup {
  kind: ReminderKind
  title: string
  rows: ReminderRow[]
}

/** The groups in the order the core counts them, each with its rows; empty groups too. */
export function reminderGroups(r: Reminders): ReminderGroup[] {
  const member = (id: number) => `/members/${id}`
  /** A member who has not been seen: when they last came to a meeting and last paid, on two lines. */
  const unseen = (prefix: string, items: LostContactItem[] | undefined): ReminderRow[] =>
    (items ?? []).map((l) => ({
      key: `${prefix}-${l.member_id}`,
      name: l.name,
      to: member(l.member_id),
      date: `最近参会：${l.last_attended ? formatDate(l.last_attended) : '无记录'}\n最近交费：${
        l.last_paid ? formatDate(l.last_paid) : '无记录'
      }`,
      when: '',
      note: l.note,
      tone: 'grey',
    }))
  return [
    {
      kind: 'political_birthdays',
      title: `近期政治生日（${r.settings.birthday_days} 天内）`,
      rows: r.political_birthdays.map((b) => ({
        key: `pb-${b.member_id}`,
        name: b.name,
        to: member(b.member_id),
        date: reminderDate(b.date, b.day_known),
        when: daysText(b.days_until),
        note: b.note,
        tone: 'orange',
      })),
    },
    {
      kind: 'probation_ending',
      title: '预备党员转正',
      rows: r.probation_ending.map((p) => ({
        key: `pr-${p.member_id}`,
        name: p.name,
        to: member(p.member_id),
        date: reminderDate(p.due),
        when: p.overdue ? '已满未转正' : daysText(p.days_until),
        note: p.note,
        tone: p.overdue ? 'red' : 'orange',
      })),
    },
    {
      kind: 'arrears',
      title: '欠交党费',
      rows: r.arrears.map((a) => ({
        key: `ar-${a.member_id}`,
        name: a.name,
        to: `/dues/member/${a.member_id}`,
        date: a.from === a.to ? formatDate(a.from) : `${formatDate(a.from)}至${formatDate(a.to)}`,
        when: `${a.months}个月 ${fen(a.owed_fen)}元`,
        note: a.message,
        tone: a.level === 'flag' ? 'red' : 'orange',
      })),
    },
    {
      kind: 'meetings_due',
      title: '待开会议',
      rows: r.meetings_due.map((m) => ({
        key: `mt-${m.kind}-${m.period}`,
        name: m.kind_label,
        to: `/meetings/new?kind=${encodeURIComponent(m.kind)}`,
        date: m.label.includes('年') ? m.label : `${m.period.slice(0, 4)}年${m.label}`,
        when: m.state === 'missed' ? '已过期' : '本期内',
        note: m.note,
        tone: m.state === 'missed' ? 'red' : 'orange',
      })),
    },
    {
      kind: 'term_ending',
      title: '支委换届',
      rows: r.term_ending.map((t, i) => ({
        key: `tm-${i}`,
        name: '本届支委',
        to: '/settings',
        date: formatDate(t.term_end),
        when: t.days_until < 0 ? '已届满' : daysText(t.days_until),
        note: t.note,
        tone: t.days_until < 0 ? 'red' : 'orange',
      })),
    },
    {
      kind: 'lost_contact',
      title: '长期未参加组织生活、未交党费',
      rows: unseen('lc', r.lost_contact),
    },
    {
      kind: 'no_meetings',
      title: '6 个月以上未参加组织生活',
      rows: unseen('nm', r.no_meetings),
    },
    {
      kind: 'may_suspend',
      title: '失联满 6 个月，可停止党籍',
      rows: unseen('su', r.may_suspend),
    },
    {
      kind: 'may_strike_off',
      title: '停止党籍满 2 年，可除名',
      rows: unseen('so', r.may_strike_off),
    },
    {
      kind: 'milestones',
      title: '今年党龄满整十年',
      rows: r.milestones.map((m) => ({
        key: `ms-${m.member_id}`,
        name: m.name,
        to: member(m.member_id),
        date: reminderDate(m.date),
        when: `党龄 ${m.years} 年`,
        note: m.note,
        tone: 'grey',
      })),
    },
    {
      kind: 'fifty_year_medal',
      title: '光荣在党50年纪念章',
      rows: r.fifty_year_medal.map((m) => ({
        key: `md-${m.member_id}`,
        name: m.name,
        to: member(m.member_id),
        date: formatDate(m.cutoff),
        when: `党龄 ${m.standing_years} 年`,
        note: m.note,
        tone: 'grey',
      })),
    },
    {
      kind: 'quarter_political_birthdays',
      title: '本季度政治生日',
      rows: r.quarter_political_birthdays.map((b) => ({
        key: `qb-${b.member_id}`,
        name: b.name,
        to: member(b.member_id),
        date: reminderDate(b.date, b.day_known),
        when: `入党 ${b.years} 周年`,
        note: b.note,
        tone: 'grey',
      })),
    },
    // ---- 流动党员 (core: mobile/rules.rs) ----
    {
      kind: 'mobile_no_contact',
      title: '流动党员长期未联系',
      rows: (r.mobile_no_contact ?? []).map((m) => ({
        key: `mn-${m.member_id}`,
        name: m.name,
        to: '/mobile',
        date: `${formatDate(m.since)}起`,
        when: `${m.days} 天未联系`,
        note: m.note,
        tone: 'orange',
      })),
    },
    {
      kind: 'mobile_should_transfer',
      title: '流动党员应转移组织关系',
      rows: (r.mobile_should_transfer ?? []).map((m) => ({
        key: `mtr-${m.member_id}`,
        name: m.name,
        to: member(m.member_id),
        date: `${formatDate(m.left_on)}外出`,
        when: '满 6 个月',
        note: m.note,
        tone: 'orange',
      })),
    },
    {
      kind: 'mobile_homecoming',
      title: '返乡流动党员座谈',
      rows: (r.mobile_homecoming ?? []).map((m, i) => ({
        key: `mh-${i}`,
        name: `外出党员 ${m.names.length} 名`,
        to: '/mobile',
        date: '腊月十五至正月十五',
        when: '春节前后',
        note: m.note,
        tone: 'orange',
      })),
    },
    // 关怀帮扶 (docs/DOMAIN.md §9).
    {
      kind: 'care_review_due',
      title: '困难党员待复核',
      rows: (r.care_review_due ?? []).map((c) => ({
        key: `cr-${c.id}`,
        name: c.name,
        to: '/care',
        date: formatDate(c.review_due),
        when: '已满复核期',
        note: `${c.category_label}，最近复核：${c.reviewed_on ? formatDate(c.reviewed_on) : '未复核'}`,
        tone: 'orange',
      })),
    },
    {
      kind: 'visit_list',
      title: r.visit_list
        ? `${r.visit_list.title}（已走访 ${r.visit_list.visited} / ${r.visit_list.total} 人）`
        : '慰问名单',
      rows: (r.visit_list?.entries ?? []).map((e) => ({
        key: `vl-${e.member_id}`,
        name: e.name,
        to: '/care',
        date: r.visit_list ? `${formatDate(r.visit_list.start)}至${formatDate(r.visit_list.end)}` : '',
        when: '未走访',
        note: e.reasons.join('、'),
        tone: 'orange',
      })),
    },
    // 学时 (docs/DOMAIN.md §9.5): from 1 October.
    {
      kind: 'study',
      title: '学时未达进度',
      rows: (r.study ?? []).map((s) => ({
        key: `st-${s.kind}-${s.member_id}`,
        name: s.name,
        to: '/study',
        date: '',
        when: s.kind === 'short' ? '学时不足' : '缺集中培训',
        note: s.note,
        tone: 'orange',
      })),
    },
  ]
}

export interface ReminderCard {
  key: string
  kind: ReminderKind
  title: string
  count: number
  tone: Tone
}

export interface ReminderCardRows {
  /** 要办的: overdue or serious. */
  urgent: ReminderCard[]
  /** 即将到来. */
  soon: ReminderCard[]
  /** 留意: for information. */
  other: ReminderCard[]
}

/** The count cards above the groups; only those with something to count. */
export function reminderCards(r: Reminders): ReminderCardRows {
  const card = (key: string, kind: ReminderKind, title: string, count: number, tone: Tone): ReminderCard[] =>
    count > 0 ? [{ key, kind, title, count, tone }] : []
  const probationOverdue = r.probation_ending.filter((p) => p.overdue).length
  const arrearsFlag = r.arrears.filter((a) => a.level === 'flag').length
  const missed = r.meetings_due.filter((m) => m.state === 'missed').length
  const termOver = r.term_ending.filter((t) => t.days_until < 0).length
  return {
    urgent: [
      ...card('probation-overdue', 'probation_ending', '预备期已满未转正', probationOverdue, 'red'),
      ...card('arrears-flag', 'arrears', '欠交党费（严重）', arrearsFlag, 'red'),
      ...card('meetings-missed', 'meetings_due', '会议已过期未开', missed, 'red'),
      ...card('term-over', 'term_ending', '任期已届满', termOver, 'red'),
    ],
    soon: [
      ...card('birthdays', 'political_birthdays', '政治生日', r.political_birthdays.length, 'orange'),
      ...card('probation-soon', 'probation_ending', '转正', r.probation_ending.length - probationOverdue, 'orange'),
      ...card('arrears-warn', 'arrears', '欠交（提醒）', r.arrears.length - arrearsFlag, 'orange'),
      ...card('meetings-due', 'meetings_due', '本期待开会议', r.meetings_due.length - missed, 'orange'),
      ...card('term-soon', 'term_ending', '换届', r.term_ending.length - termOver, 'orange'),
      // 流动党员
      ...card('mobile-no-contact', 'mobile_no_contact', '流动党员未联系', r.mobile_no_contact?.length ?? 0, 'orange'),
      ...card('mobile-transfer', 'mobile_should_transfer', '流动党员应转关系', r.mobile_should_transfer?.length ?? 0, 'orange'),
      ...card('mobile-homecoming', 'mobile_homecoming', '返乡座谈', r.mobile_homecoming?.length ?? 0, 'orange'),
    ],
    other: [
      ...card('lost-contact', 'lost_contact', '长期未参加组织生活', r.lost_contact.length, 'grey'),
      ...card('no-meetings', 'no_meetings', '6个月未参加组织生活', r.no_meetings?.length ?? 0, 'grey'),
      ...card('may-suspend', 'may_suspend', '可停止党籍', r.may_suspend?.length ?? 0, 'grey'),
      ...card('may-strike-off', 'may_strike_off', '可除名', r.may_strike_off?.length ?? 0, 'grey'),
      ...card('milestones', 'milestones', '党龄满整十年', r.milestones.length, 'grey'),
      ...card('medal', 'fifty_year_medal', '光荣在党50年', r.fifty_year_medal.length, 'grey'),
      ...card('quarter', 'quarter_political_birthdays', '本季度政治生日', r.quarter_political_birthdays.length, 'grey'),
      ...card('care-review', 'care_review_due', '困难党员待复核', r.care_review_due?.length ?? 0, 'grey'),
      ...card('visit-list', 'visit_list', '慰问名单未走访', r.visit_list?.entries.length ?? 0, 'grey'),
      ...card('study', 'study', '学时未达进度', r.study?.length ?? 0, 'grey'),
    ],
  }
}
