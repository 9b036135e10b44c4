import { describe, expect, it } from 'vitest'
import { fakeCore, mountApp, settle, testChoices, testGroups } from './helpers'

// Nothing typed is lost (issue 17, item 1): a changed form asks before she
// leaves it, keeps a draft a moment after each change, offers a kept draft
// back, and forgets it once saved or left on purpose.

function core(draft: { body: string; saved_at: string } | null = null) {
  return fakeCore((cmd, args) => {
    switch (cmd) {
      case 'committee_warnings':
        return []
      case 'choices':
        return testChoices
      case 'group_list':
        return testGroups
      case 'draft_get':
        return args.key === 'member:new' ? draft : null
      case 'draft_save':
      case 'draft_clear':
      case 'id_reading':
        return null
      case 'member_list':
        return []
      case 'app_info':
        return { version: '0.1.0', data_dir: '/d', today: '2026-11-27', member_count: 0, branch: { name: '', higher_committee: '', secretary: '', term_start: null } }
    }
    return null
  })
}

function box(): HTMLElement | null {
  return document.querySelector('.el-message-box')
}
async function answer(label: string) {
  ;[...document.querySelectorAll('.el-message-box button')]
    .find((b) => b.textContent?.trim() === label)!
    .dispatchEvent(new MouseEvent('click', { bubbles: true }))
  await settle(50)
}

describe('离开没有保存的表单', () => {
  it('asks before leaving a changed form; staying keeps the page, leaving forgets the draft', async () => {
    const calls = core()
    const { wrapper, router } = await mountApp('/members/new')
    await settle()
    await wrapper.get('[data-testid=field-name] input').setValue('赵六')
    await settle(1600) // the draft is kept a moment after the last change
    const saves = calls.filter((c) => c.cmd === 'draft_save')
    expect(saves).toHaveLength(1)
    expect(saves[0].args.key).toBe('member:new')
    expect(JSON.parse(String(saves[0].args.body)).name).toBe('赵六')

    void router.push('/members')
    await settle()
    expect(box()?.textContent).toContain('刚才填写的内容还没有保存')
    await answer('留下继续填写')
    expect(router.currentRoute.value.path).toBe('/members/new')
    expect((wrapper.get('[data-testid=field-name] input').element as HTMLInputElement).value).toBe('赵六')
    expect(calls.some((c) => c.cmd === 'draft_clear')).toBe(false)

    void router.push('/members')
    await settle()
    await answer('离开，不保存')
    await settle()
    expect(router.currentRoute.value.path).toBe('/members')
    expect(calls.filter((c) => c.cmd === 'draft_clear').map((c) => c.args.key)).toEqual(['member:new'])
  })

  it('leaves an unchanged form without asking', async () => {
    core()
    const { router } = await mountApp('/members/new')
    await settle()
    await router.push('/members')
    await settle()
    expect(box()).toBeNull()
    expect(router.currentRoute.value.path).toBe('/members')
  })

  it('offers a kept draft back, and restores it', async () => {
    const kept = { name: '钱七', id_number: '', birth_date: '1970-05', phone: '13900001111' }
    core({ body: JSON.stringify(kept), saved_at: '2026-12-02 09:30' })
    const { wrapper } = await mountApp('/members/new')
    await settle()
    expect(box()?.textContent).toContain('2026-12-02 09:30')
    expect(document.querySelector('.el-message-box__title')?.textContent).toContain('恢复未保存的内容？')
    await answer('恢复')
    expect((wrapper.get('[data-testid=field-name] input').element as HTMLInputElement).value).toBe('钱七')
    expect((wrapper.get('[data-testid=field-birth_date] input').element as HTMLInputElement).value).toBe('1970-05')
  })

  it('forgets a kept draft she does not want', async () => {
    const calls = core({ body: JSON.stringify({ name: '钱七' }), saved_at: '2026-12-02 09:30' })
    const { wrapper } = await mountApp('/members/new')
    await settle()
    await answer('不要了')
    expect((wrapper.get('[data-testid=field-name] input').element as HTMLInputElement).value).toBe('')
    expect(calls.filter((c) => c.cmd === 'draft_clear').map((c) => c.args.key)).toEqual(['member:new'])
  })
})

describe('关闭窗口', () => {
  it('closes at once with nothing unsaved, and asks first when a form is changed', async () => {
    const calls = core()
    const { wrapper } = await mountApp('/members/new')
    await settle()
    window.dispatchEvent(new Event('zhibu-close-requested'))
    await settle()
    expect(box()).toBeNull()
    expect(calls.filter((c) => c.cmd === 'window_close')).toHaveLength(1)

    await wrapper.get('[data-testid=field-name] input').setValue('赵六')
    window.dispatchEvent(new Event('zhibu-close-requested'))
    await settle()
    expect(box()?.textContent).toContain('刚才填写的内容还没有保存')
    await answer('留下继续填写')
    expect(calls.filter((c) => c.cmd === 'window_close')).toHaveLength(1)

    window.dispatchEvent(new Event('zhibu-close-requested'))
    await settle()
    await answer('离开，不保存')
    await settle()
    expect(calls.filter((c) => c.cmd === 'window_close')).toHaveLength(2)
    expect(calls.filter((c) => c.cmd === 'draft_clear').map((c) => c.args.key)).toContain('member:new')
  })
})
