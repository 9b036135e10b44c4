import { describe, expect, it } from 'vitest'
import { appInfo, fakeCore, mountApp, pickOption, settle } from './helpers'

const WORKBOOK = {
  path: 'C:\\Users\\zhibu\\AppData\\Roaming\\zhibu\\导出\\2026年支部台账.xlsx',
  size: 48 * 1024,
  sheets: ['花名册', '组织生活', '党费收缴'],
}

describe('台账与公示', () => {
  it('is reachable from the navigation', async () => {
    fakeCore((cmd) => {
      if (cmd === 'app_info') return appInfo()
      throw { code: 'unexpected', message: cmd }
    })
    const { wrapper, router } = await mountApp('/ledger')
    expect(wrapper.find('[data-testid=ledger-page]').exists()).toBe(true)
    expect(router.currentRoute.value.meta.nav).toBe('ledger')
    expect(wrapper.get('[data-testid=nav-ledger]').classes()).toContain('active')
  })

  it('exports the year chosen and shows where the file went', async () => {
    const calls = fakeCore((cmd) => {
      if (cmd === 'app_info') return appInfo()
      if (cmd === 'workbook_export') return WORKBOOK
      throw { code: 'unexpected', message: cmd }
    })
    const { wrapper } = await mountApp('/ledger')
    expect(wrapper.get('[data-testid=ledger-year]').text()).toContain('2026年')
    expect(wrapper.find('[data-testid=export-result]').exists()).toBe(false)

    await pickOption(wrapper, '[data-testid=ledger-year]', '2025年')
    await wrapper.get('[data-testid=export-workbook]').trigger('click')
    await settle()

    const exports = calls.filter((c) => c.cmd === 'workbook_export')
    expect(exports).toHaveLength(1)
    expect(exports[0].args).toEqual({ year: 2025 })
    const result = wrapper.get('[data-testid=export-result]')
    expect(result.text()).toContain('已导出到：')
    expect(wrapper.get('[data-testid=export-path]').text()).toBe(WORKBOOK.path)
    expect(result.text()).toContain('48 KB')
    expect(wrapper.get('[data-testid=export-sheets]').findAll('li').map((l) => l.text())).toEqual(WORKBOOK.sheets)
    expect(wrapper.text()).toContain('花名册含身份证号和电话，属内部资料，请妥善保管。')
  })

  it('does not start a second export while one is running', async () => {
    let finish: (v: unknown) => void = () => {}
    const calls = fakeCore((cmd) => {
      if (cmd === 'app_info') return appInfo()
      if (cmd === 'workbook_export') return new Promise((r) => (finish = r))
      throw { code: 'unexpected', message: cmd }
    })
    const { wrapper } = await mountApp('/ledger')
    const button = wrapper.get('[data-testid=export-workbook]')
    await button.trigger('click')
    await settle()
    expect(button.attributes('disabled')).toBeDefined()
    expect(button.classes()).toContain('is-loading')
    ;(button.element as HTMLButtonElement).click()
    await button.trigger('click')
    await settle()
    expect(calls.filter((c) => c.cmd === 'workbook_export')).toHaveLength(1)

    finish(WORKBOOK)
    await settle()
    expect(wrapper.get('[data-testid=export-path]').text()).toBe(WORKBOOK.path)
    expect(button.attributes('disabled')).toBeUndefined()
  })

  it('shows the message of a refused export', async () => {
    fakeCore((cmd) => {
      if (cmd === 'app_info') return appInfo()
      if (cmd === 'workbook_export') throw { code: 'io', message: '导出文件夹无法写入，请检查磁盘空间。' }
      throw { code: 'unexpected', message: cmd }
    })
    const { wrapper } = await mountApp('/ledger')
    await wrapper.get('[data-testid=export-workbook]').trigger('click')
    await settle()
    const alert = wrapper.get('[data-testid=export-error]')
    expect(alert.find('.el-alert--error').exists() || alert.classes().includes('el-alert--error')).toBe(true)
    expect(alert.text()).toContain('导出文件夹无法写入，请检查磁盘空间。')
    expect(wrapper.find('[data-testid=export-result]').exists()).toBe(false)
  })

  it('exports the 党费公示 of the whole year and links to the 公示 pages', async () => {
    const calls = fakeCore((cmd) => {
      if (cmd === 'app_info') return appInfo()
      if (cmd === 'notice_export') return { path: 'D:\\导出\\2026年党费公示.xlsx', size: 9000 }
      throw { code: 'unexpected', message: cmd }
    })
    const { wrapper, router } = await mountApp('/ledger')
    await wrapper.get('[data-testid=export-notice]').trigger('click')
    await settle()
    expect(calls.find((c) => c.cmd === 'notice_export')!.args).toEqual({ year: 2026, quarter: null, month: null })
    expect(wrapper.get('[data-testid=notice-export-path]').text()).toBe('D:\\导出\\2026年党费公示.xlsx')

    await wrapper.get('[data-testid=link-birthdays]').trigger('click')
    await settle()
    expect(router.currentRoute.value.path).toBe('/reminders/birthdays')
  })
})
