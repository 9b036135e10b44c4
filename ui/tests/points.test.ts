import { afterEach, describe, expect, it } from 'vitest'
import { appInfo, fakeCore, mountApp, row, settle, unmountAll } from './helpers'
import type { MemberPoints, PointsRules, PointsYear } from '../src/api'

afterEach(unmountAll)

function rules(enabled: boolean, example: boolean): PointsRules {
  return {
    version: example ? 0 : 1,
    enabled,
    saved_at: '',
    note: '',
    rules: {
      name: example ? '示例积分规则（仅供参考，请导入本县规则）' : '某县党员积分办法',
      example,
      publisher: '某县委组织部',
      year: 2026,
      items: [
        {
          key: 'good',
          group: 'pioneer',
          group_label: '先锋分',
          label: '先锋表现',
          tenths: 15,
          points: '1.5',
          cap_month_tenths: null,
          cap_year_tenths: 200,
          source: 'entered',
          source_label: '手工录入',
        },
      ],
      stars: [{ stars: 3, min_tenths: 50, min: '5' }],
    },
  }
}

const member: MemberPoints = {
  member_id: 7,
  name: '赵老',
  months: [0, 0, 30, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  base_tenths: 30,
  pioneer_tenths: 30,
  deduct_tenths: 0,
  total_tenths: 60,
  total: '6',
  stars: 3,
  items: [
    { rule: 'td', label: '参加主题党日', group: 'base', tenths: 30, points: '3', month: 3, source: '2026-03-05 主题党日', entry_id: null },
  ],
}

describe('积分', () => {
  it('says the scheme is off, then shows totals and stars after an import', async () => {
    let imported = false
    const calls = fakeCore((cmd) => {
      if (cmd === 'app_info') return appInfo()
      if (cmd === 'member_list') return [row({ id: 7, name: '赵老' })]
      if (cmd === 'points_rules') return rules(false, true)
      if (cmd === 'points_rules_import') {
        imported = true
        return rules(true, false)
      }
      if (cmd === 'points_year') {
        const y: PointsYear = {
          year: 2026,
          enabled: imported,
          version: imported ? 1 : 0,
          rules_name: '',
          example: !imported,
          members: imported ? [member] : [],
        }
        return y
      }
      if (cmd === 'points_entries') return []
      throw { code: 'unexpected', message: cmd }
    })
    const { wrapper } = await mountApp('/points')
    expect(wrapper.get('[data-testid=nav-points]').text()).toBe('积分')
    await settle()
    // The year is read once on opening, not again when the page first sets it.
    expect(calls.filter((c) => c.cmd === 'points_year')).toHaveLength(1)
    expect(calls.filter((c) => c.cmd === 'points_entries')).toHaveLength(1)
    expect(wrapper.get('[data-testid=points-example]').text()).toBe('示例')
    expect(wrapper.get('[data-testid=points-off]').text()).toContain('积分制未启用')
    expect(wrapper.find('[data-testid=points-table]').exists()).toBe(false)

    const input = wrapper.get('[data-testid=points-import-file]').element as HTMLInputElement
    const file = new File(['{"name":"某县"}'], '某县.json')
    Object.defineProperty(input, 'files', { value: [file], configurable: true })
    input.dispatchEvent(new Event('change'))
    await settle(50)
    await settle()
    const sent = calls.find((c) => c.cmd === 'points_rules_import')!.args.data as string
    expect(new TextDecoder().decode(Uint8Array.from(atob(sent), (c) => c.charCodeAt(0)))).toBe('{"name":"某县"}')
    expect(wrapper.get('[data-testid=points-rules-name]').text()).toBe('某县党员积分办法')
    expect(wrapper.find('[data-testid=points-example]').exists()).toBe(false)
    expect(wrapper.find('[data-testid=points-off]').exists()).toBe(false)
    expect(wrapper.get('[data-testid=points-total]').text()).toBe('6')
    expect(wrapper.get('[data-testid=points-stars]').text()).toBe('★★★')
  })
})
