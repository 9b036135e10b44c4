// Answers of a fake core for 今日提醒 and the 政治生日 print pages.
import { appInfo, fakeCore } from './helpers'
import type { Reminders } from '../src/api'
import remindersJson from './fixtures/reminders.json'

/** The demo's answer to `reminders` on 2026-11-27 (fixtures/, from src-tauri/src/fixtures.rs), a fresh copy. */
export function demoReminders(): Reminders {
  return JSON.parse(JSON.stringify(remindersJson)) as Reminders
}

/** The demo's answer with every list emptied: nothing to remind of. */
export function noReminders(over: Partial<Reminders> = {}): Reminders {
  const r = demoReminders()
  const empty = Object.fromEntries(Object.entries(r).filter(([, v]) => Array.isArray(v)).map(([k]) => [k, []]))
  return { ...r, ...empty, ...over }
}

/**
 * Something of every kind, as the core would answer on 2026-11-27. Written by
 * hand on the demo's shape (noReminders): the demo has no lost contact, no
 * 可停止党籍 or 可除名, no 50-year medal, no overdue probation, no missed
 * meeting and no month-only political birthday, which these tests need.
 */
export function someReminders(): Reminders {
  return noReminders({
    political_birthdays: [
      { member_id: 3, name: '王五', date: '2026-12-01', day_known: true, admitted_on: '1985-12-01', years: 41, days_until: 4, note: '入党 41 周年' },
      { member_id: 8, name: '周八', date: '2026-12', day_known: false, admitted_on: '1990-12', years: 36, days_until: null, note: '入党 36 周年（只记到月份，具体日期不详）' },
    ],
    quarter_political_birthdays: [
      { member_id: 11, name: '吴十一', date: '2026-10-15', day_known: true, admitted_on: '1976-10-15', years: 50, days_until: -43, note: '入党 50 周年' },
      { member_id: 3, name: '王五', date: '2026-12-01', day_known: true, admitted_on: '1985-12-01', years: 41, days_until: 4, note: '入党 41 周年' },
      { member_id: 8, name: '周八', date: '2026-12', day_known: false, admitted_on: '1990-12', years: 36, days_until: null, note: '入党 36 周年（只记到月份，具体日期不详）' },
    ],
    milestones: [{ member_id: 12, name: '郑十二', years: 30, date: '2026-03-01', note: '今年党龄满 30 年' }],
    fifty_year_medal: [
      { member_id: 13, name: '冯十三', full_member_on: '1977-05-01', standing_years: 50, cutoff: '2027-07-01', note: '到 2027年7月1日 党龄满 50 年，可申报“光荣在党50年”纪念章' },
    ],
    probation_ending: [
      { member_id: 21, name: '陈二一', admitted_on: '2025-10-10', due: '2026-10-10', overdue: true, days_until: -48, note: '预备期已满（2026年10月10日），还未讨论转正，请及时召开支部大会讨论' },
      { member_id: 22, name: '褚二二', admitted_on: '2025-12-15', due: '2026-12-15', overdue: false, days_until: 18, note: '预备期将于 2026年12月15日 满一年，请准备转正程序' },
    ],
    term_ending: [
      { term_start: '2021-11-01', term_end: '2026-11-01', days_until: -26, note: '本届支委任期已于 2026年11月1日 届满，请向上级党组织报告并按期换届' },
    ],
    lost_contact: [
      { member_id: 31, name: '卫三一', last_attended: '2025-12-05', last_paid: null, note: '6 个月以上没有参加组织生活、没有交党费：请核实情况，需要时标记为失联' },
    ],
    no_meetings: [
      { member_id: 32, name: '蒋三二', last_attended: '2026-03-10', last_paid: '2026-10-15', note: '已 8 个月没有参加组织生活，请谈心谈话、了解情况' },
    ],
    may_suspend: [
      { member_id: 33, name: '沈三三', last_attended: null, last_paid: '2025-11-20', note: '失联已满 6 个月，经支部大会讨论可停止其党籍' },
    ],
    may_strike_off: [
      { member_id: 34, name: '韩三四', last_attended: null, last_paid: null, note: '停止党籍已满 2 年，仍无法取得联系的，可予以除名' },
    ],
    arrears: [
      { member_id: 5, name: '孙七', months: 6, from: '2026-05', to: '2026-10', owed_fen: 31200, level: 'flag', message: '孙七已连续 6 个月未交党费' },
      { member_id: 2, name: '李四', months: 4, from: '2026-07', to: '2026-10', owed_fen: 200, level: 'warn', message: '李四已连续 4 个月未交党费' },
    ],
    meetings_due: [
      { kind: 'assembly', kind_label: '支部党员大会', period: '2026-Q3', label: '第三季度', state: 'missed', note: '第三季度未召开支部党员大会（已过期）' },
      { kind: 'committee', kind_label: '支委会', period: '2026-11', label: '11月', state: 'due', note: '11月尚未召开支委会' },
    ],
  })
}

/** A fake core with a branch of `members` members and these reminders. */
export function reminderCore(r: Reminders, members = 23, branchName = '中共示例村支部委员会') {
  return fakeCore((cmd) => {
    if (cmd === 'app_info')
      return appInfo({ member_count: members, branch: { name: branchName, higher_committee: '', secretary: '', term_start: null, records_from: null } })
    if (cmd === 'reminders') return r
    throw { code: 'unexpected', message: cmd }
  })
}
