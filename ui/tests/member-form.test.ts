import { describe, expect, it } from 'vitest'
import { detail, fakeCore, mountApp, settle, testChoices, testGroups } from './helpers'
import type { MemberInput } from '../src/api'

const ID_ERROR = '身份证号最后一位校验不对，请对照身份证核对'

function core(create: (input: MemberInput) => unknown) {
  return fakeCore((cmd, args) => {
    switch (cmd) {
      case 'choices':
        return testChoices
      case 'group_list':
        return testGroups
      case 'member_create':
        return create(args.input as MemberInput)
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
    const input = create!.args.input as MemberInput
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
    const input = calls.find((c) => c.cmd === 'member_create')!.args.input as MemberInput
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
    const input = calls.find((c) => c.cmd === 'member_create')!.args.input as MemberInput
    expect(input.group_id).toBeNull()
    expect(input.group_name).toBe('第九党小组')
  })

  it('fills the edit form from member_get and sends member_update', async () => {
    const calls = fakeCore((cmd, args) => {
      if (cmd === 'choices') return testChoices
      if (cmd === 'group_list') return testGroups
      if (cmd === 'member_get') return detail({ id: 7 })
      if (cmd === 'member_update') return detail({ id: 7, ...(args.input as MemberInput) })
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
    expect(upd.args.input).toMatchObject({ name: '李四', phone: '13911112222', group_id: 1, group_name: '第一党小组' })
    expect(router.currentRoute.value.path).toBe('/members/7')
  })
})
