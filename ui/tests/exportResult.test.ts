import { describe, expect, it } from 'vitest'
import { appInfo, fakeCore, mountApp, settle } from './helpers'

// After an export the page offers 打开, 打开所在文件夹 and 另存为…; each names
// the file by the path the core returned, and shows what the core says.

const WORKBOOK = {
  path: 'C:\\Users\\zhibu\\AppData\\Roaming\\zhibu\\导出\\东山村支部2026年度党建台账.xlsx',
  size: 48 * 1024,
  sheets: ['封面'],
}

async function exported(handler: (cmd: string, args: Record<string, unknown>) => unknown) {
  const calls = fakeCore((cmd, args) => {
    if (cmd === 'app_info') return appInfo()
    if (cmd === 'ledger_sheets') return []
    if (cmd === 'workbook_export') return WORKBOOK
    return handler(cmd, args)
  })
  const { wrapper } = await mountApp('/ledger')
  await wrapper.get('[data-testid=export-workbook]').trigger('click')
  await settle()
  const box = wrapper.get('[data-testid=export-result]')
  return { calls, wrapper, box }
}

// The three actions on the file (the 复制到U盘 card on the same page lists
// the exports with export_list too).
const ACTIONS = ['export_open', 'export_reveal', 'export_save_as']
const fileCalls = (calls: { cmd: string; args: Record<string, unknown> }[]) =>
  calls.filter((c) => ACTIONS.includes(c.cmd))

describe('导出之后：打开、打开所在文件夹、另存为', () => {
  it('shows the file by its name and its folder, with the three buttons', async () => {
    const { box } = await exported(() => {
      throw { code: 'unexpected', message: 'no call expected' }
    })
    expect(box.get('[data-testid=export-file-name]').text()).toBe('东山村支部2026年度党建台账.xlsx')
    expect(box.get('[data-testid=export-folder]').text()).toBe('C:\\Users\\zhibu\\AppData\\Roaming\\zhibu\\导出')
    expect(box.get('[data-testid=export-open]').text()).toBe('打开')
    expect(box.get('[data-testid=export-reveal]').text()).toBe('打开所在文件夹')
    expect(box.get('[data-testid=export-save-as]').text()).toBe('另存为…')
  })

  it('opens the file and its folder by the path the core returned', async () => {
    const { calls, box } = await exported(() => null)
    await box.get('[data-testid=export-open]').trigger('click')
    await settle()
    await box.get('[data-testid=export-reveal]').trigger('click')
    await settle()
    expect(fileCalls(calls)).toEqual([
      { cmd: 'export_open', args: { path: WORKBOOK.path } },
      { cmd: 'export_reveal', args: { path: WORKBOOK.path } },
    ])
    expect(box.get('[data-testid=export-action-done]').text()).toBe('已打开文件所在的文件夹。')
    expect(box.find('[data-testid=export-action-error]').exists()).toBe(false)
  })

  it('says where 另存为 put the copy, and nothing when the dialog was closed', async () => {
    let answer: string | null = 'E:\\台账\\东山村支部2026年度党建台账.xlsx'
    const { calls, box } = await exported((cmd) => (cmd === 'export_save_as' ? answer : null))
    await box.get('[data-testid=export-save-as]').trigger('click')
    await settle()
    expect(fileCalls(calls)).toEqual([{ cmd: 'export_save_as', args: { path: WORKBOOK.path } }])
    expect(box.get('[data-testid=export-action-done]').text()).toBe('已另存到 E:\\台账\\东山村支部2026年度党建台账.xlsx')

    answer = null
    await box.get('[data-testid=export-save-as]').trigger('click')
    await settle()
    expect(fileCalls(calls)).toHaveLength(2)
    expect(box.find('[data-testid=export-action-done]').exists()).toBe(false)
    expect(box.find('[data-testid=export-action-error]').exists()).toBe(false)
  })

  it('shows the refusal of the core in its own words', async () => {
    const refusal = '不能另存到支部台账自己的数据文件夹里。请选择U盘、“桌面”或“文档”等其他位置。'
    const { box } = await exported((cmd) => {
      if (cmd === 'export_save_as') throw { code: 'not_allowed', message: refusal }
      if (cmd === 'export_open') throw { code: 'io', message: '没能用本机的程序打开这个文件。请确认本机装有 WPS 或 Excel。' }
      return null
    })
    await box.get('[data-testid=export-save-as]').trigger('click')
    await settle()
    expect(box.get('[data-testid=export-action-error]').text()).toBe(refusal)
    expect(box.find('[data-testid=export-action-done]').exists()).toBe(false)

    await box.get('[data-testid=export-open]').trigger('click')
    await settle()
    expect(box.get('[data-testid=export-action-error]').text()).toContain('请确认本机装有 WPS 或 Excel')
  })

  it('does not start a second action while one runs', async () => {
    let finish: (v: unknown) => void = () => {}
    const { calls, box } = await exported(() => new Promise((r) => (finish = r)))
    await box.get('[data-testid=export-save-as]').trigger('click')
    await settle()
    expect(box.get('[data-testid=export-open]').attributes('disabled')).toBeDefined()
    await box.get('[data-testid=export-open]').trigger('click')
    await settle()
    expect(fileCalls(calls).map((c) => c.cmd)).toEqual(['export_save_as'])
    finish(null)
    await settle()
    expect(box.get('[data-testid=export-open]').attributes('disabled')).toBeUndefined()
  })
})
