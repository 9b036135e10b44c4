import { describe, expect, it } from 'vitest'
import { appInfo, fakeCore, mountApp, row, settle, testChoices, testGroups } from './helpers'
import type { MemberQuery } from '../src/api'

const everyone = [
  row({ id: 1, name: '张三', id_number_masked: '110101********1234' }),
  row({ id: 2, name: '李四', sex: 'female', sex_label: '女', mobile: true, id_number_masked: '110101********5678' }),
  row({ id: 3, name: '王五', status: 'deceased', status_label: '去世', left_branch: true }),
]

function core() {
  return fakeCore((cmd, args) => {
    switch (cmd) {
      case 'choices':
        return testChoices
      case 'group_list':
        return testGroups
      case 'app_info':
        return appInfo({ today: '2027-03-02' })
      case 'sheet_export':
        return { path: `D:\\导出\\${args.year}年${args.sheet}.xlsx`, size: 30000, sheets: [args.sheet] }
      case 'member_list': {
        const q = args.query as MemberQuery
        if (q.search === 'zs') return [everyone[0]]
        return everyone
      }
    }
    throw { code: 'unexpected', message: `unexpected ${cmd}` }
  })
}

describe('花名册', () => {
  it('shows the rows and the count from member_list', async () => {
    const calls = core()
    const { wrapper } = await mountApp('/members')

    expect(wrapper.get('[data-testid=roster-count]').text()).toBe('共 3 人')
    const names = wrapper.findAll('[data-testid=cell-name]').map((n) => n.text())
    expect(names).toEqual(['张三', '李四', '王五'])
    expect(wrapper.findAll('tr.roster-row')).toHaveLength(3)
    expect(document.querySelectorAll('[data-testid=roster-row]')).toHaveLength(3)
    expect(wrapper.findAll('[data-testid=cell-id]').map((n) => n.text())).toEqual([
      '110101********1234',
      '110101********5678',
      '110101********1234',
    ])
    // flags appear as tags
    const status = wrapper.findAll('[data-testid=cell-status]').map((n) => n.text())
    expect(status[1]).toContain('流动')
    expect(status[2]).toContain('去世')
    expect(status[2]).toContain('已转出')

    const first = calls.find((c) => c.cmd === 'member_list')!
    expect(first.args.query).toMatchObject({ search: '', include_left: false, deleted: false })
    // the name links to the detail page
    expect(wrapper.get('[data-testid=cell-name]').element.closest('a')?.getAttribute('href')).toContain('/members/1')
  })

  it('opens the member whose name is clicked', async () => {
    core()
    const { wrapper, router } = await mountApp('/members')
    await wrapper.findAll('[data-testid=cell-name]')[1].trigger('click')
    await settle()
    expect(router.currentRoute.value.path).toBe('/members/2')
  })

  it('colours each 党籍状态: 正常 green, 留党察看 orange, 取消预备党员资格 grey, 停止党籍 red', async () => {
    fakeCore((cmd) => {
      if (cmd === 'choices') return testChoices
      if (cmd === 'group_list') return testGroups
      if (cmd === 'app_info') return appInfo()
      if (cmd === 'member_list')
        return [
          row({ id: 1, name: '张三' }),
          row({ id: 2, name: '李四', status: 'watch', status_label: '留党察看' }),
          row({ id: 3, name: '王五', kind: 'probationary', status: 'cancelled', status_label: '取消预备党员资格' }),
          row({ id: 4, name: '赵六', status: 'suspended', status_label: '停止党籍' }),
        ]
      throw { code: 'unexpected', message: cmd }
    })
    const { wrapper } = await mountApp('/members')
    const tagType = (i: number) => {
      const tag = wrapper.findAll('[data-testid=cell-status]')[i].get('.el-tag')
      return ['success', 'warning', 'info', 'danger'].find((t) => tag.classes().includes(`el-tag--${t}`))
    }
    expect([0, 1, 2, 3].map(tagType)).toEqual(['success', 'warning', 'info', 'danger'])
    expect(wrapper.findAll('[data-testid=cell-status]')[2].text()).toContain('取消预备党员资格')
  })

  it('shows a long roster 50 to a page, numbered on from page to page', async () => {
    const many = Array.from({ length: 120 }, (_, i) => row({ id: i + 1, name: `党员${i + 1}` }))
    fakeCore((cmd) => {
      if (cmd === 'choices') return testChoices
      if (cmd === 'group_list') return testGroups
      if (cmd === 'app_info') return appInfo()
      if (cmd === 'member_list') return many
      throw { code: 'unexpected', message: cmd }
    })
    const { wrapper } = await mountApp('/members')
    expect(wrapper.get('[data-testid=roster-count]').text()).toBe('共 120 人')
    expect(wrapper.findAll('[data-testid=cell-name]')).toHaveLength(50)
    const pages = wrapper.get('[data-testid=roster-pages]')
    await pages.findAll('li.number').find((li) => li.text() === '3')!.trigger('click')
    await settle()
    const names = wrapper.findAll('[data-testid=cell-name]').map((n) => n.text())
    expect(names).toHaveLength(20)
    expect(names[0]).toBe('党员101')
    expect(wrapper.find('tr.roster-row td').text()).toBe('101')
  })

  it('has no page buttons for a village-sized roster', async () => {
    core()
    const { wrapper } = await mountApp('/members')
    expect(wrapper.find('[data-testid=roster-pages]').exists()).toBe(false)
  })

  it('sends the search text in query.search and shows what comes back', async () => {
    const calls = core()
    const { wrapper } = await mountApp('/members')
    const before = calls.filter((c) => c.cmd === 'member_list').length

    await wrapper.get('[data-testid=roster-search] input').setValue('zs')
    await settle(300)

    const lists = calls.filter((c) => c.cmd === 'member_list')
    expect(lists.length).toBe(before + 1) // debounced: one call for the whole word
    expect((lists[lists.length - 1].args.query as MemberQuery).search).toBe('zs')
    expect(wrapper.get('[data-testid=roster-count]').text()).toBe('共 1 人')
    expect(wrapper.findAll('[data-testid=cell-name]').map((n) => n.text())).toEqual(['张三'])
  })

  it('导出本表 writes the 党员花名册 of this year (from app_info)', async () => {
    const calls = core()
    const { wrapper } = await mountApp('/members')
    const button = wrapper.get('.page-actions [data-testid=export-sheet]')
    expect(button.classes()).not.toContain('el-button--primary')
    expect(wrapper.get('[data-testid=add-member]').classes()).toContain('el-button--primary')
    await button.trigger('click')
    await settle()
    expect(calls.filter((c) => c.cmd === 'sheet_export').map((c) => c.args)).toEqual([{ sheet: '党员花名册', year: 2027 }])
    expect(wrapper.get('[data-testid=sheet-export-done] [data-testid=export-file-name]').text()).toBe('2027年党员花名册.xlsx')
  })

  it('shows a core error as a Chinese message, not JSON', async () => {
    fakeCore((cmd) => {
      if (cmd === 'member_list') throw { code: 'db_locked', message: '数据库正忙，请稍后再试' }
      if (cmd === 'choices') return testChoices
      return []
    })
    await mountApp('/members')
    const msg = document.querySelector('.el-message')
    expect(msg?.textContent).toContain('数据库正忙，请稍后再试')
    expect(msg?.textContent).not.toContain('db_locked')
  })
})
