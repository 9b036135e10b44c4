import { afterEach, describe, expect, it } from 'vitest'
import { appInfo, fakeCore, mountApp, pickOption, row, settle, unmountAll } from './helpers'
import type { Service, ServiceYear } from '../src/api'

afterEach(unmountAll)

function service(over: Partial<Service> = {}): Service {
  return {
    id: 5,
    served_on: '2026-11-20',
    kind: 'deed',
    kind_label: '为民办实事',
    what: '帮五保户修缮房屋',
    for_whom: '五保户',
    households: 3,
    people: 4,
    tenths: 15,
    hours: '1.5',
    notes: '',
    members: [
      { member_id: 7, name: '赵志愿' },
      { member_id: 8, name: '钱实事' },
    ],
    ...over,
  }
}

function year(saved: boolean): ServiceYear {
  return {
    year: 2026,
    services: saved ? [service()] : [],
    totals: saved
      ? { records: 1, member_times: 2, households: 3, people: 4, tenths: 15 }
      : { records: 0, member_times: 0, households: 0, people: 0, tenths: 0 },
    by_member: saved
      ? [
          { member_id: 7, name: '赵志愿', records: 1, tenths: 15, hours: '1.5' },
          { member_id: 8, name: '钱实事', records: 1, tenths: 15, hours: '1.5' },
        ]
      : [],
  }
}

describe('志愿服务', () => {
  it('sends the typed record, shows the core refusal, then the totals and the row the core gives', async () => {
    let saved = false
    let refuseFirst = true
    const calls = fakeCore((cmd) => {
      if (cmd === 'app_info') return appInfo({ today: '2026-12-10' })
      if (cmd === 'service_kinds')
        return [
          { value: 'volunteer', label: '志愿服务' },
          { value: 'deed', label: '为民办实事' },
        ]
      if (cmd === 'member_list') return [row({ id: 7, name: '赵志愿' }), row({ id: 8, name: '钱实事' })]
      if (cmd === 'service_year') return year(saved)
      if (cmd === 'service_create') {
        if (refuseFirst) {
          refuseFirst = false
          throw {
            code: 'validation',
            message: '有 1 处填写需要修改',
            fields: { member_ids: '请至少选择一名参加服务的党员' },
          }
        }
        saved = true
        return service()
      }
      throw { code: 'unexpected', message: cmd }
    })
    const { wrapper } = await mountApp('/service')
    expect(wrapper.get('[data-testid=nav-service]').text()).toBe('志愿服务')
    await settle()
    // The year is read once on opening, not again when the page first sets it.
    expect(calls.filter((c) => c.cmd === 'service_year')).toHaveLength(1)
    expect(wrapper.get('[data-testid=total-records]').text()).toBe('0')

    await wrapper.get('[data-testid=add-service]').trigger('click')
    await settle()
    const dialog = () => document.querySelector('[data-testid=service-dialog]') as HTMLElement
    const what = dialog().querySelector('[data-testid=field-what] input, input[data-testid=field-what]') as HTMLInputElement
    what.value = '帮五保户修缮房屋'
    what.dispatchEvent(new Event('input'))
    const hours = dialog().querySelector('[data-testid=field-hours] input, input[data-testid=field-hours]') as HTMLInputElement
    hours.value = '1.5'
    hours.dispatchEvent(new Event('input'))
    await settle()
    ;(dialog().querySelector('[data-testid=service-save]') as HTMLElement).click()
    await settle()
    await settle(50)
    // The core's refusal is shown above the form; nothing is counted.
    expect(dialog().textContent).toContain('有 1 处填写需要修改')
    const sent = calls.filter((c) => c.cmd === 'service_create')[0].args.form as Record<string, unknown>
    expect(sent).toMatchObject({ served_on: '2026-12-10', kind: 'volunteer', what: '帮五保户修缮房屋', hours: '1.5', member_ids: [] })
    expect(wrapper.get('[data-testid=total-records]').text()).toBe('0')

    ;(dialog().querySelector('[data-testid=service-save]') as HTMLElement).click()
    await settle()
    await settle(50)
    expect(wrapper.get('[data-testid=total-records]').text()).toBe('1')
    expect(wrapper.get('[data-testid=total-member-times]').text()).toBe('2')
    expect(wrapper.get('[data-testid=total-households]').text()).toBe('3')
    expect(wrapper.get('[data-testid=service-members]').text()).toBe('赵志愿、钱实事')
    expect(wrapper.findAll('[data-testid=by-member-count]').map((c) => c.text())).toEqual(['1', '1'])
  })
})

describe('志愿服务 of a large branch', () => {
  it('lists 按党员统计 50 a page and filters the records by the member picked', async () => {
    const people = Array.from({ length: 120 }, (_, i) => ({
      member_id: i + 1,
      name: `党员${i + 1}`,
      records: i === 60 ? 2 : 1,
      tenths: 10,
      hours: '1',
    }))
    const services = [
      service({ id: 1, what: '清理河道', members: [{ member_id: 61, name: '党员61' }] }),
      service({ id: 2, what: '帮五保户修缮房屋', members: [{ member_id: 3, name: '党员3' }] }),
      service({ id: 3, what: '防汛值守', members: [{ member_id: 61, name: '党员61' }] }),
    ]
    fakeCore((cmd) => {
      if (cmd === 'app_info') return appInfo({ today: '2026-12-10' })
      if (cmd === 'service_kinds') return [{ value: 'volunteer', label: '志愿服务' }]
      if (cmd === 'member_list') return people.map((p) => row({ id: p.member_id, name: p.name }))
      if (cmd === 'service_year')
        return { year: 2026, services, totals: { records: 3, member_times: 3, households: 9, people: 12, tenths: 45 }, by_member: people }
      throw { code: 'unexpected', message: cmd }
    })
    const { wrapper } = await mountApp('/service')
    await settle()
    const names = () => wrapper.findAll('[data-testid=service-by-member] [data-testid=by-member-name]').map((b) => b.text())
    expect(names()).toHaveLength(50)
    expect(names()[0]).toBe('党员1')
    expect(wrapper.get('[data-testid=service-by-member-pages]').text()).toContain('120')
    await wrapper.get('[data-testid=service-by-member-pages] .number:nth-child(2)').trigger('click')
    await settle()
    expect(names()[0]).toBe('党员51')

    await pickOption(wrapper, '[data-testid=service-member-filter]', '党员61（2 次）')
    expect(wrapper.findAll('[data-testid=service-what]').map((w) => w.text())).toEqual(['清理河道', '防汛值守'])
    expect(wrapper.get('[data-testid=filter-note]').text()).toContain('党员61 在 2026 年参加了 2 次')
  })
})
