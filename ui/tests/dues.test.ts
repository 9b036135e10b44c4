import { describe, expect, it, vi } from 'vitest'
import { mountApp, pickOption, settle } from './helpers'
import { asState, cellOf, duesCore, gridOf, OWING, payment, rowOf } from './duesFixtures'
import type { DuesGrid, Notice, NoticeRequest, NoticeTerms, PaymentForm } from '../src/api'

function inDialog(testid: string): HTMLElement {
  const el = document.querySelector<HTMLElement>(`[data-testid=${testid}]`)
  if (!el) throw new Error(`no ${testid}`)
  return el
}
async function typeInto(input: HTMLInputElement, value: string) {
  input.value = value
  input.dispatchEvent(new Event('input'))
  await settle()
}

describe('党费收缴表', () => {
  it('draws every month of every member from dues_grid, with the totals and the arrears', async () => {
    const calls = duesCore()
    const { wrapper } = await mountApp('/dues')
    expect(calls.find((c) => c.cmd === 'dues_grid')!.args).toEqual({ year: 2026 })

    // the demo's 43 members (42, and the one its 发展党员 step 17 made), each with twelve months
    const cells = wrapper.findAll('[data-testid=dues-cell]')
    expect(cells).toHaveLength(43 * 12)
    const cell = (id: number, month: string) =>
      wrapper.get(`[data-testid=dues-cell][data-member-id="${id}"][data-month="${month}"]`)

    expect(cell(4, '2026-03').attributes('data-state')).toBe('paid')
    expect(cell(4, '2026-03').text()).toBe('23.25')
    expect(cell(4, '2026-03').classes()).toContain('state-paid')
    expect(cell(OWING, '2026-11').attributes('data-state')).toBe('owed')
    expect(cell(OWING, '2026-11').text()).toBe('0.20')
    expect(cell(OWING, '2026-11').classes()).toContain('state-owed')
    expect(cell(OWING, '2026-12').attributes('data-state')).toBe('future')
    expect(cell(OWING, '2026-12').text()).toBe('●')
    expect(cell(15, '2026-01').text()).toBe('0.50')
    // 赵春燕 joined in March, 黄晓红 left after February
    expect(cell(1, '2026-01').text()).toBe('—')
    expect(cell(1, '2026-01').attributes('data-state')).toBe('not_member')
    expect(cell(16, '2026-05').text()).toBe('—')

    const retired = wrapper.get('[data-testid=dues-row][data-member-id="4"]')
    expect(retired.text()).toContain('离退休（按养老金）')
    expect(retired.text()).toContain('4650.00')
    expect(retired.text()).toContain('0.5%')
    expect(retired.get('[data-testid=dues-row-total]').text()).toBe('255.75')
    expect(retired.get('[data-testid=dues-member-link]').attributes('href')).toContain('/dues/member/4')

    // 欠交: nothing under 3 months, orange from 3, red from 6
    const arrears = (id: number) => wrapper.get(`[data-testid=dues-row][data-member-id="${id}"] [data-testid=dues-arrears-months]`)
    expect(arrears(4).text()).toBe('')
    expect(arrears(13).text()).toBe('')
    expect(arrears(OWING).text()).toBe('3个月')
    expect(arrears(OWING).find('.el-tag--warning').exists()).toBe(true)
    expect(arrears(15).text()).toBe('10个月')
    expect(arrears(15).find('.el-tag--danger').exists()).toBe(true)

    const totals = wrapper.get('[data-testid=dues-totals]')
    expect(totals.findAll('[data-testid=dues-month-total]').map((t) => t.text())).toEqual([
      '196.75', '196.75', '196.75', '196.75', '196.75', '196.75', '197.25', '197.05', '197.05', '196.05', '196.05', '0.00',
    ])
    expect(totals.get('[data-testid=dues-total]').text()).toBe('2163.95')
    expect(wrapper.get('[data-testid=dues-extra]').text()).toContain('自愿多交：0.00 元')
  })

  it('draws 未核定 and 免交 cells', async () => {
    // Not in the demo's grid: 朱文斌's real row, as the core gives it for a
    // member not yet assessed and for one waived (生活困难减免).
    duesCore((cmd, args) => {
      if (cmd !== 'dues_grid' || Number(args.year) !== 2026) return undefined
      const g = gridOf(2026)
      const r = rowOf(g, 17)
      r.cells = r.cells.map((c, i) => (i < 2 ? asState(c, 'unassessed', '未核定') : i < 5 ? asState(c, 'waived', '免交') : c))
      return g
    })
    const { wrapper } = await mountApp('/dues')
    const cell = (month: string) => wrapper.get(`[data-testid=dues-cell][data-member-id="17"][data-month="${month}"]`)
    expect(cell('2026-01').text()).toBe('未核定')
    expect(cell('2026-01').classes()).toContain('state-unassessed')
    expect(cell('2026-05').text()).toBe('免交')
    expect(cell('2026-05').classes()).toContain('state-waived')
    expect(cell('2026-06').text()).toBe('—')
  })

  it('收缴日 ticks only the members who owe the month and sends their ids', async () => {
    const calls = duesCore((cmd, args) => {
      if (cmd === 'dues_collect')
        return (args.member_ids as number[]).map((id) => payment({ id: 100 + id, member_id: id }))
      return undefined
    })
    const { wrapper } = await mountApp('/dues')
    await wrapper.get('[data-testid=collect-day]').trigger('click')
    await settle()

    const dialog = inDialog('collect-dialog')
    expect(dialog.querySelector<HTMLInputElement>('[data-testid=field-month] input')!.value).toBe('2026-11')
    expect(dialog.querySelector<HTMLInputElement>('[data-testid=field-paid_on] input')!.value).toBe('2026-11-27')
    const lines = [...dialog.querySelectorAll<HTMLElement>('[data-testid=collect-member]')]
    expect(lines).toHaveLength(43)
    const checkedIds = lines
      .filter((l) => l.querySelector<HTMLInputElement>('input')!.checked)
      .map((l) => Number(l.dataset.memberId))
    // 高玉林, 孙丽娟, 孙海涛 and 朱慧 have not paid November, but each owes
    // older months too (the core's `behind`): nobody is ticked for them; they
    // are listed apart, each a way to their own page.
    expect(checkedIds).toEqual([])
    const behind = [...dialog.querySelectorAll<HTMLAnchorElement>('[data-testid=collect-behind-link]')]
    expect(behind.map((a) => a.textContent!.trim())).toEqual(['高玉林', '孙丽娟', '孙海涛', '朱慧'])
    expect(behind[0].getAttribute('href')).toContain(`/dues/member/${OWING}`)
    const tick = async (ids: number[]) => {
      for (const id of ids) {
        dialog.querySelector<HTMLInputElement>(`[data-testid=collect-member][data-member-id="${id}"] input`)!.click()
        await settle()
      }
    }
    // She may still tick them herself, for November alone.
    await tick([OWING, 13, 14, 15])
    // the others paid it (曾庆丰) or were not members then (黄晓红): their boxes are shut
    const disabled = lines.filter((l) => l.querySelector<HTMLInputElement>('input')!.disabled).map((l) => Number(l.dataset.memberId))
    expect(disabled).toHaveLength(43 - 4)
    expect(disabled).toContain(4)
    expect(disabled).toContain(16)
    expect(dialog.querySelector('[data-testid=collect-total]')!.textContent).toBe('1.70')

    // December is not due yet: it can be collected in advance, but nobody is ticked for it
    const month = dialog.querySelector<HTMLInputElement>('[data-testid=field-month] input')!
    const ticked = () =>
      [...dialog.querySelectorAll<HTMLElement>('[data-testid=collect-member]')]
        .filter((l) => l.querySelector<HTMLInputElement>('input')!.checked)
        .map((l) => Number(l.dataset.memberId))
    await typeInto(month, '2026-12')
    expect(ticked()).toEqual([])
    expect(dialog.querySelector<HTMLInputElement>('[data-testid=collect-member][data-member-id="4"] input')!.disabled).toBe(false)
    await typeInto(month, '2026-11')
    expect(ticked()).toEqual([])
    await tick([OWING, 13, 14, 15])

    await typeInto(dialog.querySelector<HTMLInputElement>('[data-testid=field-collector] input')!, '李会计')
    dialog.querySelector<HTMLElement>('[data-testid=collect-confirm]')!.click()
    await settle()

    const sent = calls.filter((c) => c.cmd === 'dues_collect')
    expect(sent).toHaveLength(1)
    expect(sent[0].args).toEqual({ member_ids: [OWING, 13, 14, 15], month: '2026-11', paid_on: '2026-11-27', collector: '李会计' })
    expect(wrapper.get('[data-testid=collect-result]').text()).toContain('已登记 4 人')
    // the grid is read again
    expect(calls.filter((c) => c.cmd === 'dues_grid')).toHaveLength(2)
  })

  it('导出本表 writes the 党费收缴台账 of the year shown, a plain button beside 收缴日', async () => {
    const calls = duesCore((cmd, args) =>
      cmd === 'sheet_export'
        ? { path: `D:\\导出\\${args.year}年党费收缴台账.xlsx`, size: 20 * 1024, sheets: ['党费收缴台账'] }
        : undefined,
    )
    const { wrapper } = await mountApp('/dues')
    const button = wrapper.get('.page-actions [data-testid=export-sheet]')
    expect(button.text()).toBe('导出本表')
    expect(button.classes()).not.toContain('el-button--primary')
    expect(wrapper.get('[data-testid=collect-day]').classes()).toContain('el-button--primary')
    expect(calls.filter((c) => c.cmd === 'sheet_export')).toHaveLength(0)

    await pickOption(wrapper, '[data-testid=dues-year]', '2025年')
    await button.trigger('click')
    await settle()
    expect(calls.filter((c) => c.cmd === 'sheet_export').map((c) => c.args)).toEqual([{ sheet: '党费收缴台账', year: 2025 }])
    expect(wrapper.get('[data-testid=sheet-export-done] [data-testid=export-file-name]').text()).toBe('2025年党费收缴台账.xlsx')
    await wrapper.get('[data-testid=sheet-export-close]').trigger('click')
    expect(wrapper.find('[data-testid=sheet-export-done]').exists()).toBe(false)
  })
})

/** The grid with nobody behind in November (each owing member owes only it). */
function simplyDue(g: DuesGrid): DuesGrid {
  for (const r of g.rows) cellOf(r, '2026-11').behind = false
  return g
}

describe('收缴日 with a month paid in part', () => {
  it('adds up what is still to pay (due_fen), not what the month owes', async () => {
    duesCore((cmd, args) => {
      if (cmd !== 'dues_grid' || Number(args.year) !== 2026) return undefined
      const g = gridOf(2026)
      // 高玉林 paid 0.10 of November's 0.20 (not in the demo)
      Object.assign(cellOf(rowOf(g, OWING), '2026-11'), { paid_fen: 10, due_fen: 10 })
      return simplyDue(g)
    })
    const { wrapper } = await mountApp('/dues')
    await wrapper.get('[data-testid=collect-day]').trigger('click')
    await settle()
    const dialog = inDialog('collect-dialog')
    // 高玉林 0.10 + 孙丽娟, 孙海涛, 朱慧 0.50 each
    expect(dialog.querySelector('[data-testid=collect-total]')!.textContent).toBe('1.60')
    expect(dialog.querySelector(`[data-testid=collect-member][data-member-id="${OWING}"]`)!.textContent).toContain('未交 0.10')
  })
})

describe('which months can be paid', () => {
  // The core refuses 高玉林's November though it is 未交, and allows 黄晓红's
  // November though she was not a member then (a fake core's whim: the page
  // has no rule of its own to fall back on, it reads each cell's payable).
  const whim = () =>
    duesCore((cmd, args) => {
      if (cmd !== 'dues_grid' || Number(args.year) !== 2026) return undefined
      const g = gridOf(2026)
      cellOf(rowOf(g, OWING), '2026-11').payable = false
      cellOf(rowOf(g, 16), '2026-11').payable = true
      return simplyDue(g)
    })

  it('offers a member the months whose cell the core calls payable', async () => {
    whim()
    const { wrapper } = await mountApp(`/dues/member/${OWING}`)
    await settle()
    const box = (m: string) => wrapper.get(`[data-testid=pay-month][data-month="${m}"]`)
    expect(box('2026-07').get('input').attributes('disabled')).toBeDefined()
    expect(box('2026-10').get('input').attributes('disabled')).toBeUndefined()
    expect(box('2026-11').get('input').attributes('disabled')).toBeDefined()
    expect(box('2026-12').get('input').attributes('disabled')).toBeUndefined()
  })

  it('lets 收缴日 tick only the members whose month the core calls payable', async () => {
    whim()
    const { wrapper } = await mountApp('/dues')
    await wrapper.get('[data-testid=collect-day]').trigger('click')
    await settle()
    const dialog = inDialog('collect-dialog')
    const box = (id: number) => dialog.querySelector<HTMLInputElement>(`[data-testid=collect-member][data-member-id="${id}"] input`)!
    const ids = [4, OWING, 13, 16]
    expect(ids.map((id) => box(id).disabled)).toEqual([true, true, false, false])
    // those who owe it are ticked, but never a box that is shut
    expect(ids.filter((id) => box(id).checked)).toEqual([13])
    expect(dialog.querySelector('[data-testid=collect-total]')!.textContent).toBe('1.50')
  })
})

describe('党员党费', () => {
  it('shows the member, the year row, and sends the checked months of a payment', async () => {
    const calls = duesCore((cmd) =>
      cmd === 'dues_pay'
        ? payment({ id: 40, amount_fen: 40, months: [{ month: '2026-11', amount_fen: 20 }, { month: '2026-12', amount_fen: 20 }], advance_months: 1 })
        : undefined,
    )
    const { wrapper } = await mountApp(`/dues/member/${OWING}`)
    await settle()

    expect(wrapper.get('.page-title').text()).toBe('高玉林的党费')
    expect(calls.filter((c) => c.cmd === 'dues_grid').map((c) => c.args.year).sort()).toEqual([2025, 2026, 2027])
    // Only this member's rows and payments are read, not the whole branch's.
    expect(calls.filter((c) => c.cmd === 'dues_grid' || c.cmd === 'dues_payments').every((c) => c.args.member_id === OWING)).toBe(true)
    expect(wrapper.findAll('[data-testid=dues-member-row] [data-testid=dues-cell]')).toHaveLength(12)

    const box = (m: string) => wrapper.get(`[data-testid=pay-month][data-month="${m}"]`)
    expect(wrapper.findAll('[data-testid=pay-month]')).toHaveLength(24)
    expect(box('2026-11').text()).toBe('2026年11月 未交 0.20')
    expect(box('2026-03').get('input').attributes('disabled')).toBeDefined()
    expect(box('2025-07').get('input').attributes('disabled')).toBeDefined()
    expect(box('2027-01').get('input').attributes('disabled')).toBeUndefined()

    await box('2026-11').get('input').setValue(true)
    await box('2026-12').get('input').setValue(true)
    expect(wrapper.get('[data-testid=pay-total]').text()).toBe('0.40')
    await wrapper.get('[data-testid=field-receipt_no] input').setValue('No.8')
    await wrapper.get('[data-testid=pay-save]').trigger('click')
    await settle()

    const sent = calls.find((c) => c.cmd === 'dues_pay')!.args.input as PaymentForm
    expect(sent).toEqual({
      member_id: OWING,
      paid_on: '2026-11-27',
      kind: 'dues',
      months: ['2026-11', '2026-12'],
      amount: '',
      receipt_no: 'No.8',
      collector: '',
      note: '',
    })
    expect(document.querySelector('.el-message')?.textContent).toContain('已登记 0.40 元（预交 1 个月）')
    expect(wrapper.find('[data-testid=large-notice]').exists()).toBe(false)
  })

  it('shows a refusal about the months next to the months', async () => {
    duesCore((cmd) => {
      if (cmd === 'dues_pay')
        throw {
          code: 'validation',
          message: '有 1 处填写需要修改，请看标红的地方。没有保存任何内容。',
          fields: { months: '一次补交不超过 6 个月（这次补交 7 个月）；更早的欠交请分次登记并写明原因' },
        }
      return undefined
    })
    const { wrapper } = await mountApp(`/dues/member/${OWING}`)
    await settle()
    await wrapper.get('[data-testid=pay-month][data-month="2026-11"] input').setValue(true)
    await wrapper.get('[data-testid=pay-save]').trigger('click')
    await settle(150)
    expect(wrapper.get('[data-testid=item-months] .el-form-item__error').text()).toContain('一次补交不超过 6 个月')
    expect(wrapper.get('[data-testid=pay-error]').text()).toContain('有 1 处填写需要修改')
  })

  it('sends a voluntary extra as the typed amount and flags a large one', async () => {
    const calls = duesCore((cmd) =>
      cmd === 'dues_pay' ? payment({ id: 41, kind: 'extra', amount_fen: 100000, months: [], large: true }) : undefined,
    )
    const { wrapper } = await mountApp(`/dues/member/${OWING}`)
    await settle()
    const extra = wrapper.findAll('[data-testid=field-kind] input').find((i) => (i.element as HTMLInputElement).value === 'extra')!
    await extra.setValue(true)
    expect(wrapper.find('[data-testid=item-months]').exists()).toBe(false)
    await wrapper.get('[data-testid=field-amount] input').setValue('1000')
    await wrapper.get('[data-testid=pay-save]').trigger('click')
    await settle()
    expect(calls.find((c) => c.cmd === 'dues_pay')!.args.input).toMatchObject({ kind: 'extra', months: [], amount: '1000' })
    expect(wrapper.get('[data-testid=large-notice]').text()).toContain('单笔 1000 元以上，全额上缴中央')
  })

  it('previews the amount of a category and base, with its warnings, and saves the assessment', async () => {
    const calls = duesCore((cmd, args) => {
      if (cmd === 'dues_assessments') return []
      if (cmd === 'dues_amount_preview')
        return {
          monthly_fen: 3000,
          rate_per_mille: 10,
          rate_label: '1%',
          warnings: ['基数 3010.00 元离分档线 3000.00 元很近，请核对'],
        }
      if (cmd === 'dues_assess')
        return {
          assessment: { id: 9, member_id: OWING, from_month: (args.input as { from_month: string }).from_month, category: 'in_service', category_label: '在职（按工资收入）', base_fen: 301000, fixed_fen: null, monthly_fen: 3000, decision: '', note: '', created_at: '' },
          warnings: ['年中调整：新的金额自2026年11月起执行'],
        }
      return undefined
    })
    const { wrapper } = await mountApp(`/dues/member/${OWING}`)
    await settle()
    const form = wrapper.get('[data-testid=assess-form]')
    expect((form.get('[data-testid=field-from_month] input').element as HTMLInputElement).value).toBe('2026-11')
    expect(form.find('[data-testid=field-base]').exists()).toBe(false)
    await pickOption(form, '[data-testid=field-category]', '在职（按工资收入）')
    await form.get('[data-testid=field-base] input').setValue('3010')
    expect(form.find('[data-testid=field-fixed]').exists()).toBe(false)
    await settle(350)

    expect(calls.filter((c) => c.cmd === 'dues_amount_preview').pop()!.args).toEqual({ category: 'in_service', base: '3010', fixed: null })
    const preview = form.get('[data-testid=amount-preview]')
    expect(preview.text()).toContain('每月 30.00 元（1%）')
    expect(preview.get('[data-testid=amount-warning]').text()).toContain('离分档线 3000.00 元很近')

    await form.get('[data-testid=assess-save]').trigger('click')
    await settle()
    expect(calls.find((c) => c.cmd === 'dues_assess')!.args).toEqual({
      input: { member_id: OWING, from_month: '2026-11', category: 'in_service', base: '3010', fixed: '', decision: '', note: '' },
    })
    expect(wrapper.get('[data-testid=assess-warnings]').text()).toContain('年中调整')
  })

  it('counts what is still to pay (due_fen) of a month paid in part, in the labels and the total', async () => {
    // 高玉林 paid 0.10 of November's 0.20: 0.10 is still to pay (not in the demo)
    duesCore((cmd, args) => {
      if (cmd !== 'dues_grid' || Number(args.year) !== 2026) return undefined
      const g = gridOf(2026)
      Object.assign(cellOf(rowOf(g, OWING), '2026-11'), { paid_fen: 10, due_fen: 10 })
      return g
    })
    const { wrapper } = await mountApp(`/dues/member/${OWING}`)
    await settle()
    const box = (m: string) => wrapper.get(`[data-testid=pay-month][data-month="${m}"]`)
    expect(box('2026-11').text()).toBe('2026年11月 未交 0.10')
    expect(wrapper.get('[data-testid=dues-cell][data-month="2026-11"]').text()).toBe('0.10')
    await box('2026-11').get('input').setValue(true)
    await box('2026-12').get('input').setValue(true)
    expect(wrapper.get('[data-testid=pay-total]').text()).toBe('0.30')
  })

  it('previews a hardship amount from the approved amount, and shows its fields from the core\'s choices', async () => {
    const calls = duesCore((cmd, args) => {
      if (cmd === 'dues_assessments') return []
      if (cmd === 'dues_amount_preview')
        return { monthly_fen: args.fixed === '0' ? 0 : 20, rate_per_mille: null, rate_label: '批准金额', warnings: [] }
      return undefined
    })
    const { wrapper } = await mountApp(`/dues/member/${OWING}`)
    await settle()
    const form = wrapper.get('[data-testid=assess-form]')
    await pickOption(form, '[data-testid=field-category]', '生活困难减免')
    expect(form.find('[data-testid=field-base]').exists()).toBe(false)
    expect(form.find('[data-testid=field-decision]').exists()).toBe(true)
    await settle(350)
    // nothing to preview until the amount is typed
    expect(calls.filter((c) => c.cmd === 'dues_amount_preview')).toHaveLength(0)
    expect(form.get('[data-testid=amount-preview]').text()).toContain('填写批准的月交额')

    await form.get('[data-testid=field-fixed] input').setValue('0.2')
    await settle(350)
    expect(calls.filter((c) => c.cmd === 'dues_amount_preview').pop()!.args).toEqual({ category: 'hardship', base: '', fixed: '0.2' })
    expect(form.get('[data-testid=amount-preview]').text()).toContain('每月 0.20 元（批准金额）')

    // 农民党员 asks for neither: the preview comes at once, without a fixed amount
    await pickOption(form, '[data-testid=field-category]', '农民党员')
    expect(form.find('[data-testid=field-fixed]').exists()).toBe(false)
    await settle(350)
    expect(calls.filter((c) => c.cmd === 'dues_amount_preview').pop()!.args).toEqual({ category: 'farmer', base: '', fixed: null })
  })

  it('asks the reason of a reversal and sends it; reversed and reversal entries stay, greyed', async () => {
    const calls = duesCore((cmd, args) => {
      if (cmd === 'dues_payments')
        return [
          payment({ id: 32, paid_on: '2026-07-10', amount_fen: -20, months: [{ month: '2026-07', amount_fen: -20 }], reverses_id: 30, note: '冲正第 30 号记录：重复登记' }),
          payment({ id: 31, paid_on: '2026-07-15' }),
          payment({ id: 30, paid_on: '2026-07-05', reversed_by: 32 }),
          payment({ id: 50, member_id: 2, name: '李四' }),
        ]
      if (cmd === 'dues_reverse') {
        if (!(args.reason as string)) throw { code: 'validation', message: '请改正', fields: { reason: '请写明冲正原因（如 金额登记错误）' } }
        return payment({ id: 33, reverses_id: args.id as number, amount_fen: -20 })
      }
      return undefined
    })
    const { wrapper } = await mountApp(`/dues/member/${OWING}`)
    await settle()

    const ids = wrapper.findAll('[data-testid=payment]').map((p) => Number(p.attributes('data-payment-id')))
    expect(ids).toEqual([31, 32, 30])
    const rows = wrapper.findAll('[data-testid=payments] tbody tr')
    expect(rows[1].classes()).toContain('is-void')
    expect(rows[1].text()).toContain('冲正')
    expect(rows[2].classes()).toContain('is-void')
    expect(rows[2].find('[data-testid=tag-reversed]').text()).toBe('已冲正')
    expect(rows[1].find('[data-testid=tag-reversal]').exists()).toBe(true)
    expect(wrapper.findAll('[data-testid=reverse-payment]').map((b) => b.attributes('data-payment-id'))).toEqual(['31'])

    await wrapper.get('[data-testid=reverse-payment]').trigger('click')
    await settle()
    const dialog = inDialog('reverse-dialog')
    dialog.querySelector<HTMLElement>('[data-testid=reverse-confirm]')!.click()
    await settle(150)
    expect(dialog.querySelector('[data-testid=item-reason] .el-form-item__error')!.textContent).toContain('请写明冲正原因')

    await typeInto(dialog.querySelector<HTMLInputElement>('[data-testid=field-reason] input')!, '金额登记错误')
    dialog.querySelector<HTMLElement>('[data-testid=reverse-confirm]')!.click()
    await settle()
    expect(calls.filter((c) => c.cmd === 'dues_reverse').map((c) => c.args)).toEqual([
      { id: 31, reason: '' },
      { id: 31, reason: '金额登记错误' },
    ])
  })
})

describe('欠交提醒', () => {
  it('lists who owes, with 警告 or 严重 and the message', async () => {
    duesCore((cmd) =>
      cmd === 'dues_arrears'
        ? [
            { member_id: 5, name: '孙七', months: 6, from: '2026-05', to: '2026-10', owed_fen: 31200, level: 'flag', message: '孙七已连续 6 个月未交党费' },
            { member_id: 2, name: '李四', months: 4, from: '2026-07', to: '2026-10', owed_fen: 200, level: 'warn', message: '李四已连续 4 个月未交党费' },
          ]
        : undefined,
    )
    const { wrapper } = await mountApp('/dues/arrears')
    const levels = wrapper.findAll('[data-testid=arrears-level]')
    expect(levels.map((l) => l.text())).toEqual(['严重', '警告'])
    expect(levels[0].classes()).toContain('el-tag--danger')
    expect(levels[1].classes()).toContain('el-tag--warning')
    expect(wrapper.get('[data-testid=arrears-table]').text()).toContain('312.00')
    expect(wrapper.get('[data-testid=arrears-table]').text()).toContain('2026年5月 至 2026年10月')
    expect(wrapper.findAll('[data-testid=arrears-message]')[0].text()).toBe('孙七已连续 6 个月未交党费')
    expect(wrapper.get('[data-testid=arrears-row]').attributes('href')).toContain('/dues/member/5')
  })
})

describe('上缴', () => {
  it('shows the balance and the year list, and sends a remittance as typed', async () => {
    const calls = duesCore((cmd) => {
      if (cmd === 'dues_balance') return { collected_fen: 44300, remitted_fen: 30000, balance_fen: 14300 }
      if (cmd === 'dues_remittances')
        return [{ id: 1, remitted_on: '2026-10-08', from_month: '2026-07', to_month: '2026-09', amount_fen: 30000, handler: '张三', voucher: 'P-3', note: '' }]
      if (cmd === 'dues_remit')
        return { id: 2, remitted_on: '2026-11-27', from_month: '2026-10', to_month: '2026-10', amount_fen: 12050, handler: '张三', voucher: '', note: '' }
      return undefined
    })
    const { wrapper } = await mountApp('/dues/remit')
    expect(wrapper.get('[data-testid=balance-collected]').text()).toBe('443.00')
    expect(wrapper.get('[data-testid=balance-remitted]').text()).toBe('300.00')
    expect(wrapper.get('[data-testid=balance-balance]').text()).toBe('143.00')
    expect(calls.find((c) => c.cmd === 'dues_remittances')!.args).toEqual({ year: 2026 })
    expect(wrapper.get('[data-testid=remittances]').text()).toContain('2026年7月 至 2026年9月')

    await wrapper.get('[data-testid=field-from_month] input').setValue('2026-10')
    await wrapper.get('[data-testid=field-to_month] input').setValue('2026-10')
    await wrapper.get('[data-testid=field-amount] input').setValue('120.50')
    await wrapper.get('[data-testid=field-handler] input').setValue('张三')
    await wrapper.get('[data-testid=remit-save]').trigger('click')
    await settle()
    expect(calls.find((c) => c.cmd === 'dues_remit')!.args).toEqual({
      input: { remitted_on: '2026-11-27', from_month: '2026-10', to_month: '2026-10', amount: '120.50', handler: '张三', voucher: '', note: '' },
    })
    expect(calls.filter((c) => c.cmd === 'dues_balance')).toHaveLength(2)
  })
})

describe('党费公示', () => {
  const DRAFT_TERMS: NoticeTerms = { from: '2026-11-27', to: '2026-12-04', contact: '王书记', phone: '' }
  const notice = (period: string, terms: NoticeTerms): Notice => ({
    kind: 'dues',
    title: '党费收缴情况公示',
    subtitle: `（${period}）`,
    lead: `现将${period}党费收缴情况公示如下：`,
    table: {
      headers: ['序号', '姓名', '已交月份', '未交月份', '交纳金额（元）'],
      widths: [6, 12, 24, 20, 14],
      rows: [
        ['1', '张三', '1—10月', '11月', '150.00'],
        ['2', '李四', '1—6月', '7—11月', '3.00'],
      ],
      amount_column: 4,
      total: '153.00',
      empty_text: '这一期间没有在册党员',
    },
    paragraphs: ['合计 153.00 元，已上缴上级党委 120.00 元。'],
    // The fake core does what the real one does: dates in print form, a mobile number masked.
    terms: {
      from: terms.from ? '2026年11月27日' : '',
      to: terms.to ? '2026年12月4日' : '',
      contact: terms.contact,
      phone: terms.phone.replace(/^(1\d{2})\d{4}(\d{4})$/, '$1****$2'),
      announcement: false,
    },
    branch_name: '中共示例村支部委员会',
    issued_on: '2026-11-27',
    issued_label: '2026年11月27日',
    file_stem: `中共示例村支部委员会${period}党费收缴情况公示`,
  })

  function noticeCore() {
    return duesCore((cmd, args) => {
      if (cmd === 'notice_drafts')
        return { terms: DRAFT_TERMS, party_day: { date: '2026-11-27', time: '上午9:00', place: '', topic: '11月主题党日', items: [] } }
      if (cmd === 'notice_preview') {
        const r = args.request as NoticeRequest & { kind: 'dues' }
        const t = args.terms as NoticeTerms
        if (t.phone === '12') throw { code: 'validation', message: '有 1 处填写需要修改：联系电话不对', fields: { phone: '联系电话不对' } }
        return notice(r.quarter ? '2026年第四季度' : '2026年度', t)
      }
      if (cmd === 'notice_export') return { path: 'D:\\导出\\2026年度党费收缴情况公示.xlsx', size: 9000, sheets: ['党费收缴情况公示'] }
      return undefined
    })
  }

  it('prints the notice notice_preview gives, asks again with the terms typed, and prints the masked phone', async () => {
    const calls = noticeCore()
    const print = vi.spyOn(window, 'print').mockImplementation(() => {})
    const { wrapper } = await mountApp('/dues/notice')
    const previews = () => calls.filter((c) => c.cmd === 'notice_preview')
    expect(calls.filter((c) => c.cmd === 'dues_notice')).toHaveLength(0)
    expect(previews()).toHaveLength(1)
    expect(previews()[0].args).toEqual({
      request: { kind: 'dues', year: 2026, quarter: null, month: null },
      terms: DRAFT_TERMS,
    })
    // the terms form starts from the drafts
    expect(wrapper.get<HTMLInputElement>('[data-testid=notice-from] input').element.value).toBe('2026-11-27')
    expect(wrapper.get<HTMLInputElement>('[data-testid=notice-contact] input').element.value).toBe('王书记')

    const paper = () => wrapper.get('[data-testid=notice-paper]')
    expect(paper().get('[data-testid=notice-title]').text()).toBe('党费收缴情况公示')
    expect(paper().get('[data-testid=notice-period-label]').text()).toBe('（2026年度）')
    expect(paper().get('[data-testid=notice-intro]').text()).toBe('现将2026年度党费收缴情况公示如下：')
    const rows = paper().findAll('[data-testid=notice-row]')
    expect(rows).toHaveLength(2)
    expect(rows[0].findAll('td').map((td) => td.text())).toEqual(['1', '张三', '1—10月', '11月', '150.00'])
    expect(rows[0].findAll('td')[4].classes()).toContain('amount')
    const total = paper().get('[data-testid=notice-total]')
    expect(total.text()).toBe('合计153.00')
    expect(total.get('td.amount').text()).toBe('153.00')
    expect(paper().findAll('[data-testid=notice-paragraph]').map((p) => p.text())).toEqual([
      '合计 153.00 元，已上缴上级党委 120.00 元。',
    ])
    expect(paper().get('[data-testid=notice-branch]').text()).toBe('中共示例村支部委员会')
    expect(paper().get('[data-testid=notice-date]').text()).toBe('2026年11月27日')
    expect(paper().get('[data-testid=notice-term]').text()).toBe(
      '公示期：2026年11月27日至2026年12月4日。公示期间如有意见，请与王书记联系，联系电话：。',
    )
    // an empty phone is a blank line to write on
    expect(paper().findAll('[data-testid=notice-term] .blank')).toHaveLength(1)

    // typing waits for a pause, then asks again with what was typed; the paper shows what came back
    await wrapper.get('[data-testid=notice-phone] input').setValue('13812345678')
    await settle()
    expect(previews()).toHaveLength(1)
    await settle(350)
    expect(previews()).toHaveLength(2)
    expect(previews()[1].args).toEqual({
      request: { kind: 'dues', year: 2026, quarter: null, month: null },
      terms: { ...DRAFT_TERMS, phone: '13812345678' },
    })
    expect(paper().get('[data-testid=notice-term]').text()).toContain('联系电话：138****5678。')
    expect(paper().text()).not.toContain('13812345678')
    expect(wrapper.text()).not.toMatch(/\d{11,}/)

    // a refusal of a term is shown beside the field
    await wrapper.get('[data-testid=notice-phone] input').setValue('12')
    await settle(350)
    await settle(150)
    expect(wrapper.get('[data-testid=item-phone] .el-form-item__error').text()).toBe('联系电话不对')
    expect(wrapper.find('[data-testid=notice-paper]').exists()).toBe(false)
    await wrapper.get('[data-testid=notice-phone] input').setValue('0371-66881234')
    await settle(350)
    await settle(150)
    expect(wrapper.find('[data-testid=item-phone] .el-form-item__error').exists()).toBe(false)
    expect(paper().get('[data-testid=notice-term]').text()).toContain('联系电话：0371-66881234。')

    // a select asks again at once
    const quarter = wrapper.findAll('[data-testid=notice-period] input').find((i) => (i.element as HTMLInputElement).value === 'quarter')!
    await quarter.setValue(true)
    await settle()
    expect(previews().pop()!.args).toEqual({
      request: { kind: 'dues', year: 2026, quarter: 4, month: null },
      terms: { ...DRAFT_TERMS, phone: '0371-66881234' },
    })
    expect(wrapper.get('[data-testid=notice-intro]').text()).toContain('2026年第四季度')

    await wrapper.get('[data-testid=print-notice]').trigger('click')
    await settle()
    expect(print).toHaveBeenCalledTimes(1)
    print.mockRestore()

    await wrapper.get('[data-testid=export-notice-xlsx]').trigger('click')
    await settle()
    expect(calls.filter((c) => c.cmd === 'notice_export').map((c) => c.args)).toEqual([
      { request: { kind: 'dues', year: 2026, quarter: 4, month: null }, terms: { ...DRAFT_TERMS, phone: '0371-66881234' } },
    ])
    expect(wrapper.get('[data-testid=notice-export-result] [data-testid=export-file-name]').text()).toBe('2026年度党费收缴情况公示.xlsx')
    expect(wrapper.get('[data-testid=notice-export-result]').text()).toContain('9 KB')
  })

  it('drops an answer that arrives after a newer one', async () => {
    const answers: ((v: unknown) => void)[] = []
    const calls = duesCore((cmd, args) => {
      if (cmd === 'notice_drafts') return { terms: DRAFT_TERMS, party_day: { date: '', time: '', place: '', topic: '', items: [] } }
      if (cmd === 'notice_preview') {
        const r = args.request as NoticeRequest & { kind: 'dues' }
        const n = notice(r.quarter ? '2026年第四季度' : '2026年度', args.terms as NoticeTerms)
        return new Promise((resolve) => answers.push(() => resolve(n)))
      }
      return undefined
    })
    const { wrapper } = await mountApp('/dues/notice')
    const quarter = wrapper.findAll('[data-testid=notice-period] input').find((i) => (i.element as HTMLInputElement).value === 'quarter')!
    await quarter.setValue(true)
    await settle()
    expect(calls.filter((c) => c.cmd === 'notice_preview')).toHaveLength(2)
    answers[1](null) // the quarter first
    await settle()
    answers[0](null) // then the stale whole year
    await settle()
    expect(wrapper.get('[data-testid=notice-period-label]').text()).toBe('（2026年第四季度）')
  })
})
