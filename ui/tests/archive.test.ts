import { afterEach, describe, expect, it, vi } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { appInfo, fakeCore, mountApp, pickOption, settle, testChoices, type Call } from './helpers'
import type { ArchiveStatus, ArchiveSummary, BackupFile, BackupList } from '../src/api'

const MB = 1024 * 1024

const IDLE: ArchiveStatus = { running: false, written: 0, total: 0, done: null, error: null }

const TARGETS = [
  { path: '/media/zhang/KINGSTON', label: 'KINGSTON', free_bytes: 7.5 * 1024 * MB },
  { path: '/media/zhang/U盘', label: 'U盘', free_bytes: 300 * MB },
]

const DONE = {
  path: '/media/zhang/KINGSTON/中共示例村支部委员会_2025年度党建台账归档',
  size: Math.round(42.5 * MB),
  files: 37,
}

const SUMMARY: ArchiveSummary = {
  branch: '中共示例村支部委员会',
  year: 2025,
  created_at: '2026-01-05 09:30:00',
  app_version: '0.1.0',
  schema_version: 5,
  members: 23,
  meetings: 14,
  payments: 276,
}

const BACKUPS: BackupFile[] = [
  {
    path: '/data/备份/每日_2026-11-27.sqlite3',
    name: '每日_2026-11-27.sqlite3',
    kind: '每日',
    size: Math.round(2.4 * MB),
    made_at: '2026-11-27 08:01:02',
  },
  {
    path: '/data/备份/升级前_2026-11-20.sqlite3',
    name: '升级前_2026-11-20.sqlite3',
    kind: '升级前',
    size: Math.round(2.3 * MB),
    made_at: '2026-11-20 10:15:00',
  },
  {
    path: '/data/备份/每日_2026-11-19.sqlite3',
    name: '每日_2026-11-19.sqlite3',
    kind: '每日',
    size: Math.round(2.2 * MB),
    made_at: '2026-11-19 07:59:00',
  },
]

afterEach(() => {
  vi.useRealTimers()
})

type Handler = (args: Record<string, unknown>) => unknown

/** A fake core with a changeable archive status and backup list; `over` answers commands first. */
function core(over: Record<string, Handler> = {}) {
  const world: { status: ArchiveStatus; backups: BackupList } = {
    status: IDLE,
    backups: { backups: BACKUPS, start_check: null },
  }
  const calls = fakeCore((cmd, args) => {
    if (over[cmd]) return over[cmd](args)
    switch (cmd) {
      case 'app_info':
        return appInfo()
      case 'archive_targets':
        return TARGETS
      case 'archive_status':
        return world.status
      case 'archive_start':
      case 'archive_cancel':
        return null
      case 'backup_list':
        return world.backups
      // the roster, after a restore
      case 'choices':
        return testChoices
      case 'group_list':
      case 'member_list':
      case 'ledger_sheets':
        return []
    }
    throw { code: 'unexpected', message: cmd }
  })
  return { calls, world }
}

const count = (calls: Call[], cmd: string) => calls.filter((c) => c.cmd === cmd).length
const argsOf = (calls: Call[], cmd: string) => calls.filter((c) => c.cmd === cmd).map((c) => c.args)

/** Wait (real time) until `cond` holds: the page polls every 300 ms. */
async function until(cond: () => boolean, what: string, ms = 4000): Promise<void> {
  const end = Date.now() + ms
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await settle(20)
  }
  await settle()
}

// el-input hands its data-testid to the <input> itself.
async function type(wrapper: VueWrapper, testid: string, value: string) {
  await wrapper.get(`input[data-testid=${testid}]`).setValue(value)
}

function inputValue(wrapper: VueWrapper, testid: string): string {
  return (wrapper.get(`input[data-testid=${testid}]`).element as HTMLInputElement).value
}

/** The confirm dialog while it is shown (el-dialog hides its overlay when closed). */
function dialog(): HTMLElement | null {
  const d = document.querySelector<HTMLElement>('[data-testid=restore-dialog]')
  const overlay = d?.closest<HTMLElement>('.el-overlay')
  return d && overlay && overlay.style.display !== 'none' ? d : null
}

async function clickInDialog(testid: 'restore-dialog-ok' | 'restore-dialog-cancel') {
  const button = document.querySelector<HTMLButtonElement>(`[data-testid=${testid}]`)
  if (!button) throw new Error(`no ${testid}`)
  button.click()
  await settle(20)
}

describe('归档备份', () => {
  it('is reachable from the navigation', async () => {
    core({ reminders: () => ({}) })
    const { wrapper, router } = await mountApp('/ledger')
    const nav = wrapper.get('[data-testid=nav-archive]')
    expect(nav.element.tagName).toBe('A')
    expect(nav.text()).not.toContain('后续版本')
    await nav.trigger('click')
    await settle()
    expect(router.currentRoute.value.path).toBe('/archive')
    expect(router.currentRoute.value.meta.nav).toBe('archive')
    expect(wrapper.find('[data-testid=archive-page]').exists()).toBe(true)
    expect(wrapper.get('[data-testid=nav-archive]').classes()).toContain('active')
    for (const title of ['年度归档', '校验归档', '从归档恢复（交接）', '本机备份']) expect(wrapper.text()).toContain(title)
    expect(wrapper.get('[data-testid=archive-hint]').text()).toContain('逐个文件核对无误才算完成')
    // no damage found at start: no warning
    expect(wrapper.find('[data-testid=start-check]').exists()).toBe(false)
  })

  it('fills the destination from a USB stick button and re-lists sticks on 刷新 and every 3 seconds', async () => {
    // The sticks are asked for again every 3 s: the clock is the test's, so
    // the counts below do not depend on how fast the machine runs.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const { calls } = core()
    const { wrapper } = await mountApp('/archive')
    const sticks = wrapper.findAll('[data-testid=archive-target]')
    expect(sticks.map((s) => s.text())).toEqual(['KINGSTON（剩余 7.5 GB）', 'U盘（剩余 300.0 MB）'])
    expect(inputValue(wrapper, 'archive-dest')).toBe('')
    await sticks[1].trigger('click')
    expect(inputValue(wrapper, 'archive-dest')).toBe('/media/zhang/U盘')
    await sticks[0].trigger('click')
    expect(inputValue(wrapper, 'archive-dest')).toBe('/media/zhang/KINGSTON')

    expect(count(calls, 'archive_targets')).toBe(1)
    await wrapper.get('[data-testid=archive-targets-refresh]').trigger('click')
    await settle()
    expect(count(calls, 'archive_targets')).toBe(2)
    await vi.advanceTimersByTimeAsync(3000)
    await settle()
    expect(count(calls, 'archive_targets')).toBe(3)
    // The stick picked stays picked while the list is asked for again.
    expect(inputValue(wrapper, 'archive-dest')).toBe('/media/zhang/KINGSTON')
    vi.useRealTimers()
  })

  it('fills the destination from the folder picker, and leaves it when the picker is closed', async () => {
    let answer: string | null = '/home/zhang/桌面/归档'
    const { calls } = core({ pick_folder: () => answer })
    const { wrapper } = await mountApp('/archive')
    await wrapper.get('[data-testid=archive-pick-folder]').trigger('click')
    await settle()
    expect(count(calls, 'pick_folder')).toBe(1)
    expect(inputValue(wrapper, 'archive-dest')).toBe('/home/zhang/桌面/归档')
    answer = null
    await wrapper.get('[data-testid=archive-pick-folder]').trigger('click')
    await settle()
    expect(count(calls, 'pick_folder')).toBe(2)
    expect(inputValue(wrapper, 'archive-dest')).toBe('/home/zhang/桌面/归档')
  })

  it('says so when no stick is plugged in', async () => {
    core({ archive_targets: () => [] })
    const { wrapper } = await mountApp('/archive')
    expect(wrapper.findAll('[data-testid=archive-target]')).toHaveLength(0)
    expect(wrapper.get('[data-testid=archive-no-targets]').text()).toContain('没有找到U盘')
    expect(wrapper.get('[data-testid=archive-no-targets]').text()).toContain('选择文件夹…')
  })

  it('starts an archive, shows progress while it runs, and says 归档完成 only once done is set', async () => {
    const { calls, world } = core()
    const { wrapper } = await mountApp('/archive')
    expect(wrapper.get('[data-testid=archive-year]').text()).toContain('2026年')
    await pickOption(wrapper, '[data-testid=archive-year]', '2025年')
    await wrapper.findAll('[data-testid=archive-target]')[0].trigger('click')

    world.status = { running: true, written: Math.round(12.3 * MB), total: Math.round(40.3 * MB), done: null, error: null }
    const polledBefore = count(calls, 'archive_status')
    await wrapper.get('[data-testid=archive-start]').trigger('click')
    await settle()
    expect(argsOf(calls, 'archive_start')).toEqual([{ year: 2025, dest: '/media/zhang/KINGSTON', passphrase: null }])

    await until(() => count(calls, 'archive_status') > polledBefore, 'the first poll')
    expect(wrapper.find('[data-testid=archive-progress]').exists()).toBe(true)
    expect(wrapper.get('[data-testid=archive-progress-text]').text()).toBe('已写入 12.3 MB / 40.3 MB')
    expect(wrapper.find('[data-testid=archive-done]').exists()).toBe(false)
    expect(wrapper.get('[data-testid=archive-card]').text()).not.toContain('归档完成')
    const start = wrapper.get('[data-testid=archive-start]')
    expect(start.attributes('disabled')).toBeDefined()
    // a second click starts nothing
    await start.trigger('click')
    await settle()
    expect(count(calls, 'archive_start')).toBe(1)

    // everything written, still being checked: not done yet
    world.status = { running: true, written: Math.round(40.3 * MB), total: Math.round(40.3 * MB), done: null, error: null }
    const n = count(calls, 'archive_status')
    await until(() => count(calls, 'archive_status') > n, 'the next poll')
    expect(wrapper.get('[data-testid=archive-progress-text]').text()).toContain('正在逐个文件核对')
    expect(wrapper.find('[data-testid=archive-done]').exists()).toBe(false)

    world.status = { running: false, written: Math.round(40.3 * MB), total: Math.round(40.3 * MB), done: DONE, error: null }
    await until(() => wrapper.find('[data-testid=archive-done]').exists(), '归档完成')
    const done = wrapper.get('[data-testid=archive-done]')
    expect(done.text()).toContain('归档完成')
    expect(wrapper.get('[data-testid=archive-done-path]').text()).toBe(DONE.path)
    expect(done.text()).toContain('42.5 MB')
    expect(wrapper.find('[data-testid=archive-progress]').exists()).toBe(false)
    expect(wrapper.find('[data-testid=archive-error]').exists()).toBe(false)
    expect(wrapper.get('[data-testid=archive-start]').attributes('disabled')).toBeUndefined()
    // the new archive is ready to be checked
    expect(inputValue(wrapper, 'verify-path')).toBe(DONE.path)

    // polling has stopped
    const after = count(calls, 'archive_status')
    await settle(450)
    expect(count(calls, 'archive_status')).toBe(after)
  })

  it('refuses mismatched passwords itself, shows the core\'s verdict on a short one beside the field, and sends the passphrase', async () => {
    const { calls, world } = core({
      archive_start: (args: Record<string, unknown>) => {
        if (typeof args.passphrase === 'string' && [...args.passphrase].length < 6) {
          throw { code: 'validation', message: '有 1 处填写需要修改', fields: { passphrase: '密码至少要 6 位。请记在交接清单上' } }
        }
        return null
      },
    })
    const { wrapper } = await mountApp('/archive')
    await wrapper.findAll('[data-testid=archive-target]')[0].trigger('click')
    expect(wrapper.find('[data-testid=archive-pass]').exists()).toBe(false)
    await wrapper.get('[data-testid=archive-encrypt] input').setValue(true)
    expect(wrapper.find('[data-testid=archive-pass]').exists()).toBe(true)
    expect(wrapper.find('[data-testid=archive-pass2]').exists()).toBe(true)

    await type(wrapper, 'archive-pass', 'abc123')
    await type(wrapper, 'archive-pass2', 'abc124')
    await wrapper.get('[data-testid=archive-start]').trigger('click')
    await settle(150) // form-item errors show after a short debounce
    expect(wrapper.get('[data-testid=archive-pass2-item] .el-form-item__error').text()).toContain('两次输入的密码不一样')
    expect(count(calls, 'archive_start')).toBe(0)

    await type(wrapper, 'archive-pass', 'abc')
    await type(wrapper, 'archive-pass2', 'abc')
    await wrapper.get('[data-testid=archive-start]').trigger('click')
    await settle(150)
    expect(wrapper.get('[data-testid=archive-pass-item] .el-form-item__error').text()).toContain('至少要 6 位')
    expect(count(calls, 'archive_start')).toBe(1)

    world.status = { running: false, written: 10, total: 10, done: DONE, error: null }
    await type(wrapper, 'archive-pass', 'abc123')
    await type(wrapper, 'archive-pass2', 'abc123')
    expect(wrapper.find('[data-testid=archive-pass2-item] .el-form-item__error').exists()).toBe(false)
    await wrapper.get('[data-testid=archive-start]').trigger('click')
    await settle()
    expect(argsOf(calls, 'archive_start')[1]).toEqual({ year: 2026, dest: '/media/zhang/KINGSTON', passphrase: 'abc123' })
    await until(() => wrapper.find('[data-testid=archive-done]').exists(), '归档完成')
  })

  it('asks for a destination before starting', async () => {
    const { calls } = core()
    const { wrapper } = await mountApp('/archive')
    await wrapper.get('[data-testid=archive-start]').trigger('click')
    await settle(150)
    expect(wrapper.get('[data-testid=archive-dest-item] .el-form-item__error').text()).toContain('保存到的文件夹')
    expect(count(calls, 'archive_start')).toBe(0)
  })

  it('cancels a running archive and says 已取消 without a red alarm', async () => {
    const { calls, world } = core({ archive_start: () => null, archive_cancel: () => null })
    const { wrapper } = await mountApp('/archive')
    await wrapper.findAll('[data-testid=archive-target]')[0].trigger('click')
    world.status = { running: true, written: 5 * MB, total: 40 * MB, done: null, error: null }
    await wrapper.get('[data-testid=archive-start]').trigger('click')
    await until(() => wrapper.find('[data-testid=archive-cancel]').exists(), 'the cancel button')
    await wrapper.get('[data-testid=archive-cancel]').trigger('click')
    await settle()
    expect(count(calls, 'archive_cancel')).toBe(1)
    expect(wrapper.find('[data-testid=archive-cancelled]').exists()).toBe(false)

    world.status = {
      running: false,
      written: 6 * MB,
      total: 40 * MB,
      done: null,
      error: { code: 'cancelled', message: '已取消归档。' },
    }
    await until(() => wrapper.find('[data-testid=archive-cancelled]').exists(), '已取消')
    expect(wrapper.get('[data-testid=archive-cancelled]').text()).toContain('已取消')
    expect(wrapper.find('[data-testid=archive-error]').exists()).toBe(false)
    expect(wrapper.find('.el-alert--error').exists()).toBe(false)
    expect(wrapper.find('[data-testid=archive-done]').exists()).toBe(false)
    expect(wrapper.find('[data-testid=archive-progress]').exists()).toBe(false)
  })

  it('shows the message of a failed archive', async () => {
    const { world } = core({ archive_start: () => null })
    const { wrapper } = await mountApp('/archive')
    await type(wrapper, 'archive-dest', 'E:\\')
    world.status = { running: true, written: 0, total: 0, done: null, error: null }
    await wrapper.get('[data-testid=archive-start]').trigger('click')
    await until(() => wrapper.find('[data-testid=archive-progress-text]').exists(), 'progress')
    expect(wrapper.get('[data-testid=archive-progress-text]').text()).toBe('正在准备……')
    world.status = {
      running: false,
      written: 3 * MB,
      total: 40 * MB,
      done: null,
      error: { code: 'archive_failed', message: 'U盘空间不够，还差 12.0 MB。' },
    }
    await until(() => wrapper.find('[data-testid=archive-error]').exists(), 'the error')
    expect(wrapper.get('[data-testid=archive-error]').text()).toContain('U盘空间不够，还差 12.0 MB。')
    expect(wrapper.find('[data-testid=archive-done]').exists()).toBe(false)
  })

  it('shows a refused start at once and does not poll', async () => {
    const { calls } = core({
      archive_start: () => {
        throw { code: 'archive_failed', message: '正在归档，请等这一次完成或取消后再开始。' }
      },
    })
    const { wrapper } = await mountApp('/archive')
    await type(wrapper, 'archive-dest', 'E:\\')
    const polled = count(calls, 'archive_status')
    await wrapper.get('[data-testid=archive-start]').trigger('click')
    await settle(400)
    expect(wrapper.get('[data-testid=archive-error]').text()).toContain('正在归档，请等这一次完成或取消后再开始。')
    expect(count(calls, 'archive_status')).toBe(polled)
    expect(wrapper.get('[data-testid=archive-start]').attributes('disabled')).toBeUndefined()
  })

  it('follows an archive that is already running when the page opens', async () => {
    const { world } = core()
    world.status = { running: true, written: 20 * MB, total: 40 * MB, done: null, error: null }
    const { wrapper } = await mountApp('/archive')
    expect(wrapper.get('[data-testid=archive-progress-text]').text()).toBe('已写入 20.0 MB / 40.0 MB')
    expect(wrapper.get('[data-testid=archive-start]').attributes('disabled')).toBeDefined()
    world.status = { running: false, written: 40 * MB, total: 40 * MB, done: DONE, error: null }
    await until(() => wrapper.find('[data-testid=archive-done]').exists(), '归档完成')
  })

  it('verifies an archive and lists the bad files', async () => {
    const { calls } = core({
      archive_verify: (args) =>
        args.passphrase === 'wrongpw'
          ? (() => {
              throw { code: 'archive_failed', message: '密码不对，打不开这份归档。' }
            })()
          : {
              ok: false,
              bad_files: ['台账/2025年支部台账.xlsx', '附件/签到表.jpg'],
              checked: 37,
              message: '核对了 37 个文件，有 2 个文件损坏或缺少。',
            },
    })
    const { wrapper } = await mountApp('/archive')
    await wrapper.get('[data-testid=verify-start]').trigger('click')
    await settle(150)
    expect(count(calls, 'archive_verify')).toBe(0)
    expect(wrapper.get('[data-testid=verify-path-item] .el-form-item__error').text()).toContain('请填写')

    await type(wrapper, 'verify-path', DONE.path)
    await wrapper.get('[data-testid=verify-start]').trigger('click')
    await settle()
    expect(argsOf(calls, 'archive_verify')).toEqual([{ path: DONE.path, passphrase: null }])
    const result = wrapper.get('[data-testid=verify-result]')
    expect(result.text()).toContain('核对了 37 个文件，有 2 个文件损坏或缺少。')
    expect(wrapper.findAll('[data-testid=verify-bad-file]').map((f) => f.text())).toEqual([
      '台账/2025年支部台账.xlsx',
      '附件/签到表.jpg',
    ])

    await type(wrapper, 'verify-pass', 'wrongpw')
    expect(wrapper.find('[data-testid=verify-result]').exists()).toBe(false)
    await wrapper.get('[data-testid=verify-start]').trigger('click')
    await settle()
    expect(argsOf(calls, 'archive_verify')[1]).toEqual({ path: DONE.path, passphrase: 'wrongpw' })
    expect(wrapper.get('[data-testid=verify-error]').text()).toContain('密码不对，打不开这份归档。')
  })

  it('says a sound archive is sound', async () => {
    core({ archive_verify: () => ({ ok: true, bad_files: [], checked: 37, message: '37 个文件全部完好。' }) })
    const { wrapper } = await mountApp('/archive')
    await type(wrapper, 'verify-path', DONE.path)
    await wrapper.get('[data-testid=verify-start]').trigger('click')
    await settle()
    expect(wrapper.get('[data-testid=verify-result]').text()).toContain('37 个文件全部完好。')
    expect(wrapper.findAll('[data-testid=verify-bad-file]')).toHaveLength(0)
  })

  it('restores an archive only after confirming, then says where the old data went', async () => {
    const { calls } = core({
      archive_inspect: () => SUMMARY,
      archive_restore: () => ({ backup: '/data/备份/恢复前_2026-11-27.sqlite3', summary: SUMMARY }),
    })
    const { wrapper, router } = await mountApp('/archive')
    await type(wrapper, 'restore-path', DONE.path)
    await type(wrapper, 'restore-pass', 'secret1')
    await wrapper.get('[data-testid=restore-inspect]').trigger('click')
    await settle()
    expect(argsOf(calls, 'archive_inspect')).toEqual([{ path: DONE.path, passphrase: 'secret1' }])
    const summary = wrapper.get('[data-testid=restore-summary]').text()
    for (const part of ['中共示例村支部委员会', '2025年', '23 名', '14 次', '276 笔', '2026年1月5日']) {
      expect(summary).toContain(part)
    }

    await wrapper.get('[data-testid=restore-confirm]').trigger('click')
    await settle(20)
    expect(dialog()).not.toBeNull()
    expect(document.querySelector('[data-testid=restore-dialog-text]')?.textContent).toContain(
      '恢复会用归档里的数据替换本机现有的全部数据；现有数据会先自动备份。确定恢复吗？',
    )
    expect(count(calls, 'archive_restore')).toBe(0)
    await clickInDialog('restore-dialog-cancel')
    await settle(50)
    expect(dialog()).toBeNull()
    expect(count(calls, 'archive_restore')).toBe(0)
    expect(wrapper.find('[data-testid=restore-done]').exists()).toBe(false)

    await wrapper.get('[data-testid=restore-confirm]').trigger('click')
    await settle(20)
    expect(count(calls, 'archive_restore')).toBe(0)
    const listed = count(calls, 'backup_list')
    await clickInDialog('restore-dialog-ok')
    await settle()
    expect(argsOf(calls, 'archive_restore')).toEqual([{ path: DONE.path, passphrase: 'secret1' }])
    const done = wrapper.get('[data-testid=restore-done]')
    expect(done.text()).toContain('已恢复')
    expect(wrapper.get('[data-testid=restore-backup-path]').text()).toBe('/data/备份/恢复前_2026-11-27.sqlite3')
    expect(wrapper.find('[data-testid=restore-error]').exists()).toBe(false)
    // the 恢复前 backup shows in the list
    expect(count(calls, 'backup_list')).toBe(listed + 1)

    await wrapper.get('[data-testid=restore-to-roster]').trigger('click')
    await settle()
    expect(router.currentRoute.value.path).toBe('/members')
  })

  it('shows a refused inspection or restore in restore-error and offers no restore', async () => {
    const { calls } = core({
      archive_inspect: (args) => {
        if (args.path === '/old') throw { code: 'schema_too_new', message: '这份归档是新版本软件做的，请先升级本软件。' }
        return SUMMARY
      },
      archive_restore: () => {
        throw { code: 'archive_failed', message: '归档里的数据有损坏，没有恢复。' }
      },
    })
    const { wrapper } = await mountApp('/archive')
    await type(wrapper, 'restore-path', '/old')
    await wrapper.get('[data-testid=restore-inspect]').trigger('click')
    await settle()
    expect(wrapper.get('[data-testid=restore-error]').text()).toContain('请先升级本软件')
    expect(wrapper.find('[data-testid=restore-summary]').exists()).toBe(false)
    expect(wrapper.find('[data-testid=restore-confirm]').exists()).toBe(false)

    await type(wrapper, 'restore-path', DONE.path)
    await wrapper.get('[data-testid=restore-inspect]').trigger('click')
    await settle()
    expect(wrapper.find('[data-testid=restore-error]').exists()).toBe(false)
    await wrapper.get('[data-testid=restore-confirm]').trigger('click')
    await settle(20)
    await clickInDialog('restore-dialog-ok')
    await settle()
    expect(argsOf(calls, 'archive_restore')).toEqual([{ path: DONE.path, passphrase: null }])
    expect(wrapper.get('[data-testid=restore-error]').text()).toContain('归档里的数据有损坏，没有恢复。')
    expect(wrapper.find('[data-testid=restore-done]').exists()).toBe(false)
  })

  it('forgets the summary when the path changes, so a confirmation is about what was shown', async () => {
    core({ archive_inspect: () => SUMMARY })
    const { wrapper } = await mountApp('/archive')
    await type(wrapper, 'restore-path', DONE.path)
    await wrapper.get('[data-testid=restore-inspect]').trigger('click')
    await settle()
    expect(wrapper.find('[data-testid=restore-summary]').exists()).toBe(true)
    await type(wrapper, 'restore-path', '/media/zhang/别的归档')
    expect(wrapper.find('[data-testid=restore-summary]').exists()).toBe(false)
  })

  it('lists the backups, and 立即备份 makes one and refreshes the list', async () => {
    const NEW: BackupFile = {
      path: '/data/备份/手动_2026-11-27.sqlite3',
      name: '手动_2026-11-27.sqlite3',
      kind: '手动',
      size: Math.round(2.5 * MB),
      made_at: '2026-11-27 15:20:00',
    }
    const { calls, world } = core({
      backup_now: () => {
        world.backups = { backups: [NEW, ...BACKUPS], start_check: null }
        return NEW.path
      },
      export_reveal: () => null,
    })
    const { wrapper } = await mountApp('/archive')
    expect(wrapper.get('[data-testid=backup-card]').text()).toContain(
      '每天第一次打开软件时自动备份一次（保留最近7天、4周、12个月）；升级和恢复前也会自动备份。',
    )
    let rows = wrapper.findAll('[data-testid=backup-row]')
    expect(rows).toHaveLength(3)
    expect(rows[0].text()).toContain('2026年11月27日 08:01')
    expect(rows[0].text()).toContain('每日')
    expect(rows[0].text()).toContain('2.4 MB')
    expect(rows[1].text()).toContain('升级前')
    expect(rows.every((r) => r.find('[data-testid=backup-restore]').exists())).toBe(true)

    const listed = count(calls, 'backup_list')
    await wrapper.get('[data-testid=backup-now]').trigger('click')
    await settle()
    expect(count(calls, 'backup_now')).toBe(1)
    expect(count(calls, 'backup_list')).toBe(listed + 1)
    rows = wrapper.findAll('[data-testid=backup-row]')
    expect(rows).toHaveLength(4)
    expect(rows[0].text()).toContain('手动')
    const done = wrapper.get('[data-testid=backup-now-done]')
    expect(done.get('[data-testid=export-file-name]').text()).toBe(NEW.name)
    // A backup is shown in its folder or saved elsewhere, not opened.
    expect(done.find('[data-testid=export-open]').exists()).toBe(false)
    await done.get('[data-testid=export-reveal]').trigger('click')
    await settle()
    expect(calls.filter((c) => c.cmd === 'export_reveal').map((c) => c.args)).toEqual([{ path: NEW.path }])
  })

  it('restores a backup only after confirming', async () => {
    const { calls } = core({
      backup_restore: () => ({ backup: '/data/备份/恢复前_2026-11-27.sqlite3', summary: SUMMARY }),
    })
    const { wrapper } = await mountApp('/archive')
    await wrapper.findAll('[data-testid=backup-restore]')[1].trigger('click')
    await settle(20)
    expect(dialog()).not.toBeNull()
    expect(document.querySelector('[data-testid=restore-dialog-text]')?.textContent).toContain('现有数据会先自动备份。确定恢复吗？')
    expect(count(calls, 'backup_restore')).toBe(0)
    await clickInDialog('restore-dialog-ok')
    await settle()
    expect(argsOf(calls, 'backup_restore')).toEqual([{ path: BACKUPS[1].path }])
    expect(wrapper.get('[data-testid=backup-restore-done]').text()).toContain('已恢复')
    expect(wrapper.get('[data-testid=backup-restore-backup-path]').text()).toBe('/data/备份/恢复前_2026-11-27.sqlite3')
  })

  it('warns at the top when the database was found damaged and offers the newest good backup', async () => {
    const { calls, world } = core({
      backup_restore: () => ({ backup: null, summary: SUMMARY }),
    })
    world.backups = {
      backups: BACKUPS,
      start_check: { moved_to: '/data/损坏_2026-11-27.sqlite3', newest_good_backup: BACKUPS[0].path },
    }
    const { wrapper } = await mountApp('/archive')
    const warning = wrapper.get('[data-testid=start-check]')
    expect(warning.text()).toContain('数据文件已损坏')
    expect(wrapper.get('[data-testid=start-check-moved]').text()).toBe('/data/损坏_2026-11-27.sqlite3')
    expect(wrapper.get('[data-testid=start-check-backup]').text()).toBe(BACKUPS[0].path)
    // it comes before the sections
    const html = wrapper.get('[data-testid=archive-page]').html()
    expect(html.indexOf('data-testid="start-check"')).toBeLessThan(html.indexOf('data-testid="archive-card"'))

    await wrapper.get('[data-testid=start-check-restore]').trigger('click')
    await settle(20)
    expect(count(calls, 'backup_restore')).toBe(0)
    await clickInDialog('restore-dialog-ok')
    await settle()
    expect(argsOf(calls, 'backup_restore')).toEqual([{ path: BACKUPS[0].path }])
    expect(wrapper.find('[data-testid=start-check]').exists()).toBe(false)
    expect(wrapper.get('[data-testid=start-check-done]').text()).toContain('已恢复')
  })

  it('keeps the page working when the backup list cannot be read', async () => {
    core({
      backup_list: () => {
        throw { code: 'io', message: '数据文件夹无法读取。' }
      },
      archive_targets: () => {
        throw { code: 'io', message: '无法列出U盘。' }
      },
    })
    const { wrapper } = await mountApp('/archive')
    expect(wrapper.get('[data-testid=backup-list-error]').text()).toContain('数据文件夹无法读取。')
    expect(wrapper.get('[data-testid=archive-targets-error]').text()).toContain('无法列出U盘。')
    expect(wrapper.find('[data-testid=archive-start]').exists()).toBe(true)
  })
})
