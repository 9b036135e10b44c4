import { createApp } from 'vue'
import { invoke } from '@tauri-apps/api/core'
import { installElements } from './elements'
import 'element-plus/dist/index.css'
import './styles.css'
import App from './App.vue'
import { createAppRouter } from './router'
import { applyFontSize } from './fontsize'

applyFontSize()

// A blank window tells a secretary nothing: show what broke, in Chinese.
function showFatal(detail: string) {
  const errors = ((window as unknown as { __zhibuErrors?: string[] }).__zhibuErrors ??= [])
  errors.push(detail)
  const root = document.getElementById('app')
  if (root && !root.querySelector('.shell')) {
    root.textContent = `界面出错，无法显示。请关闭程序后重新打开；如果仍然出错，请把这段文字告诉技术支持：${detail}`
  }
}
window.addEventListener('error', (e) => showFatal(String(e.error?.stack ?? e.message)))
window.addEventListener('unhandledrejection', (e) => showFatal(String(e.reason?.stack ?? e.reason)))

const app = createApp(App)
app.config.errorHandler = (err) => {
  showFatal(String((err as Error)?.stack ?? err))
  console.error(err)
}
installElements(app)
app.use(createAppRouter())
app.mount('#app')

// After the first frame is painted, tell the app (it times its cold start with ZHIBU_TIMING).
requestAnimationFrame(() =>
  requestAnimationFrame(() => {
    invoke('ui_ready').catch(() => {})
  }),
)
