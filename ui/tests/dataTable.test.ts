import { describe, expect, it } from 'vitest'
import { h } from 'vue'
import { mount } from '@vue/test-utils'
import DataTable, { type Column } from '../src/components/DataTable.vue'
import { tagClass } from '../src/format'

interface Person {
  id: number
  name: string
  group: string | null
}

const people: Person[] = [
  { id: 7, name: '张三', group: '第一党小组' },
  { id: 9, name: '李四', group: null },
  { id: 4, name: '王五', group: '第二党小组' },
]

const columns: Column[] = [
  { key: 'number', label: '序号', width: 60, align: 'center', fixed: 'left' },
  { key: 'name', label: '姓名', width: 120, fixed: 'left' },
  { key: 'group', label: '党小组', minWidth: 150 },
  { key: 'status', label: '状态', width: 100, fixed: 'right' },
]

function table(rows: Person[], more: Record<string, unknown> = {}) {
  return mount(DataTable, {
    props: { rows, columns, rowKey: (p: object) => (p as Person).id, rowTestid: 'person-row', rowClass: 'person', ...more },
    slots: {
      number: ({ index }: { index: number }) => String(index + 1),
      status: ({ row }: { row: object }) => h('span', { 'data-testid': 'status' }, (row as Person).group ? '在组' : '未分组'),
    },
  })
}

describe('DataTable', () => {
  it('draws a header, one row per item, the slot where there is one and the field where not', () => {
    const w = table(people)
    expect(w.findAll('th').map((th) => th.text())).toEqual(['序号', '姓名', '党小组', '状态'])
    const rows = w.findAll('tbody tr')
    expect(rows).toHaveLength(3)
    expect(rows.map((r) => r.findAll('td').map((td) => td.text()))).toEqual([
      ['1', '张三', '第一党小组', '在组'],
      ['2', '李四', '', '未分组'],
      ['3', '王五', '第二党小组', '在组'],
    ])
    expect(rows.every((r) => r.attributes('data-testid') === 'person-row' && r.classes('person'))).toBe(true)
    // every other row striped, the first not
    expect(rows.map((r) => r.classes('is-striped'))).toEqual([false, true, false])
    expect(w.find('[data-testid=table-empty]').exists()).toBe(false)
  })

  it('says what the empty table means instead of rows', () => {
    const w = table([], { emptyText: '还没有党员档案' })
    expect(w.findAll('tbody tr')).toHaveLength(0)
    expect(w.get('[data-testid=table-empty]').text()).toBe('还没有党员档案')
  })

  it('keeps the fixed columns in view at the widths of the fixed columns before them', () => {
    const w = table(people)
    const head = w.findAll('th')
    expect(head[0].attributes('style')).toContain('left: 0px')
    expect(head[1].attributes('style')).toContain('left: 60px')
    expect(head[2].attributes('style') ?? '').not.toContain('left')
    expect(head[3].attributes('style')).toContain('right: 0px')
    expect(head[0].classes()).toContain('is-fixed-left')
    expect(head[3].classes()).toContain('is-fixed-right')
    // the body cells stick where their header does
    expect(w.findAll('tbody tr')[1].findAll('td')[1].attributes('style')).toContain('left: 60px')
    // never narrower than its columns: 60 + 120 + 150 + 100
    expect(w.get('table').attributes('style')).toContain('min-width: 430px')
    expect(w.findAll('col').map((c) => c.attributes('style'))).toEqual([
      'width: 60px;',
      'width: 120px;',
      'width: 150px;',
      'width: 100px;',
    ])
  })

  it('tells which row was clicked', async () => {
    const w = table(people)
    await w.findAll('tbody tr')[2].trigger('click')
    expect(w.emitted('row-click')?.[0]).toEqual([people[2], 2])
  })

  it('follows the rows when they change', async () => {
    const w = table(people)
    await w.setProps({ rows: people.slice(1) })
    expect(w.findAll('tbody tr').map((r) => r.findAll('td')[1].text())).toEqual(['李四', '王五'])
  })
})

describe('tagClass', () => {
  it('gives the classes of an Element Plus tag of that type, look and size', () => {
    expect(tagClass('warning')).toBe('el-tag el-tag--warning el-tag--large el-tag--light')
    expect(tagClass('danger', 'plain', 'small')).toBe('el-tag el-tag--danger el-tag--small el-tag--plain')
  })
})
