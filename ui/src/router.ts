import { createRouter, createWebHashHistory, type RouteRecordRaw, type RouterHistory } from 'vue-router'
import HomeView from './views/HomeView.vue'
import ImportView from './views/ImportView.vue'
import RosterView from './views/RosterView.vue'
import MemberDetailView from './views/MemberDetailView.vue'
import MemberFormView from './views/MemberFormView.vue'
import DeletedView from './views/DeletedView.vue'
import PrintJobView from './views/PrintJobView.vue'
import SettingsView from './views/SettingsView.vue'
import MeetingListView from './views/MeetingListView.vue'
import MeetingCalendarView from './views/MeetingCalendarView.vue'
import MeetingFormView from './views/MeetingFormView.vue'
import MeetingDetailView from './views/MeetingDetailView.vue'
import MeetingTalksView from './views/MeetingTalksView.vue'
import DuesGridView from './views/DuesGridView.vue'
import DuesMemberView from './views/DuesMemberView.vue'
import DuesArrearsView from './views/DuesArrearsView.vue'
import DuesRemitView from './views/DuesRemitView.vue'
import DuesNoticeView from './views/DuesNoticeView.vue'
import BirthdayListView from './views/BirthdayListView.vue'
import BirthdayCardsView from './views/BirthdayCardsView.vue'
import LedgerView from './views/LedgerView.vue'
import NoticeReviewView from './views/NoticeReviewView.vue'
import NoticePartyDayView from './views/NoticePartyDayView.vue'
import NoticeGeneralView from './views/NoticeGeneralView.vue'
import ArchiveView from './views/ArchiveView.vue'
import RecruitListView from './views/RecruitListView.vue'
import RecruitFormView from './views/RecruitFormView.vue'
import RecruitDetailView from './views/RecruitDetailView.vue'
import RecruitNoticeView from './views/RecruitNoticeView.vue'
import DuesSpendingView from './views/DuesSpendingView.vue'
import MobileView from './views/MobileView.vue'
import CareView from './views/CareView.vue'
import CareNoticeView from './views/CareNoticeView.vue'
import ServiceView from './views/ServiceView.vue'
import PointsView from './views/PointsView.vue'
import PointsNoticeView from './views/PointsNoticeView.vue'
import StudyView from './views/StudyView.vue'

export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: HomeView, meta: { nav: 'home' } },
  { path: '/reminders/birthdays', name: 'birthday-list', component: BirthdayListView, meta: { nav: 'home' } },
  { path: '/reminders/cards', name: 'birthday-cards', component: BirthdayCardsView, meta: { nav: 'home' } },
  { path: '/members', name: 'roster', component: RosterView, meta: { nav: 'members' } },
  { path: '/members/import', name: 'member-import', component: ImportView, meta: { nav: 'members' } },
  { path: '/members/new', name: 'member-new', component: MemberFormView, meta: { nav: 'members' } },
  { path: '/members/deleted', name: 'member-deleted', component: DeletedView, meta: { nav: 'members' } },
  {
    path: '/members/:id(\\d+)',
    name: 'member-detail',
    component: MemberDetailView,
    props: (r) => ({ id: Number(r.params.id) }),
    meta: { nav: 'members' },
  },
  {
    path: '/members/:id(\\d+)/edit',
    name: 'member-edit',
    component: MemberFormView,
    props: (r) => ({ id: Number(r.params.id) }),
    meta: { nav: 'members' },
  },
  { path: '/meetings', name: 'meetings', component: MeetingListView, meta: { nav: 'meetings' } },
  { path: '/meetings/calendar', name: 'meeting-calendar', component: MeetingCalendarView, meta: { nav: 'meetings' } },
  { path: '/meetings/talks', name: 'meeting-talks', component: MeetingTalksView, meta: { nav: 'meetings' } },
  { path: '/meetings/new', name: 'meeting-new', component: MeetingFormView, meta: { nav: 'meetings' } },
  {
    path: '/meetings/:id(\\d+)',
    name: 'meeting-detail',
    component: MeetingDetailView,
    props: (r) => ({ id: Number(r.params.id) }),
    meta: { nav: 'meetings' },
  },
  {
    path: '/meetings/:id(\\d+)/edit',
    name: 'meeting-edit',
    component: MeetingFormView,
    props: (r) => ({ id: Number(r.params.id) }),
    meta: { nav: 'meetings' },
  },
  { path: '/recruits', name: 'recruits', component: RecruitListView, meta: { nav: 'recruits' } },
  { path: '/recruits/new', name: 'recruit-new', component: RecruitFormView, meta: { nav: 'recruits' } },
  {
    path: '/recruits/:id(\\d+)',
    name: 'recruit-detail',
    component: RecruitDetailView,
    props: (r) => ({ id: Number(r.params.id) }),
    meta: { nav: 'recruits' },
  },
  {
    path: '/recruits/:id(\\d+)/edit',
    name: 'recruit-edit',
    component: RecruitFormView,
    props: (r) => ({ id: Number(r.params.id) }),
    meta: { nav: 'recruits' },
  },
  {
    path: '/recruits/:id(\\d+)/notice/:point(candidate|admit|full)',
    name: 'recruit-notice',
    component: RecruitNoticeView,
    props: (r) => ({ id: Number(r.params.id), point: String(r.params.point) }),
    meta: { nav: 'recruits' },
  },
  { path: '/dues', name: 'dues', component: DuesGridView, meta: { nav: 'dues' } },
  {
    path: '/dues/member/:id(\\d+)',
    name: 'dues-member',
    component: DuesMemberView,
    props: (r) => ({ id: Number(r.params.id) }),
    meta: { nav: 'dues' },
  },
  { path: '/dues/arrears', name: 'dues-arrears', component: DuesArrearsView, meta: { nav: 'dues' } },
  { path: '/dues/remit', name: 'dues-remit', component: DuesRemitView, meta: { nav: 'dues' } },
  { path: '/dues/notice', name: 'dues-notice', component: DuesNoticeView, meta: { nav: 'dues' } },
  { path: '/dues/spending', name: 'dues-spending', component: DuesSpendingView, meta: { nav: 'dues' } },
  { path: '/ledger', name: 'ledger', component: LedgerView, meta: { nav: 'ledger' } },
  { path: '/ledger/notice/review', name: 'notice-review', component: NoticeReviewView, meta: { nav: 'ledger' } },
  { path: '/ledger/notice/party-day', name: 'notice-party-day', component: NoticePartyDayView, meta: { nav: 'ledger' } },
  { path: '/ledger/notice/general', name: 'notice-general', component: NoticeGeneralView, meta: { nav: 'ledger' } },
  { path: '/archive', name: 'archive', component: ArchiveView, meta: { nav: 'archive' } },
  { path: '/settings', name: 'settings', component: SettingsView, meta: { nav: 'settings' } },
  // 流动党员
  { path: '/mobile', name: 'mobile', component: MobileView, meta: { nav: 'mobile' } },
  { path: '/care', name: 'care', component: CareView, meta: { nav: 'care' } },
  { path: '/care/notice', name: 'care-notice', component: CareNoticeView, meta: { nav: 'care' } },
  // 志愿服务
  { path: '/service', name: 'service', component: ServiceView, meta: { nav: 'service' } },
  // 积分
  { path: '/points', name: 'points', component: PointsView, meta: { nav: 'points' } },
  { path: '/points/notice', name: 'points-notice', component: PointsNoticeView, meta: { nav: 'points' } },
  // 学时
  { path: '/study', name: 'study', component: StudyView, meta: { nav: 'study' } },
  // The command line's PDFs print this page in a hidden window, without the navigation.
  { path: '/print-job', name: 'print-job', component: PrintJobView, meta: { bare: true } },
  { path: '/:rest(.*)*', redirect: '/' },
]

export function createAppRouter(history: RouterHistory = createWebHashHistory()) {
  return createRouter({
    history,
    routes,
    scrollBehavior: () => ({ top: 0 }),
  })
}
