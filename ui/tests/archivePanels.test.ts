// The panels of 归档备份 on their own: what each shows while a job or a restore
// runs, and what it asks the page for. The page as a whole is in archive.test.ts.
import { afterEach, describe, expect, it } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { createMemoryHistory } from 'vue-router'
import type { Component } from 'vue'
import { installElements } from '../src/elements'
import { createAppRouter } from '../src/router'
import BackupsPanel from '../src/components/archive/BackupsPanel.vue'
import CreatePanel from '../src/components/archive/CreatePanel.vue'
import RestorePanel from '../src/components/archive/RestorePanel.vue'
import StartCheckNotice from '../src/components/archive/StartCheckNotice.vue'
import VerifyPanel from '../src/components/archive/VerifyPanel.vue'
import { RESTORE_BLOCKED, type RestoreRequest } from '../src/components/archive/shared'
import type { ArchiveDone, ArchiveStatus, ArchiveSummary, BackupList, RestoreDone } from '../src/api'
import { appInfo, fakeCore, settle } from './helpers'

const MB = 1024 * 1024

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

const RESTORED: RestoreDone = { backup: '/data/备份/恢复前_2026-11-27.sqlite3', summary: SUMMARY }

const BACKUPS: BackupList = {
  backups: [
    { path: '/data/备份/每日_2026-11-27.sqlite3', name: '每日_2026-11-27.sqlite3', kind: '每日', size: 2 * MB, made_at: '2026-11-27 08:01:02' },
    { path: '/data/备份/升级前_2026-11-20.sqlite3', name: '升级前_2026-11-20.sqlite3', kind: '升级前', size: 2 * MB, made_at: '2026-11-20 10:15:00' },
  ],
  start_check: null,
}

const mounted: VueWrapper[] = []
afterEach(() => {
  while (mounted.length) mounted.pop()!.unmount()
})

/** A panel with the app's element registration and router (for 查看党员名单). */
async function mountPanel(component: Component, props: Record<string, unknown> = {}): Promise<VueWrapper> {
  const router = createAppRouter(createMemoryHistory())
  await router.push('/')
  await router.isReady()
  const wrapper = mount(component, { props, global: { plugins: [{ install: installElements }, router] } })
  mounted.push(wrapper)
  await settle()
  return wrapper
}

/** The restore requests a panel made. */
function asked(wrapper: VueWrapper): RestoreRequest[] {
  return (wrapper.emitted('ask') ?? []).map((e) => e[0] as RestoreRequest)
}

const button = (wrapper: VueWrapper, selector: string) => wrapper.get(`button${selector}`)
const isDisabled = (wrapper: VueWrapper, selector: string) => button(wrapper, selector).attributes('disabled') !== undefined

describe('归档备份 panels', () => {
  it('CreatePanel tells the page while an archive is written and when it is done', async () => {
    const DONE: ArchiveDone = { path: 'E:\\中共示例村支部委员会_2026年度党建台账归档', size: 10 * MB, files: 12 }
    let status: ArchiveStatus = { running: false, written: 0, total: 0, done: null, error: null }
    fakeCore((cmd) => {
      switch (cmd) {
        case 'app_info':
          return appInfo()
        case 'archive_targets':
          return []
        case 'archive_status':
          return status
        case 'archive_start':
          return null
      }
      throw { code: 'unexpected', message: cmd }
    })
    const wrapper = await mountPanel(CreatePanel)
    await wrapper.get('input[data-testid=archive-dest]').setValue('E:\\')
    status = { running: true, written: 1 * MB, total: 10 * MB, done: null, error: null }
    await button(wrapper, '[data-testid=archive-start]').trigger('click')
    await settle()
    expect(wrapper.emitted('running')).toEqual([[true]])
    expect(wrapper.get('[data-testid=archive-start]').text()).toBe('正在归档……')
    expect(isDisabled(wrapper, '[data-testid=archive-start]')).toBe(true)

    status = { running: false, written: 10 * MB, total: 10 * MB, done: DONE, error: null }
    const end = Date.now() + 3000
    while (!wrapper.emitted('done') && Date.now() < end) await settle(50)
    expect(wrapper.emitted('done')).toEqual([[DONE]])
    expect(wrapper.emitted('running')).toEqual([[true], [false]])
    expect(wrapper.get('[data-testid=archive-start]').text()).toBe('开始归档')
  })

  it('VerifyPanel takes an offered path only into an empty field', async () => {
    const wrapper = await mountPanel(VerifyPanel)
    const vm = wrapper.vm as unknown as { offerPath: (p: string) => void }
    const input = () => (wrapper.get('input[data-testid=verify-path]').element as HTMLInputElement).value
    vm.offerPath('/media/a')
    await settle()
    expect(input()).toBe('/media/a')
    vm.offerPath('/media/b')
    await settle()
    expect(input()).toBe('/media/a')
  })

  it('RestorePanel asks for exactly the archive it showed, and shows the restore while it runs', async () => {
    fakeCore((cmd) => {
      if (cmd === 'archive_inspect') return SUMMARY
      if (cmd === 'archive_restore') return RESTORED
      throw { code: 'unexpected', message: cmd }
    })
    const wrapper = await mountPanel(RestorePanel, { restoring: null, archiving: false })
    await wrapper.get('input[data-testid=restore-path]').setValue('/media/归档')
    await button(wrapper, '[data-testid=restore-inspect]').trigger('click')
    await settle()
    await button(wrapper, '[data-testid=restore-confirm]').trigger('click')
    const [request] = asked(wrapper)
    expect(request.kind).toBe('archive')
    expect(request.what).toBe('归档：中共示例村支部委员会 2025年度（党员 23 名，会议 14 次，党费记录 276 笔）')

    // while the page runs it: inputs shut, the button says so
    await wrapper.setProps({ restoring: 'archive' })
    expect(wrapper.get('[data-testid=restore-confirm]').text()).toBe('正在恢复……')
    expect(wrapper.get('input[data-testid=restore-path]').attributes('disabled')).toBeDefined()
    expect(isDisabled(wrapper, '[data-testid=restore-inspect]')).toBe(true)
    await request.run()
    await wrapper.setProps({ restoring: null })
    expect(wrapper.get('[data-testid=restore-done]').text()).toContain('已恢复')
    expect(wrapper.find('[data-testid=restore-summary]').exists()).toBe(false)
  })

  it('RestorePanel offers no restore while an archive is written', async () => {
    fakeCore(() => SUMMARY)
    const wrapper = await mountPanel(RestorePanel, { restoring: null, archiving: true })
    await wrapper.get('input[data-testid=restore-path]').setValue('/media/归档')
    await button(wrapper, '[data-testid=restore-inspect]').trigger('click')
    await settle()
    expect(isDisabled(wrapper, '[data-testid=restore-confirm]')).toBe(true)
    expect(wrapper.get('[data-testid=restore-summary]').text()).toContain(RESTORE_BLOCKED)
  })

  it('BackupsPanel shows which backup is being restored and shuts the others', async () => {
    fakeCore((cmd) => {
      if (cmd === 'backup_restore') return RESTORED
      throw { code: 'unexpected', message: cmd }
    })
    const props = { backups: BACKUPS, loading: false, failed: '', restoring: null, restoringPath: '', archiving: false }
    const wrapper = await mountPanel(BackupsPanel, props)
    await wrapper.findAll('button[data-testid=backup-restore]')[1].trigger('click')
    const [request] = asked(wrapper)
    expect(request).toMatchObject({ kind: 'backup', path: BACKUPS.backups[1].path, what: '备份：2026年11月20日 10:15（升级前）' })

    await wrapper.setProps({ restoring: 'backup', restoringPath: BACKUPS.backups[1].path })
    const rows = wrapper.findAll('button[data-testid=backup-restore]')
    expect(rows.map((r) => r.classes().includes('is-loading'))).toEqual([false, true])
    expect(rows.every((r) => r.attributes('disabled') !== undefined)).toBe(true)
    expect(isDisabled(wrapper, '[data-testid=backup-now]')).toBe(true)
    await request.run()
    await wrapper.setProps({ restoring: null, restoringPath: '' })
    expect(wrapper.get('[data-testid=backup-restore-done]').text()).toContain('已恢复 2026年11月20日 10:15（升级前） 的备份')
    expect(isDisabled(wrapper, '[data-testid=backup-now]')).toBe(false)

    // restoring the start-up warning's backup makes what the card said stale
    await wrapper.setProps({ restoring: 'start' })
    expect(wrapper.find('[data-testid=backup-restore-done]').exists()).toBe(false)
  })

  it('BackupsPanel copies a backup with 另存为… by the path the core listed, and shows where or why not', async () => {
    let answer: string | null = '/media/u/KINGSTON/zhibu-20261120.sqlite3'
    const calls = fakeCore((cmd) => {
      if (cmd !== 'export_save_as') throw { code: 'unexpected', message: cmd }
      if (answer === 'refuse') throw { code: 'not_allowed', message: '只能另存导出和备份文件夹里的文件。' }
      return answer
    })
    const props = { backups: BACKUPS, loading: false, failed: '', restoring: null, restoringPath: '', archiving: false }
    const wrapper = await mountPanel(BackupsPanel, props)
    await wrapper.findAll('button[data-testid=backup-save-as]')[1].trigger('click')
    await settle()
    expect(calls.map((c) => [c.cmd, c.args.path])).toEqual([['export_save_as', BACKUPS.backups[1].path]])
    expect(wrapper.get('[data-testid=backup-saved]').text()).toBe('已另存到 /media/u/KINGSTON/zhibu-20261120.sqlite3')

    // the dialog closed without a choice: nothing is said
    answer = null
    await wrapper.findAll('button[data-testid=backup-save-as]')[0].trigger('click')
    await settle()
    expect(wrapper.find('[data-testid=backup-saved]').exists()).toBe(false)

    answer = 'refuse'
    await wrapper.findAll('button[data-testid=backup-save-as]')[0].trigger('click')
    await settle()
    expect(wrapper.get('[data-testid=backup-error]').text()).toContain('只能另存导出和备份文件夹里的文件。')
  })

  it('BackupsPanel says why its restore buttons are shut while an archive is written', async () => {
    const wrapper = await mountPanel(BackupsPanel, {
      backups: BACKUPS,
      loading: false,
      failed: '',
      restoring: null,
      restoringPath: '',
      archiving: true,
    })
    expect(wrapper.findAll('button[data-testid=backup-restore]').every((b) => b.attributes('disabled') !== undefined)).toBe(true)
    expect(wrapper.get('[data-testid=backup-card]').text()).toContain(RESTORE_BLOCKED)
  })

  it('StartCheckNotice asks for the newest good backup and goes once it is restored', async () => {
    let fail = true
    fakeCore((cmd) => {
      if (cmd !== 'backup_restore') throw { code: 'unexpected', message: cmd }
      if (fail) throw { code: 'io', message: '备份文件读不出来。' }
      return RESTORED
    })
    const check = { moved_to: '/data/损坏.sqlite3', newest_good_backup: BACKUPS.backups[0].path }
    const wrapper = await mountPanel(StartCheckNotice, { check, restoring: null, archiving: false })
    await button(wrapper, '[data-testid=start-check-restore]').trigger('click')
    const [request] = asked(wrapper)
    expect(request).toMatchObject({ kind: 'start', path: BACKUPS.backups[0].path })

    await wrapper.setProps({ restoring: 'start' })
    expect(wrapper.get('[data-testid=start-check-restore]').text()).toBe('正在恢复……')
    await request.run()
    await wrapper.setProps({ restoring: null })
    expect(wrapper.get('[data-testid=start-check-error]').text()).toContain('备份文件读不出来。')
    // restoring another backup makes the failure stale
    await wrapper.setProps({ restoring: 'backup' })
    expect(wrapper.find('[data-testid=start-check-error]').exists()).toBe(false)
    await wrapper.setProps({ restoring: null })

    fail = false
    await request.run()
    await settle()
    expect(wrapper.find('[data-testid=start-check]').exists()).toBe(false)
    expect(wrapper.get('[data-testid=start-check-done]').text()).toContain('已恢复最近一份完好的备份')
  })

  it('StartCheckNotice says when there is no good backup, and is shut while an archive is written', async () => {
    const wrapper = await mountPanel(StartCheckNotice, {
      check: { moved_to: null, newest_good_backup: null },
      restoring: null,
      archiving: false,
    })
    expect(wrapper.find('[data-testid=start-check-restore]').exists()).toBe(false)
    expect(wrapper.get('[data-testid=start-check-no-backup]').text()).toContain('没有找到完好的备份')
    await wrapper.setProps({ check: { moved_to: null, newest_good_backup: '/b' }, archiving: true })
    expect(isDisabled(wrapper, '[data-testid=start-check-restore]')).toBe(true)
  })
})
