// 批量核定 on the 收缴表, and 收缴日 leading her to it when nobody has an amount.
import { describe, expect, it } from 'vitest'
import { mountApp, settle } from './helpers'
import { asState, duesCore, gridOf, type Handler } from './duesFixtures'
import type { BatchAssessPreview, DuesGrid } from '../src/api'

function inDoc(testid: string): HTMLElement {
  const el = document.querySelector<HTMLElement>(`[data-testid=${testid}]`)
  if (!el) throw new Error(`no ${testid}`)
  return el
}
const shown = (testid: string) => {
  const el = document.querySelector<HTMLElement>(`[data-testid=${testid}]`)
  return !!el && el.closest<HTMLElement>('.el-overlay')?.style.display !== 'none'
}

/** As the core answers dues_assess_batch_preview (dues/batch.rs) for the demo's names. */
function previewOf(category: string, from_month: string): BatchAssessPreview {
  const month = from_month || '2026-11'
  if (category !== 'farmer')
    return {
      category: category as BatchAssessPreview['category'],
      category_label: '在职（按工资收入）',
      from_month: month,
      monthly_fen: null,
      rows: [
        {
          member_id: 13,
          name: '孙丽娟',
          monthly_fen: null,
          skipped: '需要逐个核定：“在职（按工资收入）”按每个人的月收入基数计算，批量核定不知道各人的收入，请到他的党费页填写基数后核定',
          one_by_one: true,
        },
      ],
      assessable: 0,
      one_by_one: 1,
    }
  return {
    category: 'farmer',
    category_label: '农民党员',
    from_month: month,
    monthly_fen: 50,
    rows: [
      { member_id: 13, name: '孙丽娟', monthly_fen: 50, skipped: null, one_by_one: false },
      { member_id: 14, name: '孙海涛', monthly_fen: 50, skipped: null, one_by_one: false },
      {
        member_id: 4,
        name: '曾庆丰',
        monthly_fen: null,
        skipped: '已核定：离退休（按养老金），从2026年1月起每月 23.25 元；要改请到他的党费页逐个核定',
        one_by_one: false,
      },
    ],
    assessable: 2,
    one_by_one: 0,
  }
}

function batchCore(over: Handler = () => undefined) {
  return duesCore((cmd, args) => {
    const answer = over(cmd, args)
    if (answer !== undefined) return answer
    if (cmd === 'dues_assess_batch_preview') return previewOf(String(args.category), String(args.from_month))
    if (cmd === 'dues_assess_batch') return (args.member_ids as number[]).length
    return undefined
  })
}

async function pickCategory(label: string) {
  const select = inDoc('batch-category')
  select.querySelector<HTMLElement>('.el-select__wrapper')!.click()
  await settle()
  const listId = select.querySelector('input')!.getAttribute('aria-controls')
  const option = [...document.getElementById(listId!)!.querySelectorAll<HTMLElement>('.el-select-dropdown__item')].find(
    (o) => o.textContent?.trim() === label,
  )
  if (!option) throw new Error(`no option ${label}`)
  option.click()
  await settle(350)
}

describe('批量核定', () => {
  it('previews the category from the month the core chooses, sends the ticked members, and the grid says 已核定', async () => {
    const calls = batchCore()
    const { wrapper } = await mountApp('/dues')
    await wrapper.get('[data-testid=batch-assess]').trigger('click')
    await settle()

    const previews = () => calls.filter((c) => c.cmd === 'dues_assess_batch_preview').map((c) => c.args)
    // The month is the core's to choose: asked with none, then shown.
    expect(previews()).toEqual([{ category: 'farmer', from_month: '' }])
    const dialog = inDoc('batch-assess-dialog')
    expect(dialog.querySelector<HTMLInputElement>('[data-testid=batch-from] input')!.value).toBe('2026-11')
    expect(dialog.querySelector('[data-testid=batch-category] input')).not.toBeNull()
    expect(dialog.querySelector('[data-testid=batch-summary]')!.textContent!.replace(/\s+/g, '')).toContain(
      '从2026年11月起，按“农民党员”每月0.50元，可以核定2人',
    )
    const rows = [...dialog.querySelectorAll<HTMLElement>('[data-testid=batch-row]')]
    expect(rows.map((r) => r.textContent!.replace(/\s+/g, ''))).toEqual(['孙丽娟0.50元', '孙海涛0.50元'])
    expect(rows.every((r) => r.querySelector<HTMLInputElement>('input')!.checked)).toBe(true)
    const skipped = [...dialog.querySelectorAll<HTMLElement>('[data-testid=batch-skipped]')]
    expect(skipped).toHaveLength(1)
    expect(skipped[0].textContent).toContain('曾庆丰')
    expect(skipped[0].textContent).toContain('已核定：离退休（按养老金）')
    expect(skipped[0].querySelector('input')).toBeNull()
    const confirm = dialog.querySelector<HTMLButtonElement>('[data-testid=batch-confirm]')!
    expect(confirm.textContent).toContain('确认核定 2 人')

    // 孙海涛 is not a farmer: she unticks him, to 核定 him on his own page.
    rows[1].querySelector<HTMLInputElement>('input')!.click()
    await settle()
    expect(confirm.textContent).toContain('确认核定 1 人')
    confirm.click()
    await settle()

    const sent = calls.filter((c) => c.cmd === 'dues_assess_batch')
    expect(sent.map((c) => c.args)).toEqual([{ category: 'farmer', from_month: '2026-11', member_ids: [13] }])
    expect(wrapper.get('[data-testid=collect-result]').text()).toContain('已核定 1 人（从2026年11月起）')
    expect(calls.filter((c) => c.cmd === 'dues_grid')).toHaveLength(2)
    expect(shown('batch-assess-dialog')).toBe(false)
  })

  it('lists everyone as 需要逐个核定 for a category by income, and offers nothing to confirm', async () => {
    const calls = batchCore()
    const { wrapper } = await mountApp('/dues')
    await wrapper.get('[data-testid=batch-assess]').trigger('click')
    await settle()
    await pickCategory('在职（按工资收入）')
    const last = calls.filter((c) => c.cmd === 'dues_assess_batch_preview').slice(-1)[0]
    expect(last.args).toEqual({ category: 'in_service', from_month: '2026-11' })
    const dialog = inDoc('batch-assess-dialog')
    expect(dialog.querySelectorAll('[data-testid=batch-row]')).toHaveLength(0)
    expect(dialog.querySelector('[data-testid=batch-skipped]')!.textContent).toContain('需要逐个核定')
    expect(dialog.querySelector('[data-testid=batch-summary]')!.textContent).toContain('没有可以批量核定的党员')
    expect(dialog.querySelector<HTMLButtonElement>('[data-testid=batch-confirm]')!.disabled).toBe(true)
  })

  it('keeps the dialog open with the core’s words when the batch is refused, and nothing reloads', async () => {
    const calls = batchCore((cmd) => {
      if (cmd === 'dues_assess_batch')
        throw {
          code: 'validation',
          message: '有 1 处填写需要修改，请看标红的地方。没有保存任何内容。',
          fields: { members: '这次没有核定任何人：孙海涛（已核定：农民党员，从2026年11月起每月 0.50 元）。请重新预览后再确认' },
        }
      return undefined
    })
    const { wrapper } = await mountApp('/dues')
    await wrapper.get('[data-testid=batch-assess]').trigger('click')
    await settle()
    inDoc('batch-confirm').click()
    await settle()
    expect(inDoc('batch-refused').textContent).toContain('这次没有核定任何人：孙海涛')
    expect(shown('batch-assess-dialog')).toBe(true)
    expect(calls.filter((c) => c.cmd === 'dues_grid')).toHaveLength(1)
    expect(wrapper.find('[data-testid=collect-result]').exists()).toBe(false)
  })
})

describe('收缴日 when nobody has an amount', () => {
  /** The demo's grid with November 未核定 for everyone in the branch then. */
  function unassessedNovember(g: DuesGrid): DuesGrid {
    for (const r of g.rows) {
      r.cells = r.cells.map((c) => (c.month === '2026-11' && c.state !== 'not_member' ? asState(c, 'unassessed', '未核定') : c))
    }
    return g
  }

  it('says how many have no amount yet, and 批量核定 leads back to 收缴日', async () => {
    let assessed = false
    const calls = batchCore((cmd, args) => {
      if (cmd === 'dues_grid' && Number(args.year) === 2026 && !assessed) return unassessedNovember(gridOf(2026))
      if (cmd === 'dues_assess_batch') {
        assessed = true
        return (args.member_ids as number[]).length
      }
      return undefined
    })
    const { wrapper } = await mountApp('/dues')
    const expected = gridOf(2026).rows.filter((r) => r.cells[10].state !== 'not_member').length
    await wrapper.get('[data-testid=collect-day]').trigger('click')
    await settle()
    const collect = inDoc('collect-dialog')
    const note = collect.querySelector<HTMLElement>('[data-testid=collect-unassessed]')!
    expect(note.textContent!.replace(/\s+/g, '')).toContain(`这个月还没有核定党费金额的有${expected}人，请先核定金额`)
    // Not the bare “已选 0 人”.
    expect(collect.querySelector('[data-testid=collect-count]')).toBeNull()
    expect(collect.querySelector<HTMLButtonElement>('[data-testid=collect-confirm]')!.disabled).toBe(true)

    collect.querySelector<HTMLElement>('[data-testid=collect-open-batch]')!.click()
    await settle()
    expect(shown('batch-assess-dialog')).toBe(true)
    expect(shown('collect-dialog')).toBe(false)
    inDoc('batch-confirm').click()
    await settle()
    expect(calls.filter((c) => c.cmd === 'dues_assess_batch')).toHaveLength(1)
    // Back on 收缴日, with the grid read again: now those who owe November are ticked.
    expect(shown('collect-dialog')).toBe(true)
    expect(calls.filter((c) => c.cmd === 'dues_grid')).toHaveLength(2)
    // The committed grid still has one without an amount: the demo's newest member, made by its 发展党员 step 17.
    expect(inDoc('collect-dialog').querySelector('[data-testid=collect-unassessed]')!.textContent!.replace(/\s+/g, '')).toContain('有1人')
    expect(inDoc('collect-dialog').querySelector('[data-testid=collect-count]')).not.toBeNull()
  })

  it('only mentions the unassessed beside a list that can still be collected', async () => {
    batchCore((cmd, args) => {
      if (cmd !== 'dues_grid' || Number(args.year) !== 2026) return undefined
      const g = gridOf(2026)
      const r = g.rows.find((r) => r.member_id === 13)!
      r.cells = r.cells.map((c) => (c.month === '2026-11' ? asState(c, 'unassessed', '未核定') : c))
      return g
    })
    const { wrapper } = await mountApp('/dues')
    await wrapper.get('[data-testid=collect-day]').trigger('click')
    await settle()
    const collect = inDoc('collect-dialog')
    expect(collect.querySelector('[data-testid=collect-unassessed]')!.textContent!.replace(/\s+/g, '')).toContain(
      '这个月还没有核定党费金额的有2人，请先核定金额。', // and the demo's newest member, not assessed yet
    )
    expect(collect.querySelector('[data-testid=collect-count]')).not.toBeNull()
  })
})
