import { describe, expect, it } from 'vitest'
import { appInfo, fakeCore, mountApp, settle } from './helpers'
import type { SpendingSaved, SpendingYear } from '../src/api'

// What the core answers for the year of src-tauri/core/tests/core/spending.rs
// (the_balance_counts_received_money_spending_and_the_visits_paid_from_dues_returned).
function year2026(): SpendingYear {
  return {
    year: 2026,
    lines: [
      {
        date: '2026-01-20',
        purpose: '走访慰问 王大山（春节/元旦）',
        amount_fen: 20000,
        approval: '',
        receipt_no: '',
        note: '上级下拨党费',
        spending_id: null,
        visit_id: 3,
      },
      {
        date: '2026-05-08',
        purpose: '购买党员学习资料',
        amount_fen: 30005,
        approval: '支委会研究同意',
        receipt_no: 'No.7',
        note: '',
        spending_id: 1,
        visit_id: null,
      },
    ],
    received: [{ id: 4, received_on: '2026-05-06', amount_fen: 50001, from_org: '青石镇党委', note: '' }],
    totals: { collected_fen: 3000, remitted_fen: 1234, received_fen: 50001, spent_fen: 50005, balance_fen: 1762 },
    balance: {
      collected_fen: 3000,
      remitted_fen: 1234,
      balance_fen: 1766,
      received_fen: 50001,
      spent_fen: 50005,
      available_fen: 1762,
    },
  }
}

type Over = (cmd: string, args: Record<string, unknown>) => unknown
function spendingCore(over: Over = () => undefined) {
  return fakeCore((cmd, args) => {
    const answer = over(cmd, args)
    if (answer !== undefined) return answer
    if (cmd === 'app_info') return appInfo()
    if (cmd === 'dues_spending_year') return year2026()
    if (cmd === 'dues_spend_attachments')
      return [{ id: 9, original_name: '发票.pdf', size: 2048, sha256: 'a'.repeat(64), is_image: false, added_at: '2026-05-08 10:00:00' }]
    throw { code: 'unexpected', message: `unexpected ${cmd}` }
  })
}

function el(testid: string): HTMLElement {
  const found = document.querySelector<HTMLElement>(`[data-testid=${testid}]`)
  if (!found) throw new Error(`no ${testid}`)
  return found
}
/** The input of an el-input (its data-testid lands on the <input> itself). */
function input(testid: string): HTMLInputElement {
  const found = el(testid)
  return found instanceof HTMLInputElement ? found : found.querySelector('input')!
}
async function typeInto(testid: string, value: string) {
  const box = input(testid)
  box.value = value
  box.dispatchEvent(new Event('input'))
  await settle()
}

describe('党费使用', () => {
  it('shows the year’s lines, the money received and the balance as the core gives them', async () => {
    const calls = spendingCore()
    const { wrapper } = await mountApp('/dues/spending')
    expect(calls.find((c) => c.cmd === 'dues_spending_year')!.args).toEqual({ year: 2026 })
    expect(wrapper.get('[data-testid=balance-kept]').text()).toBe('17.66')
    expect(wrapper.get('[data-testid=balance-received]').text()).toBe('500.01')
    expect(wrapper.get('[data-testid=balance-spent]').text()).toBe('500.05')
    expect(wrapper.get('[data-testid=balance-available]').text()).toBe('17.62')
    expect(wrapper.get('[data-testid=spending-year-totals]').text()).toContain('使用 500.05 元，结余 17.62 元')
    expect(wrapper.findAll('[data-testid=spending-purpose]').map((p) => p.text())).toEqual([
      '走访慰问 王大山（春节/元旦）',
      '购买党员学习资料',
    ])
    expect(wrapper.findAll('[data-testid=spending-amount]').map((p) => p.text())).toEqual(['200.00', '300.05'])
    // A 慰问金 is edited on its visit, not here: only the spending has 修改/删除.
    expect(wrapper.findAll('[data-testid=spending-edit]')).toHaveLength(1)
    expect(wrapper.get('[data-testid=spending-lines]').text()).toContain('走访慰问记录')
    expect(wrapper.get('[data-testid=received-amount]').text()).toBe('500.01')
    expect(wrapper.get('[data-testid=received-list]').text()).toContain('青石镇党委')
  })

  it('records a spending as typed and shows the core’s warning when the balance goes below zero', async () => {
    const saved: SpendingSaved = {
      spending: {
        id: 2,
        spent_on: '2026-11-27',
        purpose: '慰问困难党员',
        amount_fen: 200000,
        approval: '支委会研究同意',
        receipt_no: '',
        note: '',
      },
      balance: { ...year2026().balance, spent_fen: 250005, available_fen: -198238 },
      warning: '记下这笔后，可用结余为 -1982.38 元（支出多于支部留存和上级下拨的党费）。已经保存；如上级下拨的党费还没记，请在“记录下拨”里补上',
    }
    const calls = spendingCore((cmd) => (cmd === 'dues_spend' ? saved : undefined))
    const { wrapper } = await mountApp('/dues/spending')
    await wrapper.get('[data-testid=open-spend]').trigger('click')
    await settle()
    expect(input('spend-date').value).toBe('2026-11-27')
    // A new spending has no receipts yet: they are added once it is saved.
    expect(el('spend-receipts-later').textContent).toContain('保存后')
    await typeInto('spend-purpose', '慰问困难党员')
    await typeInto('spend-amount', '2000')
    await typeInto('spend-approval', '支委会研究同意')
    el('spend-save').click()
    await settle()
    expect(calls.find((c) => c.cmd === 'dues_spend')!.args).toEqual({
      input: { spent_on: '2026-11-27', purpose: '慰问困难党员', amount: '2000', approval: '支委会研究同意', receipt_no: '', note: '' },
    })
    expect(wrapper.get('[data-testid=spending-warning]').text()).toContain('可用结余为 -1982.38 元')
    expect(calls.filter((c) => c.cmd === 'dues_spending_year')).toHaveLength(2)
  })

  it('keeps the dialog open with the core’s words on a refused field', async () => {
    const calls = spendingCore((cmd) => {
      if (cmd === 'dues_spend')
        throw { code: 'validation', message: '有 1 处填写需要修改：支出金额应大于 0', fields: { amount: '支出金额应大于 0' } }
      return undefined
    })
    const { wrapper } = await mountApp('/dues/spending')
    await wrapper.get('[data-testid=open-spend]').trigger('click')
    await settle()
    await typeInto('spend-purpose', '购买党旗')
    await typeInto('spend-amount', '0')
    el('spend-save').click()
    await settle()
    expect(calls.filter((c) => c.cmd === 'dues_spend')).toHaveLength(1)
    expect(el('spend-dialog').textContent).toContain('支出金额应大于 0')
    expect(calls.filter((c) => c.cmd === 'dues_spending_year')).toHaveLength(1)
  })

  it('edits a spending with its own figures and records money received', async () => {
    const line = year2026().lines[1]
    const calls = spendingCore((cmd, args) => {
      if (cmd === 'dues_spend_update')
        return { spending: { id: 1, spent_on: line.date, purpose: line.purpose, amount_fen: 30000, approval: line.approval, receipt_no: line.receipt_no, note: '' }, balance: year2026().balance, warning: null }
      if (cmd === 'dues_receive') return { id: 5, received_on: '2026-11-27', amount_fen: 80000, from_org: String((args.input as { from_org: string }).from_org), note: '' }
      return undefined
    })
    const { wrapper } = await mountApp('/dues/spending')
    await wrapper.get('[data-testid=spending-edit]').trigger('click')
    await settle()
    expect(input('spend-amount').value).toBe('300.05')
    // The receipts of a spending already saved, from the core.
    expect(calls.find((c) => c.cmd === 'dues_spend_attachments')!.args).toEqual({ id: 1 })
    expect(el('spend-receipts').textContent).toContain('发票.pdf')
    await typeInto('spend-amount', '300.00')
    el('spend-save').click()
    await settle()
    expect(calls.find((c) => c.cmd === 'dues_spend_update')!.args).toEqual({
      id: 1,
      input: { spent_on: '2026-05-08', purpose: '购买党员学习资料', amount: '300.00', approval: '支委会研究同意', receipt_no: 'No.7', note: '' },
    })

    await wrapper.get('[data-testid=open-receive]').trigger('click')
    await settle()
    await typeInto('receive-amount', '800')
    await typeInto('receive-from', '镇党委')
    el('receive-save').click()
    await settle()
    expect(calls.find((c) => c.cmd === 'dues_receive')!.args).toEqual({
      input: { received_on: '2026-11-27', amount: '800', from_org: '镇党委', note: '' },
    })
  })

  it('is reached from the 上缴 page’s header', async () => {
    spendingCore((cmd) => {
      if (cmd === 'dues_balance')
        return { collected_fen: 0, remitted_fen: 0, balance_fen: 0, received_fen: 0, spent_fen: 0, available_fen: 0 }
      if (cmd === 'dues_remittances') return []
      return undefined
    })
    const { wrapper, router } = await mountApp('/dues/remit')
    await wrapper.get('[data-testid=open-spending]').trigger('click')
    await settle()
    expect(router.currentRoute.value.path).toBe('/dues/spending')
    expect(wrapper.find('[data-testid=dues-spending]').exists()).toBe(true)
  })
})
