import { mount, flushPromises, type VueWrapper } from '@vue/test-utils'
import { mockIPC } from '@tauri-apps/api/mocks'
import { installElements } from '../src/elements'
import { createMemoryHistory, type Router } from 'vue-router'
import App from '../src/App.vue'
import { createAppRouter } from '../src/router'
import type { AppInfo, Choices, Group, MemberDetail, MemberRow } from '../src/api'
import choicesJson from './fixtures/choices.json'

export interface Call {
  cmd: string
  args: Record<string, unknown>
}

type Handler = (cmd: string, args: Record<string, unknown>) => unknown

/** Install a fake core; every call is recorded. A handler result that is an Error-like object is returned as is; throw to reject. */
export function fakeCore(handler: Handler): Call[] {
  const calls: Call[] = []
  mockIPC((cmd, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>
    calls.push({ cmd, args })
    return handler(cmd, args)
  })
  return calls
}

const mounted: VueWrapper[] = []

/** Unmount what the last test mounted, so its watchers stop calling the fake core. */
export function unmountAll(): void {
  while (mounted.length) mounted.pop()!.unmount()
}

export async function mountApp(path: string): Promise<{ wrapper: VueWrapper; router: Router }> {
  const router = createAppRouter(createMemoryHistory())
  await router.push(path)
  await router.isReady()
  const host = document.createElement('div')
  document.body.appendChild(host)
  const wrapper = mount(App, {
    attachTo: host,
    // The app's own registration, as main.ts uses it; an unregistered
    // component fails the test (see setup.ts).
    global: { plugins: [{ install: installElements }, router] },
  })
  mounted.push(wrapper)
  await settle()
  return { wrapper, router }
}

/** Let pending promises, Vue updates and short timers run. */
export async function settle(ms = 0): Promise<void> {
  await flushPromises()
  if (ms > 0) await new Promise((r) => setTimeout(r, ms))
  await flushPromises()
}

/** The form choices as the `choices` command gives them (fixtures/choices.json, written by src-tauri/src/fixtures.rs). */
export const testChoices: Choices = choicesJson as Choices

export const testGroups: Group[] = [
  { id: 1, name: '第一党小组', member_count: 2 },
  { id: 2, name: '第二党小组', member_count: 1 },
]

export function row(over: Partial<MemberRow>): MemberRow {
  return {
    id: 1,
    name: '张三',
    sex: 'male',
    sex_label: '男',
    age: 64,
    kind: 'full',
    kind_label: '正式党员',
    group_name: '第一党小组',
    committee_role_label: null,
    admitted_on: '1985-07-01',
    standing_years: 40,
    id_number_masked: '110101********1234',
    phone_masked: '138****0000',
    status: 'normal',
    status_label: '正常',
    mobile: false,
    lost_contact: false,
    left_branch: false,
    ...over,
  }
}

export function appInfo(over: Partial<AppInfo> = {}): AppInfo {
  return {
    version: '0.1.0',
    data_dir: '/home/user/.local/share/zhibu',
    today: '2026-11-27',
    member_count: 0,
    branch: { name: '中共示例村支部委员会', higher_committee: '', secretary: '', term_start: null, records_from: null },
    read_only: false,
    log_dir: '/home/user/.local/share/zhibu/日志',
    demo: { loaded: false, clearable: false },
    ...over,
  }
}

export function detail(over: Partial<MemberDetail> = {}): MemberDetail {
  return {
    id: 7,
    name: '李四',
    sex: 'female',
    sex_label: '女',
    ethnicity: '汉族',
    birth_date: '1962-01',
    id_number: '110101196201011234',
    id_number_masked: '110101********1234',
    education: '初中',
    kind: 'full',
    kind_label: '正式党员',
    admitted_on: '1985-07-01',
    full_member_on: '1986-07-01',
    full_member_reason: '',
    group_id: 1,
    group_name: '第一党小组',
    committee_role: null,
    committee_role_label: null,
    job: '务农',
    phone: '13800001111',
    phone_masked: '138****1111',
    address: '示例村三组',
    mobile: false,
    mobile_destination: '',
    lost_contact: false,
    lost_contact_reason: null,
    lost_contact_reason_label: null,
    lost_contact_since: null,
    notes: '',
    status: 'normal',
    status_label: '正常',
    status_date: null,
    status_reason: '',
    age: 64,
    standing_years: 40,
    next_political_birthday: { date: '2027-07-01', years: 42, day_known: true },
    left_branch: false,
    deleted: false,
    history: [{ at: '2026-11-27 10:31', action: 'create', action_label: '添加', summary: '添加党员档案' }],
    status_history: [],
    transfers: [],
    era_note: null,
    probation_end: null,
    probation_end_text: null,
    probation_extension: null,
    can_extend_probation: false,
    ...over,
  }
}

/**
 * Open an el-select (found by `selector` in `root`) and click the option with
 * this text in its own drop-down (pages have several selects with the same options).
 */
export async function pickOption(root: VueWrapper | ReturnType<VueWrapper['get']>, selector: string, label: string): Promise<void> {
  const select = root.get(selector)
  await select.get('.el-select__wrapper').trigger('click')
  await settle()
  const listId = select.get('input').attributes('aria-controls')
  const list = listId ? document.getElementById(listId) : null
  if (!list) throw new Error(`no drop-down for ${selector}`)
  const option = [...list.querySelectorAll<HTMLElement>('.el-select-dropdown__item')].find(
    (o) => o.textContent?.trim() === label,
  )
  if (!option) throw new Error(`no option “${label}” in ${selector}`)
  option.click()
  await settle()
}
