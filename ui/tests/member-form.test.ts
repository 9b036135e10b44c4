import { describe, expect, it } from 'vitest'
import { detail, fakeCore, mountApp, pickOption, settle, testChoices, testGroups } from './helpers'
import type { MemberForm } from '../src/api'

const ID_ERROR = '身份证号最后一位校验不对，请对照身份证核对'

function core(create: (input: MemberForm) => unknown, warnings: string[] = []) {
  return fakeCore((cmd, args) => {
    switch (cmd) {
      case 'committee_warnings':
        return warnings
      case 'choices':
        return testChoices
      case 'group_list':
        return testGroups
      case 'member_create':
        return create(args.input as MemberForm)
      case 'member_get':
        return detail({ id: Number(args.id) })
      case 'app_info':
        return { version: '0.1.0', data_dir: '/d', today: '2026-11-27', member_count: 1, branch: { name: '', higher_committee: '', secretary: '', term_start: null } }
    }
    throw { code: 'unexpected', message: `unexpected ${cmd}` }
  })
}

async function fill(wrapper: Awaited<ReturnType<typeof mountApp>>['wrapper']) {
  await wrapper.get('[data-testid=field-name] input').setValue('赵六')
  await wrapper.get('[data-testid=field-id_number] input').setValue('11010119800101123X')
  await wrapper.get('[data-testid=field-birth_date] input').setValue('1980-01')
  await wrapper.get('[data-testid=field-admitted_on] input').setValue('2005-07-01')
  await wrapper.get('[data-testid=field-full_member_on] input').setValue('2006-07-01')
  await wrapper.get('[data-testid=field-phone] input').setValue('13900002222')
  const female = wrapper.findAll('[data-testid=field-sex] input').find((i) => (i.element as HTMLInputElement).value === 'female')!
  await female.setValue(true)
}

describe('添加党员', () => {
  it('sends member_create with the typed values and shows a field error in place', async () => {
    const calls = core(() => {
      throw { code: 'validation', message: '有 1 项需要改正', fields: { id_number: ID_ERROR } }
    })
    const { wrapper, router } = await mountApp('/members/new')
    await fill(wrapper)
    await wrapper.get('[data-testid=save-member]').trigger('click')
    await settle(150) // Element Plus shows a form item's error after a 100 ms debounce

    const create = calls.find((c) => c.cmd === 'member_create')
    expect(create).toBeTruthy()
    const input = create!.args.input as MemberForm
    expect(input).toMatchObject({
      name: '赵六',
      sex: 'female',
      ethnicity: '汉族',
      id_number: '11010119800101123X',
      birth_date: '1980-01',
      kind: 'full',
      admitted_on: '2005-07-01',
      full_member_on: '2006-07-01',
      phone: '13900002222',
      group_id: null,
      group_name: '',
      committee_role: null,
      mobile: false,
      lost_contact: false,
      lost_contact_reason: null,
    })

    const err = wrapper.get('[data-testid=item-id_number] .el-form-item__error')
    expect(err.text()).toBe(ID_ERROR)
    expect(wrapper.find('[data-testid=item-name] .el-form-item__error').exists()).toBe(false)
    expect(wrapper.get('[data-testid=form-error]').text()).toContain('有 1 项需要改正')
    expect(router.currentRoute.value.path).toBe('/members/new')
    // what was typed is still there
    expect((wrapper.get('[data-testid=field-name] input').element as HTMLInputElement).value).toBe('赵六')
  })

  it('goes to the new member page after a successful save, and Enter saves', async () => {
    const calls = core((input) => detail({ id: 42, name: input.name }))
    const { wrapper, router } = await mountApp('/members/new')
    await fill(wrapper)
    await wrapper.get('[data-testid=field-phone] input').trigger('keydown', { key: 'Enter' })
    await settle()

    expect(calls.filter((c) => c.cmd === 'member_create')).toHaveLength(1)
    expect(router.currentRoute.value.path).toBe('/members/42')
    expect(document.querySelector('.el-message')?.textContent).toContain('已保存')
  })

  it('clears and disables 转正日期 for a probationary member', async () => {
    const calls = core((input) => detail({ id: 5, name: input.name }))
    const { wrapper } = await mountApp('/members/new')
    await fill(wrapper)
    const prob = wrapper.findAll('[data-testid=field-kind] input').find((i) => (i.element as HTMLInputElement).value === 'probationary')!
    await prob.setValue(true)
    await settle()
    const full = wrapper.get('[data-testid=field-full_member_on] input').element as HTMLInputElement
    expect(full.disabled).toBe(true)
    expect(full.value).toBe('')
    await wrapper.get('[data-testid=save-member]').trigger('click')
    await settle()
    const input = calls.find((c) => c.cmd === 'member_create')!.args.input as MemberForm
    expect(input.kind).toBe('probationary')
    expect(input.full_member_on).toBe('')
  })

  it('sends a newly typed 党小组 as group_name with group_id null', async () => {
    const calls = core((input) => detail({ id: 9, name: input.name }))
    const { wrapper } = await mountApp('/members/new')
    await fill(wrapper)
    const groupInput = wrapper.get('[data-testid=field-group_id] input')
    await wrapper.get('[data-testid=field-group_id] .el-select__wrapper').trigger('click')
    await groupInput.setValue('第九党小组')
    await settle(50)
    await groupInput.trigger('keydown', { key: 'Enter', code: 'Enter' })
    await settle(50)
    // Enter inside the drop-down picks the option; it does not save the form
    expect(calls.some((c) => c.cmd === 'member_create')).toBe(false)
    await wrapper.get('[data-testid=save-member]').trigger('click')
    await settle()
    const input = calls.find((c) => c.cmd === 'member_create')!.args.input as MemberForm
    expect(input.group_id).toBeNull()
    expect(input.group_name).toBe('第九党小组')
  })

  it('fills the edit form from member_get and sends member_update', async () => {
    const calls = fakeCore((cmd, args) => {
      if (cmd === 'choices') return testChoices
      if (cmd === 'group_list') return testGroups
      if (cmd === 'committee_warnings') return []
      if (cmd === 'member_get') return detail({ id: 7, full_member_reason: '档案记载转正日期为支部大会日期' })
      if (cmd === 'member_update') return detail({ id: 7, ...(args.input as MemberForm) })
      if (cmd === 'app_info') return { version: '', data_dir: '', today: '2026-11-27', member_count: 1, branch: { name: '', higher_committee: '', secretary: '', term_start: null } }
      throw { code: 'unexpected', message: cmd }
    })
    const { wrapper, router } = await mountApp('/members/7/edit')
    expect((wrapper.get('[data-testid=field-name] input').element as HTMLInputElement).value).toBe('李四')
    expect((wrapper.get('[data-testid=field-id_number] input').element as HTMLInputElement).value).toBe('110101196201011234')
    await wrapper.get('[data-testid=field-phone] input').setValue('13911112222')
    await wrapper.get('[data-testid=save-member]').trigger('click')
    await settle()
    const upd = calls.find((c) => c.cmd === 'member_update')!
    expect(upd.args.id).toBe(7)
    expect(upd.args.input).toMatchObject({
      name: '李四',
      phone: '13911112222',
      group_id: 1,
      group_name: '第一党小组',
      full_member_reason: '档案记载转正日期为支部大会日期',
      lost_contact_since: '',
    })
    expect(router.currentRoute.value.path).toBe('/members/7')
  })
})

const kindInput = (w: Awaited<ReturnType<typeof mountApp>>['wrapper'], kind: string) =>
  w.findAll('[data-testid=field-kind] input').find((i) => (i.element as HTMLInputElement).value === kind)!

describe('转正日期说明、失联起始日期和支委会提醒', () => {
  it('shows 转正日期说明 with its hint for a 正式党员 only, sends it, and shows its error in place', async () => {
    const calls = core(() => {
      throw { code: 'validation', message: '有 1 项需要改正', fields: { full_member_reason: '转正日期不是预备期满之日，请写明原因' } }
    })
    const { wrapper } = await mountApp('/members/new')
    await fill(wrapper)
    expect(wrapper.get('[data-testid=item-full_member_reason]').text()).toContain('转正日期说明')
    expect(wrapper.get('[data-testid=hint-full_member_reason]').text()).toBe(
      '转正日期应为预备期满之日（入党满一年），不是支部大会或上级批准的日子；1969年4月至1977年8月入党的无预备期，入党日期与转正日期相同。如转正日期确有不同，请在此写明原因。',
    )
    // 预备党员: no 转正日期, no 说明
    await kindInput(wrapper, 'probationary').setValue(true)
    await settle()
    expect(wrapper.find('[data-testid=item-full_member_reason]').exists()).toBe(false)
    await kindInput(wrapper, 'full').setValue(true)
    await settle()
    await wrapper.get('[data-testid=field-full_member_on] input').setValue('2006-09-01')
    await wrapper.get('[data-testid=field-full_member_reason] textarea').setValue('上级党委 2006年9月1日 批准')
    await wrapper.get('[data-testid=save-member]').trigger('click')
    await settle(150)

    const input = calls.find((c) => c.cmd === 'member_create')!.args.input as MemberForm
    expect(input.full_member_on).toBe('2006-09-01')
    expect(input.full_member_reason).toBe('上级党委 2006年9月1日 批准')
    expect(wrapper.get('[data-testid=item-full_member_reason] .el-form-item__error').text()).toBe(
      '转正日期不是预备期满之日，请写明原因',
    )
  })

  it('sends no 转正日期说明 for a 预备党员', async () => {
    const calls = core((input) => detail({ id: 5, name: input.name }))
    const { wrapper } = await mountApp('/members/new')
    await fill(wrapper)
    await wrapper.get('[data-testid=field-full_member_reason] textarea').setValue('写错了')
    await kindInput(wrapper, 'probationary').setValue(true)
    await settle()
    await wrapper.get('[data-testid=save-member]').trigger('click')
    await settle()
    const input = calls.find((c) => c.cmd === 'member_create')!.args.input as MemberForm
    expect(input.full_member_reason).toBe('')
  })

  it('asks for 失联起始日期 once 失联 is on, sends it, and shows its error in place', async () => {
    const calls = core(() => {
      throw { code: 'validation', message: '有 1 项需要改正', fields: { lost_contact_since: '失联起始日期不能晚于今天' } }
    })
    const { wrapper } = await mountApp('/members/new')
    await fill(wrapper)
    expect(wrapper.find('[data-testid=item-lost_contact_since]').exists()).toBe(false)
    await wrapper.get('[data-testid=field-lost_contact]').trigger('click')
    await settle()
    const since = wrapper.get('[data-testid=field-lost_contact_since] input')
    expect(since.attributes('placeholder')).toContain('不填为今天')
    await since.setValue('2026-05-01')
    await wrapper.get('[data-testid=save-member]').trigger('click')
    await settle(150)
    const input = calls.find((c) => c.cmd === 'member_create')!.args.input as MemberForm
    expect(input.lost_contact).toBe(true)
    expect(input.lost_contact_since).toBe('2026-05-01')
    expect(wrapper.get('[data-testid=item-lost_contact_since] .el-form-item__error').text()).toBe('失联起始日期不能晚于今天')
  })

  it('shows the core’s committee warnings once a 支委职务 is chosen', async () => {
    const calls = core((input) => detail({ id: 5, name: input.name }), ['支委会现有 2 人，应为 3 至 7 人', '还没有书记'])
    const { wrapper } = await mountApp('/members/new')
    expect(calls.filter((c) => c.cmd === 'committee_warnings')).toHaveLength(1)
    expect(wrapper.find('[data-testid=committee-warnings]').exists()).toBe(false)
    await pickOption(wrapper, '[data-testid=field-committee_role]', '书记')
    const warnings = wrapper.findAll('[data-testid=committee-warning]')
    expect(warnings.map((w) => w.text())).toEqual(['支委会现有 2 人，应为 3 至 7 人', '还没有书记'])
    expect(wrapper.findAll('[data-testid=committee-warnings] .el-alert--warning')).toHaveLength(2)
  })
})

describe('身份证号填好出生日期和性别', () => {
  function idCore(seen: string[]) {
    return fakeCore((cmd, args) => {
      switch (cmd) {
        case 'committee_warnings':
          return []
        case 'choices':
          return testChoices
        case 'group_list':
          return testGroups
        case 'id_reading':
          seen.push(String(args.number))
          // the core reads a valid number; anything else is not (yet) valid
          return args.number === '11010519491231002X' ? { birth_date: '1949-12-31', sex: 'female' } : null
        case 'app_info':
          return { version: '0.1.0', data_dir: '/d', today: '2026-11-27', member_count: 1, branch: { name: '', higher_committee: '', secretary: '', term_start: null } }
      }
      throw { code: 'unexpected', message: `unexpected ${cmd}` }
    })
  }
  const value = (w: Awaited<ReturnType<typeof mountApp>>['wrapper'], f: string) =>
    (w.get(`[data-testid=field-${f}] input`).element as HTMLInputElement).value
  const checkedSex = (w: Awaited<ReturnType<typeof mountApp>>['wrapper']) =>
    w.findAll<HTMLInputElement>('[data-testid=field-sex] input').find((i) => i.element.checked)?.element.value ?? ''

  it('fills the empty 出生日期 and 性别 from a valid number and says so', async () => {
    const seen: string[] = []
    idCore(seen)
    const { wrapper } = await mountApp('/members/new')
    await settle()
    // the required fields are marked before anything is saved
    for (const f of ['name', 'sex', 'id_number', 'birth_date', 'kind', 'admitted_on']) {
      expect(wrapper.get(`[data-testid=item-${f}]`).classes(), f).toContain('is-required')
    }
    expect(wrapper.find('[data-testid=item-phone]').classes()).not.toContain('is-required')
    await wrapper.get('[data-testid=field-id_number] input').setValue('11010519491231')
    await settle()
    expect(seen).toEqual([]) // not asked before the number is whole
    await wrapper.get('[data-testid=field-id_number] input').setValue('11010519491231002X')
    await settle()
    expect(seen).toEqual(['11010519491231002X'])
    expect(value(wrapper, 'birth_date')).toBe('1949-12-31')
    expect(checkedSex(wrapper)).toBe('female')
    expect(wrapper.get('[data-testid=id-filled]').text()).toBe('已按身份证号填好出生日期和性别，请核对。')
  })

  it('leaves a date already typed for her to check, and fills nothing from an invalid number', async () => {
    idCore([])
    const { wrapper } = await mountApp('/members/new')
    await settle()
    await wrapper.get('[data-testid=field-birth_date] input').setValue('1949-12')
    await wrapper.get('[data-testid=field-id_number] input').setValue('110105194912310021')
    await settle()
    expect(wrapper.find('[data-testid=id-filled]').exists()).toBe(false)
    await wrapper.get('[data-testid=field-id_number] input').setValue('11010519491231002X')
    await settle()
    expect(value(wrapper, 'birth_date')).toBe('1949-12')
    expect(checkedSex(wrapper)).toBe('female')
    expect(wrapper.get('[data-testid=id-filled]').text()).toBe('已按身份证号填好性别，请核对。')
  })
})
