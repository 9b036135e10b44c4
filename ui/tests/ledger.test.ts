import { describe, expect, it } from 'vitest'
import { appInfo, fakeCore, mountApp, pickOption, settle, unmountAll } from './helpers'

const WORKBOOK = {
  path: 'C:\\Users\\zhibu\\AppData\\Roaming\\zhibu\\导出\\2026年支部台账.xlsx',
  size: 48 * 1024,
  sheets: ['花名册', '组织生活', '党费收缴'],
}

/** As the core answers ledger_sheets: the workbook's sheets after its cover and contents. */
const LEDGER_SHEETS = [
  '党员花名册',
  '三会一课及主题党日记录台账',
  '组织生活会和民主评议台账',
  '谈心谈话记录',
  '党费收缴台账',
  '党费上缴记录',
  '政治生日台账',
  '组织关系转接台账',
]

describe('台账与公示', () => {
  it('is reachable from the navigation', async () => {
    fakeCore((cmd) => {
      if (cmd === 'app_info') return appInfo()
      if (cmd === 'ledger_sheets') return LEDGER_SHEETS
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
      if (cmd === 'ledger_sheets') return LEDGER_SHEETS
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
    expect(result.text()).toContain('已导出：')
    expect(result.get('[data-testid=export-file-name]').text()).toBe('2026年支部台账.xlsx')
    expect(result.get('[data-testid=export-folder]').text()).toBe('C:\\Users\\zhibu\\AppData\\Roaming\\zhibu\\导出')
    expect(result.text()).toContain('48 KB')
    expect(wrapper.get('[data-testid=export-sheets]').findAll('li').map((l) => l.text())).toEqual(WORKBOOK.sheets)
    expect(wrapper.text()).toContain('花名册含身份证号和电话，属内部资料，请妥善保管。')
  })

  it('does not start a second export while one is running', async () => {
    let finish: (v: unknown) => void = () => {}
    const calls = fakeCore((cmd) => {
      if (cmd === 'app_info') return appInfo()
      if (cmd === 'ledger_sheets') return LEDGER_SHEETS
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
    expect(wrapper.get('[data-testid=export-file-name]').text()).toBe('2026年支部台账.xlsx')
    expect(button.attributes('disabled')).toBeUndefined()
  })

  it('shows the message of a refused export', async () => {
    fakeCore((cmd) => {
      if (cmd === 'app_info') return appInfo()
      if (cmd === 'ledger_sheets') return LEDGER_SHEETS
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

  it('links to the four 公示 pages', async () => {
    const calls = fakeCore((cmd) => {
      if (cmd === 'app_info') return appInfo()
      if (cmd === 'ledger_sheets') return LEDGER_SHEETS
      throw { code: 'unexpected', message: cmd }
    })
    const { wrapper, router } = await mountApp('/ledger')
    expect(wrapper.find('[data-testid=export-notice]').exists()).toBe(false)
    const link = (key: string) => wrapper.get(`[data-testid=notice-link-${key}]`)
    expect(link('dues').text()).toContain('党费收缴情况公示')
    expect(link('review').text()).toContain('民主评议结果公示')
    expect(link('party-day').text()).toContain('主题党日活动预告')
    expect(link('general').text()).toContain('一般公示')
    expect(link('dues').attributes('href')).toContain('/dues/notice')
    expect(link('party-day').attributes('href')).toContain('/ledger/notice/party-day')
    expect(link('general').attributes('href')).toContain('/ledger/notice/general')
    // the review notice opens at the year chosen here
    await pickOption(wrapper, '[data-testid=ledger-year]', '2025年')
    expect(link('review').attributes('href')).toContain('/ledger/notice/review?year=2025')

    await link('general').trigger('click')
    await settle()
    expect(router.currentRoute.value.path).toBe('/ledger/notice/general')
    expect(calls.filter((c) => c.cmd.startsWith('notice_') && c.cmd !== 'notice_drafts')).toHaveLength(0)
  })

  it('exports one sheet of the year chosen from its row', async () => {
    let finish: (v: unknown) => void = () => {}
    const calls = fakeCore((cmd, args) => {
      if (cmd === 'app_info') return appInfo()
      if (cmd === 'ledger_sheets') return LEDGER_SHEETS
      if (cmd === 'sheet_export') {
        if (args.sheet === '党员花名册') throw { code: 'io', message: '导出文件夹无法写入，请检查磁盘空间。' }
        return new Promise((r) => (finish = r))
      }
      throw { code: 'unexpected', message: cmd }
    })
    const { wrapper } = await mountApp('/ledger')
    const rows = wrapper.findAll('[data-testid^=sheet-row-]')
    expect(rows.map((r) => r.attributes('data-testid'))).toEqual([
      'sheet-row-党员花名册',
      'sheet-row-三会一课及主题党日记录台账',
      'sheet-row-组织生活会和民主评议台账',
      'sheet-row-谈心谈话记录',
      'sheet-row-党费收缴台账',
      'sheet-row-党费上缴记录',
      'sheet-row-政治生日台账',
      'sheet-row-组织关系转接台账',
    ])
    await pickOption(wrapper, '[data-testid=ledger-year]', '2025年')
    const row = wrapper.get('[data-testid=sheet-row-党费收缴台账]')
    const button = row.get('[data-testid=export-sheet]')
    await button.trigger('click')
    await settle()
    expect(button.attributes('disabled')).toBeDefined()
    await button.trigger('click')
    await settle()
    expect(calls.filter((c) => c.cmd === 'sheet_export').map((c) => c.args)).toEqual([{ sheet: '党费收缴台账', year: 2025 }])

    finish({ path: 'D:\\导出\\2025年党费收缴台账.xlsx', size: 12 * 1024, sheets: ['党费收缴台账'] })
    await settle()
    expect(button.attributes('disabled')).toBeUndefined()
    expect(row.get('[data-testid=sheet-export-done] [data-testid=export-file-name]').text()).toBe('2025年党费收缴台账.xlsx')
    expect(row.text()).toContain('12 KB')
    // only that row says so
    expect(wrapper.findAll('[data-testid=sheet-export-done]')).toHaveLength(1)

    // a refusal is said in Chinese in its own row
    const roster = wrapper.get('[data-testid=sheet-row-党员花名册]')
    await roster.get('[data-testid=export-sheet]').trigger('click')
    await settle()
    expect(roster.get('[data-testid=sheet-export-error]').text()).toBe('导出文件夹无法写入，请检查磁盘空间。')
  })

  it('lists the sheets as the core names them, and says so when it could not read them', async () => {
    fakeCore((cmd) => {
      if (cmd === 'app_info') return appInfo()
      if (cmd === 'ledger_sheets') return ['党费收缴台账', '党员花名册']
      throw { code: 'unexpected', message: cmd }
    })
    let { wrapper } = await mountApp('/ledger')
    expect(wrapper.findAll('[data-testid^=sheet-row-]').map((r) => r.get('.sheet-name').text())).toEqual([
      '党费收缴台账',
      '党员花名册',
    ])
    expect(wrapper.find('[data-testid=sheets-error]').exists()).toBe(false)
    unmountAll()

    fakeCore((cmd) => {
      if (cmd === 'app_info') return appInfo()
      if (cmd === 'ledger_sheets') throw { code: 'io', message: '数据库无法读取' }
      throw { code: 'unexpected', message: cmd }
    })
    ;({ wrapper } = await mountApp('/ledger'))
    expect(wrapper.findAll('[data-testid^=sheet-row-]')).toHaveLength(0)
    expect(wrapper.get('[data-testid=sheets-error]').text()).toContain('数据库无法读取')
  })

  it('still links to the 政治生日名单', async () => {
    fakeCore((cmd) => {
      if (cmd === 'app_info') return appInfo()
      if (cmd === 'ledger_sheets') return LEDGER_SHEETS
      throw { code: 'unexpected', message: cmd }
    })
    const { wrapper, router } = await mountApp('/ledger')
    await wrapper.get('[data-testid=link-birthdays]').trigger('click')
    await settle()
    expect(router.currentRoute.value.path).toBe('/reminders/birthdays')
  })
})
