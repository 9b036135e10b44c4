import { describe, expect, it } from 'vitest'
import type { DOMWrapper, VueWrapper } from '@vue/test-utils'
import { mountApp, settle } from './helpers'
import { core, meetingDetail } from './meetingFixtures'
import type { Attachment } from '../src/api'

const photo: Attachment = {
  id: 5,
  original_name: '签到表.jpg',
  size: 2_516_582,
  sha256: 'ab'.repeat(32),
  is_image: true,
  added_at: '2026-11-27 21:05',
}
const scan: Attachment = {
  id: 6,
  original_name: '会议材料.pdf',
  size: 356_000,
  sha256: 'cd'.repeat(32),
  is_image: false,
  added_at: '2026-11-27 21:06',
}
const PNG = 'data:image/png;base64,iVBORw0KGgo='

/** Hand `files` to the hidden file input as if the secretary had picked them. */
async function choose(wrapper: VueWrapper, files: File[]) {
  const input = wrapper.get('[data-testid=attachment-input]') as DOMWrapper<HTMLInputElement>
  Object.defineProperty(input.element, 'files', { value: files, configurable: true })
  await input.trigger('change')
  // FileReader in jsdom answers on a timer
  for (let i = 0; i < 5; i++) await settle(20)
}

describe('会议附件', () => {
  it('lists the attachments, reads each picture once, and shows it large on a click', async () => {
    const calls = core((cmd) => {
      if (cmd === 'meeting_get') return meetingDetail({ attachments: [photo, scan] })
      if (cmd === 'attachment_data') return PNG
      return undefined
    })
    const { wrapper } = await mountApp('/meetings/12')
    await settle()

    const items = wrapper.findAll('[data-testid=attachment-item]')
    expect(items.map((i) => i.get('[data-testid=attachment-name]').text())).toEqual(['签到表.jpg', '会议材料.pdf'])
    expect(items.map((i) => i.get('[data-testid=attachment-size]').text())).toEqual(['2.4 MB', '348 KB'])
    expect(items[0].text()).toContain('2026年11月27日 21:05')
    // only the picture is asked for, and only once
    expect(calls.filter((c) => c.cmd === 'attachment_data').map((c) => c.args)).toEqual([{ id: 5 }])
    expect(items[0].get('img').attributes('src')).toBe(PNG)
    expect(items[1].find('img').exists()).toBe(false)

    await items[0].get('[data-testid=attachment-thumb]').trigger('click')
    await settle()
    const large = document.querySelector('[data-testid=attachment-large]') as HTMLImageElement
    expect(large.getAttribute('src')).toBe(PNG)
    expect(calls.filter((c) => c.cmd === 'attachment_data')).toHaveLength(1)

    // the printed record: the picture in the grid, the other file by name
    expect(wrapper.get('[data-testid=print-attachment] img').attributes('src')).toBe(PNG)
    expect(wrapper.get('[data-testid=print-attachment-files]').text()).toContain('会议材料.pdf')
  })

  it('reads a chosen file and sends it to meeting_attach as base64 without the data: prefix', async () => {
    const added: Attachment = { ...photo, id: 9, original_name: 'zhaopian.jpg', size: 5, added_at: '2026-11-27 22:00' }
    const calls = core((cmd) => {
      if (cmd === 'meeting_attach') return added
      if (cmd === 'attachment_data') return PNG
      return undefined
    })
    const { wrapper } = await mountApp('/meetings/12')
    expect(wrapper.get('[data-testid=attachments-empty]').text()).toBe('还没有附件。')
    const input = wrapper.get('[data-testid=attachment-input]')
    expect(input.attributes('type')).toBe('file')
    expect(input.attributes('accept')).toBe('image/*,.pdf')
    expect(input.attributes('multiple')).toBeDefined()

    await choose(wrapper, [new File(['hello'], 'zhaopian.jpg', { type: 'image/jpeg' })])

    const attach = calls.filter((c) => c.cmd === 'meeting_attach')
    expect(attach.map((c) => c.args)).toEqual([{ id: 12, name: 'zhaopian.jpg', data: 'aGVsbG8=' }])
    expect(wrapper.findAll('[data-testid=attachment-item]').map((i) => i.get('[data-testid=attachment-name]').text())).toEqual([
      'zhaopian.jpg',
    ])
    expect(document.querySelector('.el-message')?.textContent).toContain('已添加附件')
  })

  it('refuses a file over 30 MB before reading it, and shows the core’s reason for a refused file', async () => {
    const calls = core((cmd) => {
      if (cmd === 'meeting_attach')
        throw {
          code: 'validation',
          message: '有 1 处填写需要修改，请看标红的地方。没有保存任何内容。',
          fields: { attachment: '这个文件是空的，请重新选择' },
        }
      return undefined
    })
    const { wrapper } = await mountApp('/meetings/12')
    const big = new File(['x'], '大照片.jpg', { type: 'image/jpeg' })
    Object.defineProperty(big, 'size', { value: 31 * 1024 * 1024 })
    await choose(wrapper, [big, new File(['y'], '空.png', { type: 'image/png' })])

    // the big one never went to the core; the other did and was refused
    expect(calls.filter((c) => c.cmd === 'meeting_attach').map((c) => (c.args as { name: string }).name)).toEqual(['空.png'])
    const jobs = wrapper.findAll('[data-testid=upload-job]')
    expect(jobs.map((j) => j.attributes('data-state'))).toEqual(['failed', 'failed'])
    expect(jobs[0].text()).toContain('文件太大了（31.0 MB，最大 30 MB）')
    expect(jobs[1].text()).toContain('这个文件是空的，请重新选择')
    const messages = [...document.querySelectorAll('.el-message')].map((m) => m.textContent ?? '')
    expect(messages.some((m) => m.includes('“大照片.jpg”没有添加') && m.includes('最大 30 MB'))).toBe(true)
    expect(messages.some((m) => m.includes('这个文件是空的'))).toBe(true)
    expect(wrapper.find('[data-testid=attachment-item]').exists()).toBe(false)
  })

  it('removes an attachment after asking, saying the file stays in the data folder', async () => {
    const calls = core((cmd) => {
      if (cmd === 'meeting_get') return meetingDetail({ attachments: [photo, scan] })
      if (cmd === 'attachment_data') return PNG
      if (cmd === 'meeting_detach') return null
      return undefined
    })
    const { wrapper } = await mountApp('/meetings/12')
    await wrapper.findAll('[data-testid=attachment-remove]')[1].trigger('click')
    await settle()
    expect(document.querySelector('.el-message-box')?.textContent).toContain(
      '移除后这条记录不再显示该附件，原文件仍保留在数据文件夹中',
    )
    expect(calls.some((c) => c.cmd === 'meeting_detach')).toBe(false)
    ;[...document.querySelectorAll('.el-message-box button')]
      .find((b) => b.textContent?.trim() === '移除')!
      .dispatchEvent(new MouseEvent('click', { bubbles: true }))
    await settle(50)
    expect(calls.find((c) => c.cmd === 'meeting_detach')!.args).toEqual({ id: 6 })
    expect(wrapper.findAll('[data-testid=attachment-name]').map((n) => n.text())).toEqual(['签到表.jpg'])
  })
})
