import { afterEach, describe, expect, it, vi } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { createMemoryHistory, type Router } from 'vue-router'
import { installElements } from '../src/elements'
import { createAppRouter } from '../src/router'
import ImportView from '../src/views/ImportView.vue'
import type { ImportPreview } from '../src/api'
import { fakeCore, pickOption, settle, type Call } from './helpers'

// The page has no route yet: it is mounted on its own, with the app's element
// registration and router (for PageHeader's back link and 查看党员名单).
const mounted: VueWrapper[] = []
afterEach(() => {
  while (mounted.length) mounted.pop()!.unmount()
})

async function mountImport(): Promise<{ wrapper: VueWrapper; router: Router }> {
  const router = createAppRouter(createMemoryHistory())
  await router.push('/')
  await router.isReady()
  const host = document.createElement('div')
  document.body.appendChild(host)
  const wrapper = mount(ImportView, {
    attachTo: host,
    global: { plugins: [{ install: installElements }, router] },
  })
  mounted.push(wrapper)
  await settle()
  return { wrapper, router }
}

const CONTENT = '姓名,性别\n张三,男\n'
const BASE64 = btoa(String.fromCharCode(...new TextEncoder().encode(CONTENT)))

function preview(over: Partial<ImportPreview> = {}): ImportPreview {
  return {
    sheets: ['名单'],
    sheet: '名单',
    header_row: 2,
    columns: [
      { index: 0, letter: 'A', header: '姓名', field: 'name', field_label: '姓名' },
      { index: 1, letter: 'B', header: '性别', field: 'sex', field_label: '性别' },
      { index: 2, letter: 'C', header: '号码', field: '', field_label: '' },
    ],
    rows: [
      { row: 3, outcome: 'new', name: '张三', code: '', message: '' },
      { row: 4, outcome: 'update', name: '李四', code: '', message: '已有此人，将更新档案' },
      { row: 5, outcome: 'error', name: '王五', code: 'invalid', message: '入党时间：看不懂“1985.13”' },
    ],
    new: 1,
    update: 1,
    error: 1,
    written: 0,
    warnings: [],
    records_from: null,
    records_started: false,
    ...over,
  }
}

const CLEAN = preview({
  rows: [
    { row: 3, outcome: 'new', name: '张三', code: '', message: '' },
    { row: 4, outcome: 'update', name: '李四', code: '', message: '' },
  ],
  error: 0,
})

/** Pick a file in the hidden input, as the browser does, and wait for the preview. */
async function chooseFile(wrapper: VueWrapper, calls: Call[], name = '党员名单.csv'): Promise<void> {
  const input = wrapper.get('[data-testid=import-file]')
  const file = new File([CONTENT], name, { type: 'text/csv' })
  Object.defineProperty(input.element, 'files', { value: [file], configurable: true })
  const before = calls.filter((c) => c.cmd === 'import_preview').length
  await input.trigger('change')
  await vi.waitFor(() => expect(calls.filter((c) => c.cmd === 'import_preview').length).toBe(before + 1))
  await settle()
}

const previews = (calls: Call[]) => calls.filter((c) => c.cmd === 'import_preview')
const applyButton = (w: VueWrapper) => w.get('[data-testid=import-apply]')
const isDisabled = (w: VueWrapper) => applyButton(w).attributes('disabled') !== undefined

describe('导入花名册', () => {
  it('has a file input that takes spreadsheets and a way back to the roster', async () => {
    fakeCore((cmd) => {
      throw { code: 'unexpected', message: cmd }
    })
    const { wrapper } = await mountImport()
    expect(wrapper.get('.page-title').text()).toBe('导入花名册')
    expect(wrapper.get('[data-testid=back-link]').attributes('href')).toContain('/members')
    const input = wrapper.get('[data-testid=import-file]')
    expect(input.attributes('type')).toBe('file')
    expect(input.attributes('accept')).toBe('.xlsx,.xls,.csv')
    expect((input.element as HTMLInputElement).disabled).toBe(false)
    expect(wrapper.get('[data-testid=import-pick]').text()).toBe('选择表格文件')
    expect(wrapper.text()).toContain('身份证号一列请设为“文本”格式。')
    expect(wrapper.find('[data-testid=import-preview]').exists()).toBe(false)
    expect(wrapper.find('[data-testid=import-apply]').exists()).toBe(false)
  })

  it('sends the chosen file as base64 and shows every row with its outcome', async () => {
    const calls = fakeCore((cmd) => {
      if (cmd === 'import_preview') return preview()
      throw { code: 'unexpected', message: cmd }
    })
    const { wrapper } = await mountImport()
    await chooseFile(wrapper, calls)

    expect(previews(calls).map((c) => c.args)).toEqual([
      { data: BASE64, request: { file_name: '党员名单.csv', sheet: null, mapping: null } },
    ])
    expect(wrapper.get('[data-testid=import-file-name]').text()).toBe('党员名单.csv')
    expect(wrapper.get('[data-testid=import-header-row]').text()).toBe('第 2 行是表头')
    expect(wrapper.get('[data-testid=import-counts]').text()).toBe('新增 1 人、更新 1 人、错误 1 行')
    // one sheet: nothing to choose
    expect(wrapper.find('[data-testid=import-sheet]').exists()).toBe(false)

    const columns = wrapper.findAll('[data-testid=import-column]')
    expect(columns.map((c) => c.attributes('data-letter'))).toEqual(['A', 'B', 'C'])
    expect(columns[0].text()).toContain('姓名')
    expect(columns[2].text()).toContain('号码')
    expect(columns.map((c) => c.get('[data-testid=import-field]').text())).toEqual(['姓名', '性别', '不导入'])

    const rows = wrapper.findAll('[data-testid=import-row]')
    // the error row comes first
    expect(rows.map((r) => [r.attributes('data-outcome'), r.get('[data-testid=import-row-number]').text()])).toEqual([
      ['error', '第 5 行'],
      ['new', '第 3 行'],
      ['update', '第 4 行'],
    ])
    expect(rows.map((r) => r.get('[data-testid=import-row-outcome]').text())).toEqual(['错误', '新增', '更新'])
    const tag = (i: number, type: string) => rows[i].find(`.el-tag--${type}`).exists()
    expect([tag(0, 'danger'), tag(1, 'success'), tag(2, 'primary')]).toEqual([true, true, true])
    expect(tag(0, 'success')).toBe(false)
    expect(rows[0].get('[data-testid=import-row-name]').text()).toBe('王五')
    expect(rows[0].get('[data-testid=import-row-message]').text()).toBe('入党时间：看不懂“1985.13”')
    expect(calls.filter((c) => c.cmd === 'import_apply')).toHaveLength(0)
  })

  it('shows only the error rows when asked', async () => {
    const calls = fakeCore((cmd) => {
      if (cmd === 'import_preview') return preview()
      throw { code: 'unexpected', message: cmd }
    })
    const { wrapper } = await mountImport()
    await chooseFile(wrapper, calls)
    expect(wrapper.findAll('[data-testid=import-row]')).toHaveLength(3)
    await wrapper.get('[data-testid=import-only-errors] input').setValue(true)
    await settle()
    const rows = wrapper.findAll('[data-testid=import-row]')
    expect(rows.map((r) => r.attributes('data-row'))).toEqual(['5'])
    expect(previews(calls)).toHaveLength(1)
  })

  it('imports only when the error rows are skipped, and says so', async () => {
    const calls = fakeCore((cmd) => {
      if (cmd === 'import_preview') return preview()
      if (cmd === 'import_apply') return preview({ written: 2 })
      throw { code: 'unexpected', message: cmd }
    })
    const { wrapper, router } = await mountImport()
    await chooseFile(wrapper, calls)

    expect(applyButton(wrapper).text()).toBe('导入 2 人')
    expect(isDisabled(wrapper)).toBe(true)
    await applyButton(wrapper).trigger('click')
    await settle()
    expect(calls.filter((c) => c.cmd === 'import_apply')).toHaveLength(0)

    const skip = wrapper.get('[data-testid=import-skip-errors]')
    expect(skip.text()).toBe('跳过有错误的行，只导入其余 2 人')
    await skip.get('input').setValue(true)
    await settle()
    expect(isDisabled(wrapper)).toBe(false)
    await applyButton(wrapper).trigger('click')
    await settle()

    expect(calls.filter((c) => c.cmd === 'import_apply').map((c) => c.args)).toEqual([
      { data: BASE64, request: { file_name: '党员名单.csv', sheet: null, mapping: null }, skip_errors: true },
    ])
    const done = wrapper.get('[data-testid=import-done]')
    expect(done.text()).toContain('已导入 2 人')
    expect(wrapper.find('[data-testid=import-apply]').exists()).toBe(false)
    expect(wrapper.find('[data-testid=import-error]').exists()).toBe(false)

    await wrapper.get('[data-testid=import-to-roster]').trigger('click')
    await settle()
    expect(router.currentRoute.value.path).toBe('/members')
    expect(router.currentRoute.value.name).toBe('roster')
  })

  it('imports a clean file without skipping', async () => {
    const calls = fakeCore((cmd) => {
      if (cmd === 'import_preview') return CLEAN
      if (cmd === 'import_apply') return { ...CLEAN, written: 2 }
      throw { code: 'unexpected', message: cmd }
    })
    const { wrapper } = await mountImport()
    await chooseFile(wrapper, calls)
    expect(wrapper.find('[data-testid=import-skip-errors]').exists()).toBe(false)
    expect(wrapper.find('[data-testid=import-only-errors]').exists()).toBe(false)
    expect(isDisabled(wrapper)).toBe(false)
    await applyButton(wrapper).trigger('click')
    await settle()
    const applied = calls.filter((c) => c.cmd === 'import_apply')
    expect(applied).toHaveLength(1)
    expect(applied[0].args.skip_errors).toBe(false)
    expect(wrapper.get('[data-testid=import-done]').text()).toContain('已导入 2 人')
  })

  it('cannot import when no row would be added or updated', async () => {
    const calls = fakeCore((cmd) => {
      if (cmd === 'import_preview')
        return preview({
          rows: [{ row: 3, outcome: 'error', name: '王五', code: 'invalid', message: '缺少身份证号' }],
          new: 0,
          update: 0,
          error: 1,
        })
      throw { code: 'unexpected', message: cmd }
    })
    const { wrapper } = await mountImport()
    await chooseFile(wrapper, calls)
    expect(applyButton(wrapper).text()).toBe('导入 0 人')
    expect(isDisabled(wrapper)).toBe(true)
    expect(wrapper.get('[data-testid=import-skip-errors] input').attributes('disabled')).toBeDefined()
  })

  it('shows a refused import and changes nothing else', async () => {
    const calls = fakeCore((cmd) => {
      if (cmd === 'import_preview') return CLEAN
      if (cmd === 'import_apply') throw { code: 'import_failed', message: '第 4 行的身份证号和第 3 行相同，没有导入任何人。' }
      throw { code: 'unexpected', message: cmd }
    })
    const { wrapper } = await mountImport()
    await chooseFile(wrapper, calls)
    await applyButton(wrapper).trigger('click')
    await settle()
    expect(wrapper.get('[data-testid=import-error]').text()).toContain('第 4 行的身份证号和第 3 行相同，没有导入任何人。')
    expect(wrapper.find('[data-testid=import-done]').exists()).toBe(false)
    expect(wrapper.findAll('[data-testid=import-row]')).toHaveLength(2)
    expect(isDisabled(wrapper)).toBe(false)
  })

  it('re-previews with the whole mapping when a column is changed', async () => {
    const calls = fakeCore((cmd, args) => {
      if (cmd !== 'import_preview') throw { code: 'unexpected', message: cmd }
      const req = args.request as { mapping: string[] | null }
      if (!req.mapping) return preview()
      const p = preview()
      return {
        ...p,
        columns: p.columns.map((c, i) => ({ ...c, field: req.mapping![i], field_label: req.mapping![i] === 'id_number' ? '公民身份号码' : c.field_label })),
        error: 0,
        rows: p.rows.slice(0, 2),
      }
    })
    const { wrapper } = await mountImport()
    await chooseFile(wrapper, calls)

    const columnC = wrapper.findAll('[data-testid=import-column]')[2]
    await pickOption(columnC, '[data-testid=import-field]', '公民身份号码')
    await settle()
    expect(previews(calls).map((c) => c.args.request)).toEqual([
      { file_name: '党员名单.csv', sheet: null, mapping: null },
      { file_name: '党员名单.csv', sheet: '名单', mapping: ['name', 'sex', 'id_number'] },
    ])
    expect(previews(calls)[1].args.data).toBe(BASE64)
    expect(wrapper.findAll('[data-testid=import-field]').map((s) => s.text())).toEqual(['姓名', '性别', '公民身份号码'])
    expect(wrapper.get('[data-testid=import-counts]').text()).toBe('新增 1 人、更新 1 人、错误 0 行')

    // choosing a field another column has frees that column (a field takes one column)
    await pickOption(wrapper.findAll('[data-testid=import-column]')[1], '[data-testid=import-field]', '姓名')
    await settle()
    expect(previews(calls)[2].args.request).toEqual({ file_name: '党员名单.csv', sheet: '名单', mapping: ['', 'name', 'id_number'] })
  })

  it('applies with the mapping of the preview it shows', async () => {
    const calls = fakeCore((cmd, args) => {
      if (cmd === 'import_preview') {
        const req = args.request as { mapping: string[] | null }
        return req.mapping ? { ...CLEAN, columns: CLEAN.columns.map((c, i) => ({ ...c, field: req.mapping![i] })) } : CLEAN
      }
      if (cmd === 'import_apply') return { ...CLEAN, written: 2 }
      throw { code: 'unexpected', message: cmd }
    })
    const { wrapper } = await mountImport()
    await chooseFile(wrapper, calls)
    await pickOption(wrapper.findAll('[data-testid=import-column]')[2], '[data-testid=import-field]', '备注')
    await applyButton(wrapper).trigger('click')
    await settle()
    expect(calls.filter((c) => c.cmd === 'import_apply').map((c) => c.args)).toEqual([
      {
        data: BASE64,
        request: { file_name: '党员名单.csv', sheet: '名单', mapping: ['name', 'sex', 'notes'] },
        skip_errors: false,
      },
    ])
  })

  it('shows only the answer to the latest change when answers come out of order', async () => {
    const pending: { mapping: string[]; resolve: (v: unknown) => void }[] = []
    const calls = fakeCore((cmd, args) => {
      if (cmd !== 'import_preview') throw { code: 'unexpected', message: cmd }
      const req = args.request as { mapping: string[] | null }
      if (!req.mapping) return preview()
      return new Promise((resolve) => pending.push({ mapping: req.mapping!, resolve }))
    })
    const { wrapper } = await mountImport()
    await chooseFile(wrapper, calls)
    const answer = (mapping: string[], n: number) =>
      preview({
        columns: preview().columns.map((c, i) => ({ ...c, field: mapping[i] })),
        new: n,
        update: 0,
        error: 0,
        rows: [{ row: 3, outcome: 'new', name: `第${n}次`, code: '', message: '' }],
      })

    await pickOption(wrapper.findAll('[data-testid=import-column]')[2], '[data-testid=import-field]', '备注')
    await pickOption(wrapper.findAll('[data-testid=import-column]')[2], '[data-testid=import-field]', '联系电话')
    expect(pending.map((p) => p.mapping)).toEqual([
      ['name', 'sex', 'notes'],
      ['name', 'sex', 'phone'],
    ])
    // while a preview is on its way the import waits for it
    expect(isDisabled(wrapper)).toBe(true)

    pending[1].resolve(answer(pending[1].mapping, 2))
    await settle()
    pending[0].resolve(answer(pending[0].mapping, 1))
    await settle()
    expect(wrapper.get('[data-testid=import-counts]').text()).toBe('新增 2 人、更新 0 人、错误 0 行')
    expect(wrapper.get('[data-testid=import-row-name]').text()).toBe('第2次')
    expect(wrapper.findAll('[data-testid=import-field]')[2].text()).toBe('联系电话')
    expect(isDisabled(wrapper)).toBe(false)
  })

  it('re-previews the sheet chosen, with the mapping guessed again', async () => {
    const calls = fakeCore((cmd, args) => {
      if (cmd !== 'import_preview') throw { code: 'unexpected', message: cmd }
      const req = args.request as { sheet: string | null }
      const sheet = req.sheet ?? '说明'
      return preview({
        sheets: ['说明', '名单'],
        sheet,
        header_row: sheet === '名单' ? 1 : 3,
      })
    })
    const { wrapper } = await mountImport()
    await chooseFile(wrapper, calls, '名册.xlsx')
    expect(wrapper.get('[data-testid=import-sheet]').text()).toContain('说明')
    expect(wrapper.get('[data-testid=import-header-row]').text()).toBe('第 3 行是表头')

    await pickOption(wrapper, '[data-testid=import-sheet]', '名单')
    await settle()
    expect(previews(calls).map((c) => c.args.request)).toEqual([
      { file_name: '名册.xlsx', sheet: null, mapping: null },
      { file_name: '名册.xlsx', sheet: '名单', mapping: null },
    ])
    expect(wrapper.get('[data-testid=import-sheet]').text()).toContain('名单')
    expect(wrapper.get('[data-testid=import-header-row]').text()).toBe('第 1 行是表头')
  })

  it('shows why a file cannot be read', async () => {
    const calls = fakeCore((cmd) => {
      if (cmd === 'import_preview')
        throw { code: 'import_failed', message: '这个文件不是表格文件。请选择 .xlsx、.xls 或 .csv 文件。' }
      throw { code: 'unexpected', message: cmd }
    })
    const { wrapper } = await mountImport()
    await chooseFile(wrapper, calls, '照片.jpg')
    const alert = wrapper.get('[data-testid=import-error]')
    expect(alert.find('.el-alert--error').exists()).toBe(true)
    expect(alert.text()).toContain('这个文件不是表格文件。请选择 .xlsx、.xls 或 .csv 文件。')
    expect(wrapper.find('[data-testid=import-preview]').exists()).toBe(false)
    expect(wrapper.find('[data-testid=import-apply]').exists()).toBe(false)
  })

  it('keeps the shown preview when a changed mapping is refused', async () => {
    const calls = fakeCore((cmd, args) => {
      if (cmd !== 'import_preview') throw { code: 'unexpected', message: cmd }
      if ((args.request as { mapping: unknown }).mapping)
        throw { code: 'import_failed', message: '没有哪一列对应“姓名”，请在对应关系里选出姓名列。' }
      return preview()
    })
    const { wrapper } = await mountImport()
    await chooseFile(wrapper, calls)
    await pickOption(wrapper.findAll('[data-testid=import-column]')[0], '[data-testid=import-field]', '不导入')
    await settle()
    expect(previews(calls)[1].args.request).toEqual({ file_name: '党员名单.csv', sheet: '名单', mapping: ['', 'sex', ''] })
    expect(wrapper.get('[data-testid=import-error]').text()).toContain('没有哪一列对应“姓名”')
    // the select goes back to what the shown rows were read with
    expect(wrapper.findAll('[data-testid=import-field]')[0].text()).toBe('姓名')
    expect(wrapper.findAll('[data-testid=import-row]')).toHaveLength(3)
  })

  it('writes the template and the roster and says where', async () => {
    const calls = fakeCore((cmd) => {
      if (cmd === 'import_template_export') return { path: 'D:\\支部台账\\导出\\花名册导入模板.xlsx', size: 9000, sheets: ['花名册'] }
      if (cmd === 'roster_export') throw { code: 'io', message: '导出文件夹无法写入，请检查磁盘空间。' }
      throw { code: 'unexpected', message: cmd }
    })
    const { wrapper } = await mountImport()
    await wrapper.get('[data-testid=import-template]').trigger('click')
    await settle()
    expect(wrapper.get('[data-testid=import-template-done] [data-testid=export-file-name]').text()).toBe('花名册导入模板.xlsx')
    expect(wrapper.find('[data-testid=roster-export-done]').exists()).toBe(false)

    await wrapper.get('[data-testid=roster-export]').trigger('click')
    await settle()
    expect(wrapper.get('[data-testid=roster-export-error]').text()).toBe('导出文件夹无法写入，请检查磁盘空间。')
    expect(calls.map((c) => c.cmd)).toEqual(['import_template_export', 'roster_export'])
    expect(calls.every((c) => Object.keys(c.args).length === 0)).toBe(true)
  })

  it('shows the path of the exported roster', async () => {
    fakeCore((cmd) => {
      if (cmd === 'roster_export') return { path: 'D:\\支部台账\\导出\\党员花名册.xlsx', size: 20480, sheets: ['花名册'] }
      throw { code: 'unexpected', message: cmd }
    })
    const { wrapper } = await mountImport()
    await wrapper.get('[data-testid=roster-export]').trigger('click')
    await settle()
    expect(wrapper.get('[data-testid=roster-export-done] [data-testid=export-file-name]').text()).toBe('党员花名册.xlsx')
  })
})

describe('导入的提醒和建账日期', () => {
  const branch = {
    name: '中共东山村支部委员会',
    higher_committee: '中共示例镇委员会',
    secretary: '张三',
    term_start: '2024-11-01',
    records_from: null as string | null,
  }

  it('shows the core’s warnings above the preview table', async () => {
    const calls = fakeCore((cmd) => {
      if (cmd === 'import_preview')
        return preview({ warnings: ['表格里有 2 名支委，支委会应为 3 至 7 人', '没有找到书记'] })
      throw { code: 'unexpected', message: cmd }
    })
    const { wrapper } = await mountImport()
    await chooseFile(wrapper, calls)
    const box = wrapper.get('[data-testid=import-warnings]')
    expect(box.findAll('[data-testid=import-warning]').map((w) => w.text())).toEqual([
      '表格里有 2 名支委，支委会应为 3 至 7 人',
      '没有找到书记',
    ])
    expect(box.findAll('.el-alert--warning')).toHaveLength(2)
    // above the rows
    const card = wrapper.get('[data-testid=import-preview]').element
    const rows = wrapper.get('[data-testid=import-rows]').element
    expect(box.element.compareDocumentPosition(rows) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
    expect(card.contains(box.element)).toBe(true)
  })

  it('shows no warnings box when there are none', async () => {
    const calls = fakeCore((cmd) => {
      if (cmd === 'import_preview') return preview()
      throw { code: 'unexpected', message: cmd }
    })
    const { wrapper } = await mountImport()
    await chooseFile(wrapper, calls)
    expect(wrapper.find('[data-testid=import-warnings]').exists()).toBe(false)
  })

  it('after importing, offers 建账日期 filled with the core’s date and saves it with the branch otherwise unchanged', async () => {
    const calls = fakeCore((cmd, args) => {
      if (cmd === 'import_preview') return CLEAN
      if (cmd === 'import_apply') return { ...CLEAN, written: 2, records_from: '2025-01-01', records_started: true }
      if (cmd === 'branch_get') return { ...branch, records_from: '2025-01-01' }
      if (cmd === 'branch_save') return args.branch
      throw { code: 'unexpected', message: cmd }
    })
    const { wrapper } = await mountImport()
    await chooseFile(wrapper, calls)
    expect(wrapper.find('[data-testid=records-from-card]').exists()).toBe(false)
    await applyButton(wrapper).trigger('click')
    await settle()

    const card = wrapper.get('[data-testid=records-from-card]')
    expect(card.text()).toContain('建账日期')
    expect(card.text()).toContain('本软件从这一天开始记账；这一天以前的会议和组织生活不作检查（显示为“建账前”）')
    // inline, not a dialog
    expect(document.querySelector('.el-dialog, .el-message-box')).toBeNull()
    const field = card.get('[data-testid=field-records_from] input')
    expect((field.element as HTMLInputElement).value).toBe('2025-01-01')
    await field.setValue('2024-12-01')
    await card.get('[data-testid=records-from-save]').trigger('click')
    await settle()

    expect(calls.filter((c) => c.cmd === 'branch_save').map((c) => c.args)).toEqual([
      { branch: { ...branch, records_from: '2024-12-01' } },
    ])
    expect(card.get('[data-testid=records-from-saved]').text()).toContain('已保存')
  })

  it('shows a refusal of the 建账日期 beside the field', async () => {
    const calls = fakeCore((cmd) => {
      if (cmd === 'import_preview') return CLEAN
      if (cmd === 'import_apply') return { ...CLEAN, written: 2, records_from: '2025-01-01', records_started: true }
      if (cmd === 'branch_get') return { ...branch, records_from: '2025-01-01' }
      if (cmd === 'branch_save') throw { code: 'validation', message: '有 1 项需要改正', fields: { records_from: '建账日期不能晚于今天' } }
      throw { code: 'unexpected', message: cmd }
    })
    const { wrapper } = await mountImport()
    await chooseFile(wrapper, calls)
    await applyButton(wrapper).trigger('click')
    await settle()
    const card = wrapper.get('[data-testid=records-from-card]')
    expect((card.get('[data-testid=field-records_from] input').element as HTMLInputElement).value).toBe('2025-01-01')
    await card.get('[data-testid=records-from-save]').trigger('click')
    await settle(150)
    expect(card.get('[data-testid=item-records_from] .el-form-item__error').text()).toBe('建账日期不能晚于今天')
  })

  it('does not offer 建账日期 when the books had started before this import', async () => {
    const calls = fakeCore((cmd) => {
      if (cmd === 'import_preview') return CLEAN
      if (cmd === 'import_apply') return { ...CLEAN, written: 2, records_from: '2025-01-01', records_started: false }
      if (cmd === 'branch_get') return { ...branch, records_from: '2025-01-01' }
      throw { code: 'unexpected', message: cmd }
    })
    const { wrapper } = await mountImport()
    await chooseFile(wrapper, calls)
    await applyButton(wrapper).trigger('click')
    await settle()
    expect(wrapper.find('[data-testid=records-from-card]').exists()).toBe(false)
  })
})
