import { describe, expect, it } from 'vitest'
import { appInfo, fakeCore, mountApp, row, settle, testChoices, testGroups } from './helpers'
import { noReminders } from './reminderFixtures'

describe('首页', () => {
  it('offers her own roster first on an empty branch: 导入花名册 and 添加党员 are the red buttons, the demo a plain one', async () => {
    fakeCore((cmd) => {
      if (cmd === 'app_info') return appInfo({ member_count: 0 })
      if (cmd === 'choices') return testChoices
      if (cmd === 'group_list') return testGroups
      throw { code: 'unexpected', message: cmd }
    })
    const { wrapper, router } = await mountApp('/')
    expect(wrapper.get('[data-testid=empty-card]').text()).toContain('这里还没有党员档案')
    const primary = wrapper.findAll('[data-testid=empty-card] .el-button--primary').map((b) => b.text())
    expect(primary).toEqual(['导入花名册', '添加党员'])
    expect(wrapper.get('[data-testid=load-demo]').classes()).not.toContain('el-button--primary')
    expect(wrapper.get('[data-testid=demo-offer]').text()).toContain('虚构的人员，只用来熟悉程序')
    expect(wrapper.get('[data-testid=data-dir]').text()).toContain('/home/user/.local/share/zhibu')
    expect(wrapper.get('[data-testid=branch-name]').text()).toBe('中共示例村支部委员会')
    expect(wrapper.find('[data-testid=demo-banner]').exists()).toBe(false)

    await wrapper.get('[data-testid=import-roster]').trigger('click')
    await settle()
    expect(router.currentRoute.value.path).toBe('/members/import')
    await router.push('/')
    await settle()
    await wrapper.get('[data-testid=add-first]').trigger('click')
    await settle()
    expect(router.currentRoute.value.path).toBe('/members/new')
  })

  it('asks before loading the demo, loads nothing on 不载入, and loads it on 载入', async () => {
    let loaded = false
    const calls = fakeCore((cmd) => {
      if (cmd === 'app_info')
        return loaded
          ? appInfo({ member_count: 12, demo: { loaded: true, clearable: true } })
          : appInfo({ member_count: 0 })
      if (cmd === 'demo_load') {
        loaded = true
        return { members: 12 }
      }
      if (cmd === 'choices') return testChoices
      if (cmd === 'group_list') return testGroups
      if (cmd === 'member_list') return [row({})]
      throw { code: 'unexpected', message: cmd }
    })
    const { wrapper, router } = await mountApp('/')
    const answer = async (label: string) => {
      const box = document.querySelector('.el-message-box') as HTMLElement
      expect(box.textContent).toContain('姓名、身份证号均为虚构')
      expect(box.textContent).toContain('清除示例数据')
      Array.from(box.querySelectorAll('button'))
        .find((b) => b.textContent?.trim() === label)!
        .click()
      await settle(50)
    }

    await wrapper.get('[data-testid=load-demo]').trigger('click')
    await settle(50)
    expect(calls.some((c) => c.cmd === 'demo_load')).toBe(false)
    await answer('不载入')
    expect(calls.some((c) => c.cmd === 'demo_load')).toBe(false)
    expect(router.currentRoute.value.path).toBe('/')

    await wrapper.get('[data-testid=load-demo]').trigger('click')
    await settle(50)
    await answer('载入')
    expect(calls.filter((c) => c.cmd === 'demo_load')).toHaveLength(1)
    // an empty branch has nothing to remind of: the core is not asked
    expect(calls.some((c) => c.cmd === 'reminders')).toBe(false)
    expect(router.currentRoute.value.path).toBe('/members')
    expect(wrapper.get('[data-testid=demo-banner]').text()).toContain('现在显示的是示例支部（虚构的人员）')
  })

  it('shows the demo banner on every page only while the core says the demo is here', async () => {
    let demo = { loaded: true, clearable: true }
    let readOnly = false
    fakeCore((cmd) => {
      if (cmd === 'app_info') return appInfo({ member_count: 12, demo, read_only: readOnly })
      if (cmd === 'group_list') return testGroups
      if (cmd === 'member_list') return [row({})]
      if (cmd === 'reminders') return noReminders()
      throw { code: 'unexpected', message: cmd }
    })
    const { wrapper, router } = await mountApp('/members')
    const banner = wrapper.get('[data-testid=demo-banner]')
    expect(banner.text()).toContain('现在显示的是示例支部（虚构的人员）')
    expect(banner.classes()).toContain('no-print')
    expect(banner.get('[data-testid=demo-clear]').text()).toBe('清除示例数据')

    demo = { loaded: true, clearable: false }
    await router.push('/')
    await settle()
    expect(wrapper.get('[data-testid=demo-banner]').text()).toContain('不能一键清除')
    expect(wrapper.find('[data-testid=demo-clear]').exists()).toBe(false)

    demo = { loaded: true, clearable: true }
    readOnly = true
    await router.push('/members')
    await settle()
    expect(wrapper.get('[data-testid=demo-banner]').text()).toContain('现在显示的是示例支部')
    expect(wrapper.find('[data-testid=demo-clear]').exists()).toBe(false)

    demo = { loaded: false, clearable: false }
    readOnly = false
    await router.push('/')
    await settle()
    expect(wrapper.find('[data-testid=demo-banner]').exists()).toBe(false)
  })

  it('清除示例数据 asks first, then the core clears and 首页 offers the empty branch again', async () => {
    let cleared = false
    const calls = fakeCore((cmd) => {
      if (cmd === 'app_info')
        return cleared
          ? appInfo({ member_count: 0 })
          : appInfo({ member_count: 12, demo: { loaded: true, clearable: true } })
      if (cmd === 'demo_clear') {
        cleared = true
        return { backup: '/home/user/.local/share/zhibu/备份/清除示例前_20261127-100000.sqlite3' }
      }
      if (cmd === 'group_list') return testGroups
      if (cmd === 'member_list') return [row({})]
      if (cmd === 'reminders') return noReminders()
      throw { code: 'unexpected', message: cmd }
    })
    const { wrapper, router } = await mountApp('/members')
    const answer = async (label: string) => {
      const box = document.querySelector('.el-message-box') as HTMLElement
      expect(box.textContent).toContain('清除前会自动备份')
      Array.from(box.querySelectorAll('button'))
        .find((b) => b.textContent?.trim() === label)!
        .click()
      await settle(50)
    }
    await wrapper.get('[data-testid=demo-clear]').trigger('click')
    await settle(50)
    await answer('不清除')
    expect(calls.some((c) => c.cmd === 'demo_clear')).toBe(false)
    expect(wrapper.find('[data-testid=demo-banner]').exists()).toBe(true)

    await wrapper.get('[data-testid=demo-clear]').trigger('click')
    await settle(50)
    await answer('清除')
    expect(calls.filter((c) => c.cmd === 'demo_clear')).toHaveLength(1)
    expect(router.currentRoute.value.path).toBe('/')
    expect(wrapper.find('[data-testid=demo-banner]').exists()).toBe(false)
    expect(wrapper.get('[data-testid=empty-card]').text()).toContain('这里还没有党员档案')
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
