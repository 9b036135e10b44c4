import { describe, expect, it, vi } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { appInfo, fakeCore, mountApp, settle } from './helpers'
import { demoReminders, noReminders, reminderCore, someReminders } from './reminderFixtures'
import { reminderDate } from '../src/reminders'

function group(wrapper: VueWrapper, kind: string) {
  return wrapper.get(`[data-testid=reminder-group][data-kind=${kind}]`)
}
function items(wrapper: VueWrapper, kind: string) {
  return group(wrapper, kind).findAll('[data-testid=reminder-item]')
}

describe('首页 今日提醒', () => {
  it('shows a count for every group that has something, in the core’s order', async () => {
    const calls = reminderCore(someReminders())
    const { wrapper } = await mountApp('/')
    expect(calls.filter((c) => c.cmd === 'reminders')).toHaveLength(1)
    const box = wrapper.get('[data-testid=reminders]')
    expect(box.text()).toContain('今日提醒')
    expect(box.find('[data-testid=reminders-none]').exists()).toBe(false)

    const groups = box.findAll('[data-testid=reminder-group]')
    expect(groups.map((g) => g.attributes('data-kind'))).toEqual([
      'political_birthdays',
      'probation_ending',
      'arrears',
      'meetings_due',
      'term_ending',
      'lost_contact',
      'no_meetings',
      'may_suspend',
      'may_strike_off',
      'milestones',
      'fifty_year_medal',
      'quarter_political_birthdays',
    ])
    const count = (kind: string) => group(wrapper, kind).get('[data-testid=reminder-count]').text()
    expect(count('political_birthdays')).toBe('2')
    expect(count('quarter_political_birthdays')).toBe('3')
    expect(count('arrears')).toBe('2')
    expect(count('term_ending')).toBe('1')
    expect(items(wrapper, 'political_birthdays')).toHaveLength(2)
    expect(items(wrapper, 'quarter_political_birthdays')).toHaveLength(3)
  })

  it('draws the demo branch’s answer as the core gives it', async () => {
    reminderCore(demoReminders(), 42)
    const { wrapper } = await mountApp('/')
    const count = (kind: string) => group(wrapper, kind).get('[data-testid=reminder-count]').text()
    expect(count('political_birthdays')).toBe('3')
    expect(count('quarter_political_birthdays')).toBe('8')
    expect(count('no_meetings')).toBe('2')
    const href = (kind: string, i = 0) => items(wrapper, kind)[i].get('[data-testid=reminder-link]').attributes('href')
    expect(href('political_birthdays')).toBe('/members/23')
    expect(href('probation_ending')).toBe('/members/4')
    expect(href('arrears')).toBe('/dues/member/15')
    expect(href('meetings_due', 1)).toBe('/meetings/new?kind=review')
    const [flag, warn] = items(wrapper, 'arrears')
    expect(flag.attributes('data-tone')).toBe('red')
    expect(flag.get('[data-testid=reminder-date]').text()).toBe('2026年1月至2026年10月')
    expect(warn.attributes('data-tone')).toBe('orange')
    expect(items(wrapper, 'term_ending')[0].get('[data-testid=reminder-date]').text()).toBe('2026年10月15日')
  })

  it('puts what must be done first in the count cards, then what is coming', async () => {
    reminderCore(someReminders())
    const { wrapper } = await mountApp('/')
    const row = (key: string) =>
      wrapper
        .get(`[data-testid=reminder-cards] [data-row=${key}]`)
        .findAll('[data-testid=reminder-card]')
        .map((c) => [c.attributes('data-card'), c.get('[data-testid=reminder-card-count]').text(), c.text()])
    expect(row('urgent')).toEqual([
      ['probation-overdue', '1', '1预备期已满未转正'],
      ['arrears-flag', '1', '1欠交党费（严重）'],
      ['meetings-missed', '1', '1会议已过期未开'],
      ['term-over', '1', '1任期已届满'],
    ])
    expect(row('soon').map((c) => [c[0], c[1]])).toEqual([
      ['birthdays', '2'],
      ['probation-soon', '1'],
      ['arrears-warn', '1'],
      ['meetings-due', '1'],
    ])
    const rows = wrapper.findAll('[data-testid=reminder-cards] [data-row]').map((r) => r.attributes('data-row'))
    expect(rows).toEqual(['urgent', 'soon', 'other'])

    // a card takes you to its group
    const scroll = vi.spyOn(Element.prototype, 'scrollIntoView')
    await wrapper.get('[data-testid=reminder-card][data-card=arrears-warn]').trigger('click')
    expect(scroll).toHaveBeenCalledTimes(1)
    expect((scroll.mock.contexts[0] as HTMLElement).dataset.kind).toBe('arrears')
    scroll.mockRestore()
  })

  it('shows no card for a group without items, and no 要办的 row when nothing is overdue', async () => {
    const r = someReminders()
    reminderCore(
      noReminders({
        political_birthdays: r.political_birthdays,
        arrears: r.arrears.filter((a) => a.level === 'warn'),
      }),
    )
    const { wrapper } = await mountApp('/')
    expect(wrapper.find('[data-testid=reminder-cards] [data-row=urgent]').exists()).toBe(false)
    expect(wrapper.findAll('[data-testid=reminder-card]').map((c) => c.attributes('data-card'))).toEqual([
      'birthdays',
      'arrears-warn',
    ])
    expect(wrapper.findAll('[data-testid=reminder-group]').map((g) => g.attributes('data-kind'))).toEqual([
      'political_birthdays',
      'arrears',
    ])
  })

  it('links each item to its record', async () => {
    reminderCore(someReminders())
    const { wrapper, router } = await mountApp('/')
    const href = (kind: string, i = 0) => items(wrapper, kind)[i].get('[data-testid=reminder-link]').attributes('href')
    expect(href('political_birthdays')).toBe('/members/3')
    expect(href('probation_ending', 1)).toBe('/members/22')
    expect(href('arrears')).toBe('/dues/member/5')
    expect(href('arrears', 1)).toBe('/dues/member/2')
    expect(href('meetings_due')).toBe('/meetings/new?kind=assembly')
    expect(href('meetings_due', 1)).toBe('/meetings/new?kind=committee')
    expect(href('term_ending')).toBe('/settings')
    expect(href('lost_contact')).toBe('/members/31')
    expect(href('milestones')).toBe('/members/12')
    expect(href('fifty_year_medal')).toBe('/members/13')

    expect(items(wrapper, 'meetings_due')[0].get('[data-testid=reminder-link]').text()).toBe('支部党员大会')
    await items(wrapper, 'arrears')[0].get('[data-testid=reminder-link]').trigger('click')
    await settle()
    expect(router.currentRoute.value.path).toBe('/dues/member/5')
  })

  it('writes dates in Chinese, says 日期不详 for a month-only date, and colours by urgency', async () => {
    reminderCore(someReminders())
    const { wrapper } = await mountApp('/')
    const [known, monthOnly] = items(wrapper, 'political_birthdays')
    expect(known.get('[data-testid=reminder-date]').text()).toBe('2026年12月1日')
    expect(known.get('[data-testid=reminder-when]').text()).toBe('还有 4 天')
    expect(known.get('[data-testid=reminder-note]').text()).toBe('入党 41 周年')
    expect(monthOnly.get('[data-testid=reminder-date]').text()).toBe('2026年12月（日期不详）')
    expect(monthOnly.get('[data-testid=reminder-link]').text()).toBe('周八')

    const [flag, warn] = items(wrapper, 'arrears')
    expect(flag.attributes('data-tone')).toBe('red')
    expect(flag.classes()).toContain('tone-red')
    expect(flag.get('[data-testid=reminder-note]').text()).toBe('孙七已连续 6 个月未交党费')
    expect(flag.get('[data-testid=reminder-date]').text()).toBe('2026年5月至2026年10月')
    expect(flag.get('[data-testid=reminder-when]').text()).toContain('312.00')
    expect(warn.attributes('data-tone')).toBe('orange')

    const [overdue, soon] = items(wrapper, 'probation_ending')
    expect(overdue.attributes('data-tone')).toBe('red')
    expect(overdue.get('[data-testid=reminder-date]').text()).toBe('2026年10月10日')
    expect(soon.attributes('data-tone')).toBe('orange')
    expect(items(wrapper, 'meetings_due').map((i) => i.attributes('data-tone'))).toEqual(['red', 'orange'])
    expect(items(wrapper, 'meetings_due')[0].get('[data-testid=reminder-date]').text()).toBe('2026年第三季度')
    expect(items(wrapper, 'term_ending')[0].attributes('data-tone')).toBe('red')
    expect(items(wrapper, 'term_ending')[0].get('[data-testid=reminder-date]').text()).toBe('2026年11月1日')
    expect(items(wrapper, 'milestones')[0].attributes('data-tone')).toBe('grey')
  })

  it('shows 未参加组织生活, 可停止党籍 and 可除名 like 长期未参加, each linking to the member', async () => {
    reminderCore(someReminders())
    const { wrapper } = await mountApp('/')
    const title = (kind: string) => group(wrapper, kind).get('.reminder-group-title').text()
    expect(title('no_meetings')).toBe('6 个月以上未参加组织生活')
    expect(title('may_suspend')).toBe('失联满 6 个月，可停止党籍')
    expect(title('may_strike_off')).toBe('停止党籍满 2 年，可除名')
    const only = (kind: string) => {
      const list = items(wrapper, kind)
      expect(list).toHaveLength(1)
      return list[0]
    }
    const noMeetings = only('no_meetings')
    expect(noMeetings.get('[data-testid=reminder-link]').attributes('href')).toBe('/members/32')
    expect(noMeetings.get('[data-testid=reminder-link]').text()).toBe('蒋三二')
    expect(noMeetings.get('[data-testid=reminder-date]').text()).toBe('最近参会：2026年3月10日\n最近交费：2026年10月15日')
    expect(noMeetings.get('[data-testid=reminder-note]').text()).toContain('已 8 个月没有参加组织生活')
    expect(noMeetings.attributes('data-tone')).toBe('grey')
    const suspend = only('may_suspend')
    expect(suspend.get('[data-testid=reminder-link]').attributes('href')).toBe('/members/33')
    expect(suspend.get('[data-testid=reminder-date]').text()).toContain('最近参会：无记录')
    expect(only('may_strike_off').get('[data-testid=reminder-link]').attributes('href')).toBe('/members/34')

    const other = wrapper
      .get('[data-testid=reminder-cards] [data-row=other]')
      .findAll('[data-testid=reminder-card]')
      .map((c) => c.attributes('data-card'))
    expect(other).toEqual(['lost-contact', 'no-meetings', 'may-suspend', 'may-strike-off', 'milestones', 'medal', 'quarter'])
  })

  it('says so calmly when there is nothing to remind of', async () => {
    reminderCore(noReminders())
    const { wrapper } = await mountApp('/')
    expect(wrapper.get('[data-testid=reminders-none]').text()).toBe('今天没有需要提醒的事项')
    expect(wrapper.find('[data-testid=reminder-group]').exists()).toBe(false)
    expect(wrapper.find('[data-testid=reminder-card]').exists()).toBe(false)
    expect(wrapper.find('[data-testid=empty-card]').exists()).toBe(false)
  })

  it('still shows the empty-branch card, and no reminders, when there are no members', async () => {
    const calls = reminderCore(someReminders(), 0)
    const { wrapper } = await mountApp('/')
    expect(wrapper.get('[data-testid=empty-card]').text()).toContain('这里还没有党员档案')
    expect(wrapper.find('[data-testid=load-demo]').exists()).toBe(true)
    expect(wrapper.find('[data-testid=add-first]').exists()).toBe(true)
    expect(wrapper.find('[data-testid=reminders]').exists()).toBe(false)
    expect(wrapper.find('[data-testid=print-birthday-list]').exists()).toBe(false)
    expect(calls.some((c) => c.cmd === 'reminders')).toBe(false)
  })

  it('keeps the page when the reminders cannot be read, and says why', async () => {
    fakeCore((cmd) => {
      if (cmd === 'app_info') return appInfo({ member_count: 5 })
      throw { code: 'internal', message: '读取提醒时出错，请重新打开程序再试。' }
    })
    const { wrapper } = await mountApp('/')
    expect(wrapper.get('[data-testid=member-count]').text()).toContain('5')
    expect(wrapper.get('[data-testid=reminders-error]').text()).toContain('读取提醒时出错')
  })

  it('has 打印政治生日名单 as the main button', async () => {
    reminderCore(someReminders())
    const { wrapper, router } = await mountApp('/')
    const button = wrapper.get('.page-actions [data-testid=print-birthday-list]')
    expect(button.classes()).toContain('el-button--primary')
    expect(button.text()).toBe('打印政治生日名单')
    await button.trigger('click')
    await settle()
    expect(router.currentRoute.value.path).toBe('/reminders/birthdays')
  })
})

describe('政治生日名单', () => {
  it('lists the quarter’s political birthdays on A4, with a blank 活动形式 and the branch as 落款', async () => {
    const calls = reminderCore(someReminders())
    const print = vi.spyOn(window, 'print').mockImplementation(() => {})
    const { wrapper, router } = await mountApp('/reminders/birthdays')
    // app_info twice: the page's and the demo banner's (App.vue)
    expect([...new Set(calls.map((c) => c.cmd))].sort()).toEqual(['app_info', 'reminders'])

    const paper = wrapper.get('[data-testid=birthday-list]')
    expect(paper.get('[data-testid=birthday-list-title]').text()).toBe('2026年第四季度政治生日名单')
    expect(paper.findAll('thead th').map((th) => th.text())).toEqual([
      '序号', '姓名', '入党时间', '入党年数', '政治生日', '活动形式', '备注',
    ])
    const rows = paper.findAll('[data-testid=birthday-row]')
    expect(rows).toHaveLength(3)
    expect(rows[0].findAll('td').map((td) => td.text())).toEqual([
      '1', '吴十一', '1976年10月15日', '50', '2026年10月15日', '', '入党 50 周年',
    ])
    expect(rows[2].findAll('td').map((td) => td.text()).slice(0, 5)).toEqual([
      '3', '周八', '1990年12月', '36', '2026年12月（日期不详）',
    ])
    expect(paper.get('[data-testid=birthday-list-branch]').text()).toBe('中共示例村支部委员会')

    await wrapper.get('[data-testid=print-list]').trigger('click')
    expect(print).toHaveBeenCalledTimes(1)
    print.mockRestore()

    await wrapper.get('[data-testid=open-cards]').trigger('click')
    await settle()
    expect(router.currentRoute.value.path).toBe('/reminders/cards')
  })

  it('takes the quarter from today', async () => {
    reminderCore(noReminders({ today: '2027-02-03' }))
    const { wrapper } = await mountApp('/reminders/birthdays')
    expect(wrapper.get('[data-testid=birthday-list-title]').text()).toBe('2027年第一季度政治生日名单')
    expect(wrapper.findAll('[data-testid=birthday-row]')).toHaveLength(0)
    expect(wrapper.get('[data-testid=birthday-list-empty]').text()).toContain('本季度没有党员过政治生日')
  })
})

describe('政治生日贺卡', () => {
  it('makes one card per member of the quarter, two to a sheet', async () => {
    reminderCore(someReminders())
    const { wrapper } = await mountApp('/reminders/cards')
    const box = wrapper.get('[data-testid=birthday-cards]')
    const cards = box.findAll('[data-testid=birthday-card]')
    expect(cards).toHaveLength(3)
    const second = cards[1]
    expect(second.get('[data-testid=card-salute]').text()).toBe('王五同志：')
    expect(second.get('[data-testid=card-text]').text()).toBe(
      '在您入党 41 周年的政治生日之际，中共示例村支部委员会向您致以诚挚的祝贺！希望您不忘初心、牢记使命，继续发挥共产党员先锋模范作用。',
    )
    expect(second.get('[data-testid=card-admitted]').text()).toBe('入党时间：1985年12月1日')
    expect(second.get('[data-testid=card-sign]').text()).toBe('中共示例村支部委员会')
    expect(box.findAll('.card-sheet')).toHaveLength(2)
    expect(box.findAll('.cut-line')).toHaveLength(1)
  })
})

describe('reminderDate', () => {
  it('says 日期不详 when only the month is known', () => {
    expect(reminderDate('2026-12-20')).toBe('2026年12月20日')
    expect(reminderDate('2026-12')).toBe('2026年12月（日期不详）')
    expect(reminderDate('2026-12', false)).toBe('2026年12月（日期不详）')
    expect(reminderDate('2026-12-01', false)).toBe('2026年12月（日期不详）')
    expect(reminderDate(null)).toBe('—')
  })
})
