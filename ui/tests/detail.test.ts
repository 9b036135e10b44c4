import { describe, expect, it } from 'vitest'
import { appInfo, detail, fakeCore, mountApp, settle, testChoices } from './helpers'

function core(over = {}) {
  return fakeCore((cmd, args) => {
    if (cmd === 'member_get') return detail({ id: Number(args.id), ...over })
    if (cmd === 'choices') return testChoices
    if (cmd === 'app_info') return appInfo({ member_count: 1 })
    if (cmd === 'member_change_status')
      throw { code: 'validation', message: '请改正标红的地方', fields: { reason: '请写明原因' } }
    throw { code: 'unexpected', message: cmd }
  })
}

describe('党员详情', () => {
  it('shows masked numbers until asked, and formats dates as text', async () => {
    core()
    const { wrapper } = await mountApp('/members/7')
    expect(wrapper.get('[data-testid=detail-name]').text()).toBe('李四')
    expect(wrapper.get('[data-testid=detail-id_number]').text()).toBe('110101********1234')
    expect(wrapper.get('[data-testid=detail-phone]').text()).toBe('138****1111')
    expect(wrapper.get('[data-testid=detail-birth_date]').text()).toBe('1962年1月')
    expect(wrapper.get('[data-testid=detail-admitted_on]').text()).toBe('1985年7月1日')
    expect(wrapper.get('[data-testid=detail-age]').text()).toBe('64岁')
    expect(wrapper.get('[data-testid=detail-next_political_birthday]').text()).toContain('2027年7月1日')
    expect(wrapper.get('[data-testid=detail-next_political_birthday]').text()).toContain('42')

    await wrapper.get('[data-testid=toggle-full-numbers]').trigger('click')
    expect(wrapper.get('[data-testid=detail-id_number]').text()).toBe('110101196201011234')
    expect(wrapper.get('[data-testid=detail-phone]').text()).toBe('13800001111')
  })

  it('says when the day of the political birthday is not known', async () => {
    core({ next_political_birthday: { date: '2027-07', years: 42, day_known: false } })
    const { wrapper } = await mountApp('/members/7')
    expect(wrapper.get('[data-testid=detail-next_political_birthday]').text()).toContain('（具体日期不详）')
  })

  it('keeps the status dialog open with the field error on a validation answer', async () => {
    const calls = core()
    const { wrapper } = await mountApp('/members/7')
    await wrapper.get('[data-testid=change-status]').trigger('click')
    await settle()
    const dialog = document.querySelector('[data-testid=status-dialog]') as HTMLElement
    expect(dialog).toBeTruthy()
    ;(document.querySelector('[data-testid=status-save]') as HTMLElement).click()
    await settle(150)
    const sent = calls.find((c) => c.cmd === 'member_change_status')!
    expect(sent.args).toMatchObject({ id: 7, change: { date: '2026-11-27' } })
    const err = document.querySelector('[data-testid=status-dialog] [data-testid=item-reason] .el-form-item__error')
    expect(err?.textContent?.trim()).toBe('请写明原因')
  })
})

describe('删除党员', () => {
  it('asks first, says it can be restored, then deletes and returns to the roster', async () => {
    const calls = fakeCore((cmd, args) => {
      if (cmd === 'member_get') return detail({ id: Number(args.id) })
      if (cmd === 'choices') return testChoices
      if (cmd === 'app_info') return appInfo({ member_count: 1 })
      if (cmd === 'member_delete') return null
      if (cmd === 'group_list') return []
      if (cmd === 'member_list') return []
      throw { code: 'unexpected', message: cmd }
    })
    const { wrapper, router } = await mountApp('/members/7')
    await wrapper.get('[data-testid=delete-member]').trigger('click')
    await settle(50)
    const box = document.querySelector('.el-message-box') as HTMLElement
    expect(box.textContent).toContain('删除后可在回收站恢复')
    expect(calls.some((c) => c.cmd === 'member_delete')).toBe(false)
    const confirm = Array.from(box.querySelectorAll('button')).find((b) => b.textContent?.trim() === '删除')!
    confirm.click()
    await settle(50)
    expect(calls.find((c) => c.cmd === 'member_delete')?.args).toEqual({ id: 7 })
    expect(router.currentRoute.value.path).toBe('/members')
  })
})

const probationary = {
  kind: 'probationary',
  kind_label: '预备党员',
  admitted_on: '2025-12-15',
  full_member_on: '',
  probation_end: '2026-12-15',
  probation_end_text: '2026年12月15日',
}

describe('转正日期和预备期', () => {
  it('shows the era note beside 转正日期, and the 转正日期说明', async () => {
    core({
      admitted_on: '1972-03-01',
      full_member_on: '1972-03-01',
      era_note: '九大/十大党章期间入党，无预备期',
      full_member_reason: '档案记载如此',
    })
    const { wrapper } = await mountApp('/members/7')
    expect(wrapper.get('[data-testid=detail-full_member_on]').text()).toBe('1972年3月1日')
    const note = wrapper.get('[data-testid=detail-era_note]')
    expect(note.text()).toBe('九大/十大党章期间入党，无预备期')
    expect(note.classes()).toContain('el-tag--info')
    expect(wrapper.get('[data-testid=detail-full_member_reason]').text()).toBe('档案记载如此')
    expect(wrapper.find('[data-testid=detail-probation_end]').exists()).toBe(false)
  })

  it('shows no era note nor 说明 when the core gives none', async () => {
    core()
    const { wrapper } = await mountApp('/members/7')
    expect(wrapper.find('[data-testid=detail-era_note]').exists()).toBe(false)
    expect(wrapper.find('[data-testid=detail-full_member_reason]').exists()).toBe(false)
    expect(wrapper.find('[data-testid=extend-probation]').exists()).toBe(false)
  })

  it('shows 预备期满 and the extension of a 预备党员, with no second extension offered', async () => {
    core({
      ...probationary,
      probation_end: '2027-06-15',
      probation_end_text: '2027年6月15日',
      probation_extension: { months: 6, decided_on: '2026-12-10', approval: '镇党委批复同意' },
      can_extend_probation: false,
    })
    const { wrapper } = await mountApp('/members/7')
    expect(wrapper.get('[data-testid=detail-probation_end]').text()).toBe('2027年6月15日')
    expect(wrapper.get('[data-testid=detail-probation_extension]').text()).toBe(
      '已延长预备期 6 个月（2026年12月10日支部大会决定，批复：镇党委批复同意）',
    )
    expect(wrapper.find('[data-testid=extend-probation]').exists()).toBe(false)
  })

  it('extends the probation: sends member_extend_probation with the typed values and shows the answer', async () => {
    const calls = fakeCore((cmd, args) => {
      if (cmd === 'member_get') return detail({ id: Number(args.id), ...probationary, can_extend_probation: true })
      if (cmd === 'choices') return testChoices
      if (cmd === 'app_info') return appInfo({ member_count: 1 })
      if (cmd === 'member_extend_probation')
        return detail({
          id: 7,
          ...probationary,
          probation_end: '2027-09-15',
          probation_end_text: '2027年9月15日',
          probation_extension: { months: 9, decided_on: '2026-12-01', approval: '镇党委 2026年12月5日 批复同意' },
          can_extend_probation: false,
        })
      throw { code: 'unexpected', message: cmd }
    })
    const { wrapper } = await mountApp('/members/7')
    expect(wrapper.get('[data-testid=detail-probation_end]').text()).toBe('2026年12月15日')
    await wrapper.get('[data-testid=extend-probation]').trigger('click')
    await settle()
    const dialog = document.querySelector('[data-testid=extension-dialog]') as HTMLElement
    expect(dialog.textContent).toContain('延长预备期')
    const input = (id: string) => dialog.querySelector(`[data-testid=${id}] input`) as HTMLInputElement
    expect(input('field-decided_on').value).toBe('2026-11-27')
    const type = async (el: HTMLInputElement, value: string) => {
      el.value = value
      el.dispatchEvent(new Event('input'))
      el.dispatchEvent(new Event('change'))
      el.dispatchEvent(new FocusEvent('blur'))
      await settle()
    }
    await type(input('field-months'), '9')
    await type(input('field-decided_on'), '2026-12-01')
    await type(input('field-approval'), '镇党委 2026年12月5日 批复同意')
    ;(dialog.querySelector('[data-testid=extension-save]') as HTMLElement).click()
    await settle()

    expect(calls.filter((c) => c.cmd === 'member_extend_probation').map((c) => c.args)).toEqual([
      { id: 7, extension: { months: 9, decided_on: '2026-12-01', approval: '镇党委 2026年12月5日 批复同意' } },
    ])
    expect(wrapper.get('[data-testid=detail-probation_end]').text()).toBe('2027年9月15日')
    expect(wrapper.get('[data-testid=detail-probation_extension]').text()).toContain('已延长预备期 9 个月')
    expect(wrapper.find('[data-testid=extend-probation]').exists()).toBe(false)
    expect(document.querySelector('.el-message')?.textContent).toContain('已保存')
  })

  it('keeps the extension dialog open with each field’s error beside it', async () => {
    const calls = fakeCore((cmd, args) => {
      if (cmd === 'member_get') return detail({ id: Number(args.id), ...probationary, can_extend_probation: true })
      if (cmd === 'choices') return testChoices
      if (cmd === 'app_info') return appInfo({ member_count: 1 })
      if (cmd === 'member_extend_probation')
        throw {
          code: 'validation',
          message: '有 3 项需要改正',
          fields: { months: '延长时间请填 6 到 12 个月', decided_on: '日期不能晚于今天', approval: '请填写上级党组织的批复' },
        }
      throw { code: 'unexpected', message: cmd }
    })
    const { wrapper } = await mountApp('/members/7')
    await wrapper.get('[data-testid=extend-probation]').trigger('click')
    await settle()
    ;(document.querySelector('[data-testid=extension-save]') as HTMLElement).click()
    await settle(150)
    expect(calls.find((c) => c.cmd === 'member_extend_probation')!.args).toEqual({
      id: 7,
      extension: { months: null, decided_on: '2026-11-27', approval: '' },
    })
    const error = (field: string) =>
      document.querySelector(`[data-testid=extension-dialog] [data-testid=item-${field}] .el-form-item__error`)?.textContent?.trim()
    expect(error('months')).toBe('延长时间请填 6 到 12 个月')
    expect(error('decided_on')).toBe('日期不能晚于今天')
    expect(error('approval')).toBe('请填写上级党组织的批复')
    expect(document.querySelector('[data-testid=extension-dialog]')?.textContent).toContain('有 3 项需要改正')
  })
})

describe('党籍状态的颜色', () => {
  it('shows 留党察看 in orange', async () => {
    core({ status: 'watch', status_label: '留党察看' })
    const { wrapper } = await mountApp('/members/7')
    expect(wrapper.get('[data-testid=detail-status-tag]').classes()).toContain('el-tag--warning')
  })

  it('shows 取消预备党员资格 in grey', async () => {
    core({ status: 'cancelled', status_label: '取消预备党员资格' })
    const { wrapper } = await mountApp('/members/7')
    const tag = wrapper.get('[data-testid=detail-status-tag]')
    expect(tag.text()).toBe('取消预备党员资格')
    expect(tag.classes()).toContain('el-tag--info')
  })
})
