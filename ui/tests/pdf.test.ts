import { describe, expect, it, vi } from 'vitest'
import { appInfo, fakeCore, mountApp, settle } from './helpers'
import type { Notice, NoticeDrafts } from '../src/api'

// 保存为PDF on the print pages: the page asks the program to print itself
// into a PDF named by the page's title, then shows where it went with the
// export buttons — or why not. The hidden print window of the command line
// shows the job's page and only then asks for it to be printed.

const NOTICE: Notice = {
  kind: 'dues',
  title: '党费收缴情况公示',
  subtitle: '（2026年第三季度）',
  lead: '现将2026年第三季度党费收缴情况公示如下：',
  table: {
    headers: ['序号', '姓名', '已交月份', '未交月份', '交纳金额（元）'],
    widths: [6, 10, 20, 20, 14],
    rows: [['1', '赵春燕', '7—9月', '', '1.50']],
    amount_column: 4,
    total: '1.50',
    empty_text: '',
  },
  paragraphs: [],
  terms: { from: '2026年11月27日', to: '2026年12月4日', contact: '王书记', phone: '', announcement: false },
  branch_name: '中共示例村支部委员会',
  issued_on: '2026-11-27',
  issued_label: '2026年11月27日',
  file_stem: '公示',
} as Notice

const DRAFTS: NoticeDrafts = {
  terms: { from: '2026-11-27', to: '2026-12-04', contact: '王书记', phone: '' },
  party_day: { date: '2026-11-27', time: '', place: '', topic: '', items: [] },
  party_day_terms: { from: '2026-11-27', to: '2026-11-27', contact: '王书记', phone: '' },
}

const PDF = { path: '/home/u/.local/share/zhibu/导出/党费收缴情况公示20261127.pdf', size: 200 * 1024, sheets: [] }

function duesNoticeCore(exportPdf: () => unknown) {
  return fakeCore((cmd) => {
    switch (cmd) {
      case 'app_info':
        return appInfo()
      case 'notice_drafts':
        return DRAFTS
      case 'notice_preview':
        return NOTICE
      case 'dues_choices':
        return { years: [2026], year: 2026 }
      case 'export_pdf':
        return exportPdf()
    }
    return null
  })
}

describe('保存为PDF', () => {
  it('prints the page under its title and shows the PDF with 打开 and the rest', async () => {
    const calls = duesNoticeCore(() => PDF)
    const { wrapper } = await mountApp('/dues/notice')
    await settle()
    const button = wrapper.get('[data-testid=save-pdf]')
    expect(button.text()).toBe('保存为PDF')
    expect(wrapper.find('[data-testid=pdf-result]').exists()).toBe(false)
    await button.trigger('click')
    await settle()
    expect(calls.filter((c) => c.cmd === 'export_pdf')).toEqual([
      { cmd: 'export_pdf', args: { title: '党费收缴情况公示' } },
    ])
    const result = wrapper.get('[data-testid=pdf-result]')
    expect(result.classes()).toContain('no-print')
    expect(result.get('[data-testid=export-file-name]').text()).toBe('党费收缴情况公示20261127.pdf')
    expect(result.get('[data-testid=export-open]').attributes('title')).toContain('PDF')
    expect(result.find('[data-testid=export-save-as]').exists()).toBe(true)
  })

  it('says why when the PDF could not be made, and offers no file', async () => {
    duesNoticeCore(() => {
      throw { code: 'io', message: '生成 PDF 的时间太长，已放弃。请重试；如果一直不行，请用“打印”。' }
    })
    const { wrapper } = await mountApp('/dues/notice')
    await settle()
    await wrapper.get('[data-testid=save-pdf]').trigger('click')
    await settle()
    expect(wrapper.get('[data-testid=pdf-error]').text()).toContain('生成 PDF 的时间太长')
    expect(wrapper.find('[data-testid=export-file-name]').exists()).toBe(false)
  })
})

describe('命令行的 PDF：隐藏的打印窗口', () => {
  it('shows the job’s notice without the navigation, then asks for it to be printed', async () => {
    const order: string[] = []
    fakeCore((cmd) => {
      order.push(cmd)
      if (cmd === 'print_job') return { kind: 'notice', notice: NOTICE }
      return null
    })
    const { wrapper } = await mountApp('/print-job')
    await settle()
    await vi.waitFor(() => expect(order).toContain('print_job_ready'))
    expect(wrapper.find('.nav').exists()).toBe(false)
    expect(wrapper.get('[data-testid=notice-title]').text()).toBe('党费收缴情况公示')
    expect(wrapper.findAll('[data-testid=notice-row]')).toHaveLength(1)
    expect(order.indexOf('print_job')).toBeLessThan(order.indexOf('print_job_ready'))
  })

  it('shows a 台账 sheet with its rows, 合计 and signature line, as the core built them', async () => {
    const order: string[] = []
    fakeCore((cmd) => {
      order.push(cmd)
      if (cmd === 'print_job')
        return {
          kind: 'sheet',
          sheet: {
            title: '2026年度党费上缴记录',
            unit_line: '填报单位：中共示例村支部委员会',
            date_line: '填报日期：2026年11月27日',
            headers: ['序号', '上缴日期', '金额（元）'],
            widths: [5, 14, 11],
            rows: [
              [
                { text: '1', align: 'center', span: 1 },
                { text: '2026年4月2日', align: 'left', span: 1 },
                { text: '590.25', align: 'right', span: 1 },
              ],
            ],
            empty_text: null,
            total: [
              { text: '合计', align: 'center', span: 2 },
              { text: '590.25', align: 'right', span: 1 },
            ],
            signature: '书记签字：    日期：    年  月  日',
            landscape: false,
          },
        }
      return null
    })
    const { wrapper } = await mountApp('/print-job')
    await settle()
    await vi.waitFor(() => expect(order).toContain('print_job_ready'))
    expect(wrapper.get('[data-testid=sheet-title]').text()).toBe('2026年度党费上缴记录')
    const cells = wrapper.get('[data-testid=sheet-row]').findAll('td')
    expect(cells.map((c) => c.text())).toEqual(['1', '2026年4月2日', '590.25'])
    expect(cells[2].classes()).toContain('right')
    const total = wrapper.get('[data-testid=sheet-total]').findAll('td')
    expect(total[0].attributes('colspan')).toBe('2')
    expect(wrapper.text()).toContain('书记签字')
  })

  it('asks for nothing to be printed in a window without a job', async () => {
    const calls = fakeCore(() => null)
    const { wrapper } = await mountApp('/print-job')
    await settle()
    expect(calls.map((c) => c.cmd)).toContain('print_job')
    expect(calls.map((c) => c.cmd)).not.toContain('print_job_ready')
    expect(wrapper.find('[data-testid=notice-paper]').exists()).toBe(false)
  })
})
