import { afterEach } from 'vitest'
import { clearMocks } from '@tauri-apps/api/mocks'
import { resetRosterFilters } from '../src/rosterState'
import { resetMeetingFilters } from '../src/meetingState'
import { resetDuesFilters } from '../src/duesState'
import { unmountAll } from './helpers'

// jsdom lacks a few browser APIs Element Plus touches.
class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
const w = window as unknown as Record<string, unknown>
if (!w.ResizeObserver) w.ResizeObserver = ResizeObserverStub
if (!window.matchMedia) {
  w.matchMedia = (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener() {},
    removeListener() {},
    addEventListener() {},
    removeEventListener() {},
    dispatchEvent: () => false,
  })
}
window.scrollTo = () => {}
if (!Element.prototype.scrollIntoView) Element.prototype.scrollIntoView = function () {}

// A component or directive the app uses but did not register renders as an unknown tag:
// make Vue's warning about it fail the test.
const originalWarn = console.warn
console.warn = (...args: unknown[]) => {
  const text = args.map((a) => (typeof a === 'string' ? a : '')).join(' ')
  if (/Failed to resolve (component|directive)/.test(text)) throw new Error(text)
  originalWarn(...args)
}

afterEach(() => {
  unmountAll()
  clearMocks()
  resetRosterFilters()
  resetMeetingFilters()
  resetDuesFilters()
  document.body.innerHTML = ''
})
