import { describe, expect, it } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { appInfo, fakeCore, mountApp, settle } from './helpers'
import type { CopyReport, ExportFile, Target } from '../src/api'

const FILES: ExportFile[] = [
  {
    name: '东山村支部2026年第三季度党费收缴情况公示.xlsx',
    path: '/data/导出/东山村支部2026年第三季度党费收缴情况公示.xlsx',
    size: 9 * 1024,
    modified: '2026-11-27 10:05',
  },
  {
    name: '东山村支部2026年度党建台账.xlsx',
    path: '/data/导出/东山村支部2026年度党建台账.xlsx',
    size: 48 * 1024,
    modified: '2026-11-26 16:40',
  },
]

const STICK: Target = { path: '/media/zhang/KINGSTON', label: 'KINGSTON', free_bytes: 7 * 1024 * 1024 * 1024 }

const DONE: CopyReport = {
  files: 1,
  folder: '/media/zhang/KINGSTON/东山村支部2026年台账',
  bytes: 48 * 1024,
  message: '已复制 1 个文件到 KINGSTON',
}

type Handler = (args: Record<string, unknown>) => unknown

function core(over: Record<string, Handler> = {}) {
  return fakeCore((cmd, args) => {
    if (over[cmd]) return over[cmd](args)
    switch (cmd) {
      case 'app_info':
        return appInfo()
      case 'ledger_sheets':
        return ['党员花名册']
      case 'export_list':
        return FILES
      case 'archive_targets':
        return [STICK]
      case 'export_copy_to_stick':
        return DONE
    }
    throw { code: 'unexpected', message: cmd }
  })
}

function card(wrapper: VueWrapper) {
  return wrapper.get('[data-testid=copy-card]')
}

async function tick(wrapper: VueWrapper, index: number) {
  await card(wrapper).findAll('[data-testid=copy-file] input')[index].setValue(true)
}

describe('复制到U盘 on 台账与公示', () => {
  it('lists the exports, copies the ticked ones to the stick picked, and says where they went', async () => {
    const calls = core()
    const { wrapper } = await mountApp('/ledger')
    const rows = card(wrapper).findAll('[data-testid=copy-file]')
    expect(rows.map((r) => r.text())).toEqual([
      '东山村支部2026年第三季度党费收缴情况公示.xlsx（9 KB，2026-11-27 10:05）',
      '东山村支部2026年度党建台账.xlsx（48 KB，2026-11-26 16:40）',
    ])
    const start = card(wrapper).get('[data-testid=copy-start]')
    expect(start.attributes('disabled')).toBeDefined()
    expect(card(wrapper).get('[data-testid=copy-hint]').text()).toContain('勾选')

    await tick(wrapper, 1)
    expect(card(wrapper).get('[data-testid=copy-hint]').text()).toContain('U盘')
    const sticks = card(wrapper).findAll('[data-testid=copy-target]')
    expect(sticks.map((s) => s.text())).toEqual(['KINGSTON（剩余 7.0 GB）'])
    await sticks[0].trigger('click')
    expect(card(wrapper).get('[data-testid=copy-dest]').text()).toBe('复制到：KINGSTON')
    expect(start.attributes('disabled')).toBeUndefined()

    await start.trigger('click')
    await settle()
    const copies = calls.filter((c) => c.cmd === 'export_copy_to_stick')
    expect(copies.map((c) => c.args)).toEqual([{ paths: [FILES[1].path], dest: STICK.path }])
    const done = card(wrapper).get('[data-testid=copy-done]')
    expect(done.text()).toContain('已复制 1 个文件到 KINGSTON')
    expect(done.get('[data-testid=copy-done-folder]').text()).toBe('/media/zhang/KINGSTON/东山村支部2026年台账')
    expect(card(wrapper).find('[data-testid=copy-error]').exists()).toBe(false)
  })

  it('says what to do when no stick is plugged in, and copies to a folder picked instead', async () => {
    const calls = core({ archive_targets: () => [], pick_folder: () => '/home/zhang/桌面' })
    const { wrapper } = await mountApp('/ledger')
    expect(card(wrapper).findAll('[data-testid=copy-target]')).toHaveLength(0)
    expect(card(wrapper).get('[data-testid=copy-no-sticks]').text()).toBe(
      '没有检测到U盘。请插好U盘，稍等几秒；或点“选择文件夹…”',
    )
    await tick(wrapper, 0)
    await card(wrapper).get('[data-testid=copy-pick-folder]').trigger('click')
    await settle()
    expect(card(wrapper).get('[data-testid=copy-dest]').text()).toBe('复制到：/home/zhang/桌面')
    await card(wrapper).get('[data-testid=copy-start]').trigger('click')
    await settle()
    expect(calls.filter((c) => c.cmd === 'export_copy_to_stick').map((c) => c.args)).toEqual([
      { paths: [FILES[0].path], dest: '/home/zhang/桌面' },
    ])
  })

  it('shows the core’s refusal in Chinese and no success', async () => {
    core({
      export_copy_to_stick: () => {
        throw { code: 'stick_full', message: 'U盘剩余空间不足：这些文件需要约 0.1 MB，只剩 0.0 MB。请换一个U盘或删掉U盘上不需要的文件后再试。没有复制任何文件。' }
      },
    })
    const { wrapper } = await mountApp('/ledger')
    await tick(wrapper, 0)
    await card(wrapper).findAll('[data-testid=copy-target]')[0].trigger('click')
    await card(wrapper).get('[data-testid=copy-start]').trigger('click')
    await settle()
    expect(card(wrapper).get('[data-testid=copy-error]').text()).toContain('U盘剩余空间不足')
    expect(card(wrapper).find('[data-testid=copy-done]').exists()).toBe(false)
  })

  it('lists and ticks the workbook exported on the page just now', async () => {
    const made = {
      path: '/data/导出/东山村支部2025年度党建台账.xlsx',
      size: 40 * 1024,
      sheets: ['党员花名册'],
    }
    let files = FILES
    const calls = core({
      workbook_export: () => {
        files = [{ name: '东山村支部2025年度党建台账.xlsx', path: made.path, size: made.size, modified: '2026-11-27 11:00' }, ...FILES]
        return made
      },
      export_list: () => files,
    })
    const { wrapper } = await mountApp('/ledger')
    expect(card(wrapper).findAll('[data-testid=copy-file]')).toHaveLength(2)
    await wrapper.get('[data-testid=export-workbook]').trigger('click')
    await settle()
    const rows = card(wrapper).findAll('[data-testid=copy-file]')
    expect(rows).toHaveLength(3)
    const ticked = rows.map((r) => (r.get('input').element as HTMLInputElement).checked)
    expect(ticked).toEqual([true, false, false])
    expect(calls.filter((c) => c.cmd === 'export_list')).toHaveLength(2)
  })

  it('says so when nothing has been exported yet', async () => {
    core({ export_list: () => [] })
    const { wrapper } = await mountApp('/ledger')
    expect(card(wrapper).get('[data-testid=copy-no-files]').text()).toContain('还没有导出的文件')
    expect(card(wrapper).get('[data-testid=copy-start]').attributes('disabled')).toBeDefined()
  })
})
