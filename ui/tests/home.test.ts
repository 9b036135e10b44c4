import { describe, expect, it } from 'vitest'
import { appInfo, fakeCore, mountApp, row, settle, testChoices, testGroups } from './helpers'
import { noReminders } from './reminderFixtures'

describe('首页', () => {
  it('offers 载入示例支部 when there are no members, and loads it', async () => {
    const calls = fakeCore((cmd) => {
      if (cmd === 'app_info') return appInfo({ member_count: 0 })
      if (cmd === 'demo_load') return { members: 12 }
      if (cmd === 'choices') return testChoices
      if (cmd === 'group_list') return testGroups
      if (cmd === 'member_list') return [row({})]
      throw { code: 'unexpected', message: cmd }
    })
    const { wrapper, router } = await mountApp('/')
    expect(wrapper.get('[data-testid=empty-card]').text()).toContain('这里还没有党员档案')
    expect(wrapper.get('[data-testid=load-demo]').text()).toBe('载入示例支部')
    expect(wrapper.get('[data-testid=add-first]').text()).toBe('添加第一位党员')
    expect(wrapper.get('[data-testid=data-dir]').text()).toContain('/home/user/.local/share/zhibu')
    expect(wrapper.get('[data-testid=branch-name]').text()).toBe('中共示例村支部委员会')

    await wrapper.get('[data-testid=load-demo]').trigger('click')
    await settle()
    // an empty branch has nothing to remind of: the core is not asked
    expect(calls.some((c) => c.cmd === 'reminders')).toBe(false)
    expect(wrapper.find('[data-testid=reminders]').exists()).toBe(false)
    expect(calls.some((c) => c.cmd === 'demo_load')).toBe(true)
    expect(router.currentRoute.value.path).toBe('/members')
  })

  it('hides 载入示例支部 when members exist', async () => {
    fakeCore((cmd) => {
      if (cmd === 'app_info') return appInfo({ member_count: 23 })
      if (cmd === 'reminders') return noReminders()
      throw { code: 'unexpected', message: cmd }
    })
    const { wrapper } = await mountApp('/')
    expect(wrapper.find('[data-testid=load-demo]').exists()).toBe(false)
    expect(wrapper.find('[data-testid=empty-card]').exists()).toBe(false)
    expect(wrapper.get('[data-testid=member-count]').text()).toContain('23')
  })

  it('says the branch is not filled in and links to 设置', async () => {
    fakeCore((cmd) => {
      if (cmd === 'app_info')
        return appInfo({ member_count: 3, branch: { name: '', higher_committee: '', secretary: '', term_start: null, records_from: null } })
      if (cmd === 'reminders') return noReminders()
      throw { code: 'unexpected', message: cmd }
    })
    const { wrapper } = await mountApp('/')
    expect(wrapper.get('[data-testid=branch-missing]').text()).toContain('尚未填写支部信息')
    expect(wrapper.get('[data-testid=go-settings]').attributes('href')).toContain('/settings')
  })

  it('shows every section as a link, none marked 后续版本', async () => {
    fakeCore((cmd) => {
      if (cmd === 'app_info') return appInfo({ member_count: 3 })
      if (cmd === 'reminders') return noReminders()
      throw { code: 'unexpected', message: cmd }
    })
    const { wrapper } = await mountApp('/')
    expect(wrapper.find('[aria-disabled=true].nav-item').exists()).toBe(false)
    expect(wrapper.get('nav').text()).not.toContain('后续版本')
    expect(wrapper.get('[data-testid=nav-archive]').element.tagName).toBe('A')
    expect(wrapper.get('[data-testid=nav-archive]').attributes('href')).toContain('/archive')
    expect(wrapper.get('[data-testid=nav-members]').element.tagName).toBe('A')
    expect(wrapper.get('[data-testid=nav-meetings]').element.tagName).toBe('A')
    expect(wrapper.get('[data-testid=nav-meetings]').attributes('href')).toContain('/meetings')
    expect(wrapper.get('[data-testid=nav-dues]').element.tagName).toBe('A')
    expect(wrapper.get('[data-testid=nav-dues]').attributes('href')).toContain('/dues')
    expect(wrapper.get('[data-testid=nav-dues]').text()).not.toContain('后续版本')
    expect(wrapper.get('[data-testid=nav-ledger]').element.tagName).toBe('A')
    expect(wrapper.get('[data-testid=nav-ledger]').attributes('href')).toContain('/ledger')
    expect(wrapper.get('[data-testid=nav-ledger]').text()).not.toContain('后续版本')
  })

  it('says when the data folder can only be read, and what to do', async () => {
    fakeCore((cmd) => {
      if (cmd === 'app_info') return appInfo({ member_count: 3, read_only: true })
      if (cmd === 'reminders') return noReminders()
      throw { code: 'unexpected', message: cmd }
    })
    const { wrapper } = await mountApp('/')
    expect(wrapper.get('[data-testid=read-only]').text()).toContain('只能查看，不能修改')
    expect(wrapper.get('[data-testid=read-only]').text()).toContain('复制到本机')
    expect(wrapper.get('[data-testid=member-count]').text()).toContain('3')
  })

  it('shows no read-only notice for an ordinary folder', async () => {
    fakeCore((cmd) => {
      if (cmd === 'app_info') return appInfo({ member_count: 3 })
      if (cmd === 'reminders') return noReminders()
      throw { code: 'unexpected', message: cmd }
    })
    const { wrapper } = await mountApp('/')
    expect(wrapper.find('[data-testid=read-only]').exists()).toBe(false)
  })
})
