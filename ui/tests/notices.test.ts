import { describe, expect, it, vi } from 'vitest'
import { appInfo, fakeCore, mountApp, pickOption, settle } from './helpers'
import type { Notice, NoticeDrafts, NoticeRequest, NoticeTerms, PartyDayForm } from '../src/api'

const TERMS: NoticeTerms = { from: '2026-11-27', to: '2026-12-04', contact: '王书记', phone: '' }
const PARTY_DAY: PartyDayForm = {
  date: '2026-11-27',
  time: '上午9:00',
  place: '村党群服务中心',
  topic: '11月主题党日',
  items: ['重温入党誓词', '学习党章'],
}
const PARTY_DAY_TERMS: NoticeTerms = { ...TERMS, to: '2026-11-27' }
const DRAFTS: NoticeDrafts = { terms: TERMS, party_day: PARTY_DAY, party_day_terms: PARTY_DAY_TERMS }

function base(over: Partial<Notice>): Notice {
  return {
    kind: 'general',
    title: '',
    subtitle: '',
    lead: '',
    table: null,
    paragraphs: [],
    terms: { from: '2026年11月27日', to: '2026年12月4日', contact: '王书记', phone: '', announcement: false },
    branch_name: '中共示例村支部委员会',
    issued_on: '2026-11-27',
    issued_label: '2026年11月27日',
    file_stem: '公示',
    ...over,
  }
}

type Answer = (request: NoticeRequest, terms: NoticeTerms) => unknown

/** A fake core for the 公示 pages; `preview` answers notice_preview (throw to refuse). */
function noticeCore(preview: Answer) {
  return fakeCore((cmd, args) => {
    switch (cmd) {
      case 'app_info':
        return appInfo()
      case 'notice_drafts':
        return DRAFTS
      case 'notice_preview':
        return preview(args.request as NoticeRequest, args.terms as NoticeTerms)
      case 'notice_export':
        return { path: 'D:\\导出\\公示.xlsx', size: 8000, sheets: ['公示'] }
    }
    throw { code: 'unexpected', message: `unexpected ${cmd}` }
  })
}

const previews = (calls: { cmd: string; args: Record<string, unknown> }[]) =>
  calls.filter((c) => c.cmd === 'notice_preview').map((c) => c.args)

describe('民主评议结果公示', () => {
  const review = (year: number) =>
    base({
      kind: 'review',
      title: '民主评议党员结果公示',
      subtitle: `（${year}年度民主评议党员）`,
      lead: `${year + 1}年1月15日，支部开展民主评议党员，经个人自评、党员互评、民主测评和组织评定，评定结果公示如下：`,
      table: {
        headers: ['评定等次', '人数', '党员姓名'],
        widths: [16, 7, 55],
        rows: [
          ['优秀', '1', '张三'],
          ['合格', '2', '李四、赵六'],
          ['基本合格', '0', '—'],
          ['不合格', '0', '—'],
          ['预备党员（不评定等次）', '1', '王五'],
        ],
        amount_column: null,
        total: null,
        empty_text: '这次评议没有记录参加的党员',
      },
      paragraphs: ['参加评定等次的正式党员 3 名，其中优秀 1 名、合格 2 名、基本合格 0 名、不合格 0 名。预备党员 1 名不评定等次。'],
    })

  it('prints the rows of the year, and says so when the year has no 民主评议', async () => {
    const calls = noticeCore((r) => {
      if (r.kind !== 'review') throw { code: 'unexpected', message: r.kind }
      if (r.year === 2025)
        throw {
          code: 'not_found',
          message: '找不到这条本年度的民主评议党员记录（请先在“组织生活”里记录民主评议），可能已被删除。',
        }
      return review(r.year)
    })
    const { wrapper, router } = await mountApp('/ledger/notice/review')
    expect(router.currentRoute.value.meta.nav).toBe('ledger')
    expect(wrapper.get('[data-testid=back-link]').attributes('href')).toContain('/ledger')
    expect(previews(calls)).toEqual([{ request: { kind: 'review', year: 2026 }, terms: TERMS }])

    const paper = wrapper.get('[data-testid=notice-paper]')
    expect(paper.get('[data-testid=notice-title]').text()).toBe('民主评议党员结果公示')
    expect(paper.get('[data-testid=notice-period-label]').text()).toBe('（2026年度民主评议党员）')
    expect(paper.get('[data-testid=notice-intro]').text()).toContain('2027年1月15日，支部开展民主评议党员')
    expect(paper.findAll('th').map((t) => t.text())).toEqual(['评定等次', '人数', '党员姓名'])
    const rows = paper.findAll('[data-testid=notice-row]')
    expect(rows.map((r) => r.findAll('td').map((td) => td.text()))).toEqual([
      ['优秀', '1', '张三'],
      ['合格', '2', '李四、赵六'],
      ['基本合格', '0', '—'],
      ['不合格', '0', '—'],
      ['预备党员（不评定等次）', '1', '王五'],
    ])
    // the names column is the wide one, as the core sized it
    expect(paper.findAll('col').map((c) => c.attributes('style'))).toEqual([
      'width: 20.51%;',
      'width: 8.97%;',
      'width: 70.51%;',
    ])
    expect(paper.find('[data-testid=notice-total]').exists()).toBe(false)
    expect(paper.get('[data-testid=notice-paragraph]').text()).toContain('合格 2 名')

    await pickOption(wrapper, '[data-testid=notice-year]', '2025年')
    expect(previews(calls).pop()).toEqual({ request: { kind: 'review', year: 2025 }, terms: TERMS })
    expect(wrapper.find('[data-testid=notice-paper]').exists()).toBe(false)
    expect(wrapper.get('[data-testid=notice-error]').text()).toContain('本年度的民主评议党员记录')
    expect(wrapper.get('[data-testid=print-notice]').attributes('disabled')).toBeDefined()
    expect(wrapper.get('[data-testid=export-notice-xlsx]').attributes('disabled')).toBeDefined()
    // said on the page, not as JSON
    expect(wrapper.text()).not.toContain('not_found')
  })

  it('opens at the year the link gives', async () => {
    const calls = noticeCore((r) => review((r as { year: number }).year))
    await mountApp('/ledger/notice/review?year=2024')
    expect(previews(calls)).toEqual([{ request: { kind: 'review', year: 2024 }, terms: TERMS }])
  })
})

describe('主题党日活动预告', () => {
  function partyNotice(r: NoticeRequest): Notice {
    if (r.kind !== 'party_day') throw { code: 'unexpected', message: r.kind }
    if (r.topic.trim() === '') throw { code: 'validation', message: '有 1 处填写需要修改：请填写活动主题', fields: { topic: '请填写活动主题' } }
    return base({
      kind: 'party_day',
      title: '主题党日活动预告',
      subtitle: '（2026年11月）',
      lead: '全体党员同志：',
      terms: { from: '2026年11月27日', to: '2026年11月27日', contact: '王书记', phone: '', announcement: true },
      paragraphs: [
        `支部定于2026年11月27日（星期五）${r.time}开展11月主题党日活动，现将有关事项预告如下：`,
        `二、活动地点：${r.place}`,
        `三、活动主题：${r.topic}`,
        ...r.items.filter((s) => s.trim()).map((s, i) => `${i + 1}. ${s}`),
      ],
    })
  }

  it('starts from the drafts, sends added items, and marks an empty topic beside the field', async () => {
    const calls = noticeCore(partyNotice)
    const { wrapper } = await mountApp('/ledger/notice/party-day')
    const value = (testid: string) => wrapper.get<HTMLInputElement>(`[data-testid=${testid}] input`).element.value
    expect(value('party-date')).toBe('2026-11-27')
    expect(value('party-time')).toBe('上午9:00')
    expect(value('party-place')).toBe('村党群服务中心')
    expect(value('party-topic')).toBe('11月主题党日')
    expect(wrapper.findAll<HTMLInputElement>('[data-testid=party-item] input').map((i) => i.element.value)).toEqual([
      '重温入党誓词',
      '学习党章',
    ])
    // Posted until the activity day: the drafts' own 张贴期, not the 公示's five working days.
    expect(previews(calls)).toEqual([{ request: { kind: 'party_day', ...PARTY_DAY }, terms: PARTY_DAY_TERMS }])
    const line = wrapper.get('[data-testid=notice-term]').text()
    expect(line.startsWith('张贴期：')).toBe(true)
    expect(line).toContain('如有疑问')
    expect(line).not.toContain('公示期间如有意见')
    expect(wrapper.get('[data-testid=notice-title]').text()).toBe('主题党日活动预告')
    expect(wrapper.findAll('[data-testid=notice-paragraph]').map((p) => p.text())).toContain('2. 学习党章')

    // a new item, typed into, goes into the request
    await wrapper.get('[data-testid=party-add-item]').trigger('click')
    const items = wrapper.findAll('[data-testid=party-item] input')
    expect(items).toHaveLength(3)
    await items[2].setValue('观看教育片')
    await settle(350)
    expect(previews(calls).pop()).toEqual({
      request: { kind: 'party_day', ...PARTY_DAY, items: ['重温入党誓词', '学习党章', '观看教育片'] },
      terms: PARTY_DAY_TERMS,
    })
    expect(wrapper.findAll('[data-testid=notice-paragraph]').map((p) => p.text())).toContain('3. 观看教育片')

    // removing one too
    await wrapper.findAll('[data-testid=party-remove-item]')[0].trigger('click')
    await settle(350)
    expect((previews(calls).pop()!.request as PartyDayForm).items).toEqual(['学习党章', '观看教育片'])

    // an empty topic: the core's word beside the field, no paper to print
    await wrapper.get('[data-testid=party-topic] input').setValue('')
    await settle(350)
    await settle(150)
    expect((previews(calls).pop()!.request as PartyDayForm).topic).toBe('')
    expect(wrapper.get('[data-testid=item-topic] .el-form-item__error').text()).toBe('请填写活动主题')
    expect(wrapper.find('[data-testid=item-place] .el-form-item__error').exists()).toBe(false)
    expect(wrapper.find('[data-testid=notice-paper]').exists()).toBe(false)
    expect(wrapper.get('[data-testid=print-notice]').attributes('disabled')).toBeDefined()

    await wrapper.get('[data-testid=party-topic] input').setValue('学习二十届全会精神')
    await settle(350)
    await settle(150)
    expect(wrapper.find('[data-testid=item-topic] .el-form-item__error').exists()).toBe(false)
    expect(wrapper.get('[data-testid=notice-paper]').text()).toContain('三、活动主题：学习二十届全会精神')
  })

  it('asks only once for a burst of typing', async () => {
    const calls = noticeCore(partyNotice)
    const { wrapper } = await mountApp('/ledger/notice/party-day')
    const input = wrapper.get('[data-testid=party-place] input')
    for (const v of ['村', '村委', '村委会']) {
      await input.setValue(v)
      await settle(50)
    }
    expect(previews(calls)).toHaveLength(1)
    await settle(350)
    expect(previews(calls)).toHaveLength(2)
    expect((previews(calls)[1].request as PartyDayForm).place).toBe('村委会')
  })
})

describe('一般公示', () => {
  function general(r: NoticeRequest): Notice {
    if (r.kind !== 'general') throw { code: 'unexpected', message: r.kind }
    const fields: Record<string, string> = {}
    if (r.title.trim() === '') fields.title = '请填写公示标题，如 关于发展王某某为预备党员的公示'
    const paragraphs = r.body
      .split('\n')
      .map((s) => s.trim())
      .filter((s) => s)
      .map((s) => s.replace(/(1\d{2})\d{4}(\d{4})/g, '$1****$2'))
    if (paragraphs.length === 0) fields.body = '请填写公示内容'
    if (Object.keys(fields).length) throw { code: 'validation', message: '有几处填写需要修改', fields }
    return base({ title: r.title.trim(), paragraphs })
  }

  it('prints the title and one paragraph per line, as the core gives them', async () => {
    const calls = noticeCore(general)
    const print = vi.spyOn(window, 'print').mockImplementation(() => {})
    const { wrapper } = await mountApp('/ledger/notice/general')
    // nothing written yet: nothing asked, no red marks
    expect(previews(calls)).toHaveLength(0)
    expect(wrapper.get('[data-testid=notice-waiting]').text()).toContain('写好标题和内容')
    expect(wrapper.find('.el-form-item__error').exists()).toBe(false)

    await wrapper.get('[data-testid=general-title] input').setValue('关于发展王某某为预备党员的公示')
    await wrapper.get('[data-testid=general-body] textarea').setValue('王某某，男，1990年出生。\n\n联系电话13812345678。')
    await settle(350)
    expect(previews(calls).pop()).toEqual({
      request: {
        kind: 'general',
        title: '关于发展王某某为预备党员的公示',
        body: '王某某，男，1990年出生。\n\n联系电话13812345678。',
      },
      terms: TERMS,
    })
    const paper = wrapper.get('[data-testid=notice-paper]')
    expect(paper.get('[data-testid=notice-title]').text()).toBe('关于发展王某某为预备党员的公示')
    expect(paper.find('[data-testid=notice-period-label]').exists()).toBe(false)
    expect(paper.find('table').exists()).toBe(false)
    expect(paper.findAll('[data-testid=notice-paragraph]').map((p) => p.text())).toEqual([
      '王某某，男，1990年出生。',
      '联系电话138****5678。',
    ])
    expect(paper.text()).not.toContain('13812345678')

    // typing and printing at once: the paper is brought up to date first
    await wrapper.get('[data-testid=general-title] input').setValue('关于王某某的公示')
    await wrapper.get('[data-testid=print-notice]').trigger('click')
    await settle()
    expect(print).toHaveBeenCalledTimes(1)
    expect(wrapper.get('[data-testid=notice-title]').text()).toBe('关于王某某的公示')
    print.mockRestore()

    await wrapper.get('[data-testid=export-notice-xlsx]').trigger('click')
    await settle()
    expect(calls.filter((c) => c.cmd === 'notice_export').map((c) => c.args)).toEqual([
      {
        request: { kind: 'general', title: '关于王某某的公示', body: '王某某，男，1990年出生。\n\n联系电话13812345678。' },
        terms: TERMS,
      },
    ])
    expect(wrapper.get('[data-testid=notice-export-result] [data-testid=export-file-name]').text()).toBe('公示.xlsx')
  })

  it('marks an empty title beside the field', async () => {
    const calls = noticeCore(general)
    const { wrapper } = await mountApp('/ledger/notice/general')
    await wrapper.get('[data-testid=general-body] textarea').setValue('经支部委员会研究，拟发展王某某为预备党员。')
    await settle(350)
    await settle(150)
    expect(previews(calls)).toHaveLength(1)
    expect(wrapper.get('[data-testid=item-title] .el-form-item__error').text()).toContain('请填写公示标题')
    expect(wrapper.find('[data-testid=item-body] .el-form-item__error').exists()).toBe(false)
    expect(wrapper.find('[data-testid=notice-paper]').exists()).toBe(false)
    expect(wrapper.get('[data-testid=notice-error]').text()).toContain('有几处填写需要修改')
  })

  it('marks a term the core refuses beside its field', async () => {
    noticeCore((r, t) => {
      if (t.to === '2026-11-01') throw { code: 'validation', message: '有 1 处填写需要修改', fields: { to: '公示期结束日期不能早于开始日期' } }
      return general(r)
    })
    const { wrapper } = await mountApp('/ledger/notice/general')
    await wrapper.get('[data-testid=general-title] input').setValue('关于王某某的公示')
    await wrapper.get('[data-testid=general-body] textarea').setValue('内容')
    await wrapper.get('[data-testid=notice-to] input').setValue('2026-11-01')
    await settle(350)
    await settle(150)
    expect(wrapper.get('[data-testid=item-to] .el-form-item__error').text()).toBe('公示期结束日期不能早于开始日期')
  })
})
