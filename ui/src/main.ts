import { createApp } from 'vue'
import { invoke } from '@tauri-apps/api/core'
import { installElements } from './elements'
// Only the styles of the components registered in elements.ts (the full
// index.css is 355 KB of rules the page would hold in memory).
import 'element-plus/theme-chalk/base.css'
import 'element-plus/theme-chalk/el-var.css'
import 'element-plus/theme-chalk/el-reset.css'
import 'element-plus/theme-chalk/el-icon.css'
import 'element-plus/theme-chalk/el-alert.css'
import 'element-plus/theme-chalk/el-button.css'
import 'element-plus/theme-chalk/el-card.css'
import 'element-plus/theme-chalk/el-checkbox.css'
import 'element-plus/theme-chalk/el-checkbox-group.css'
import 'element-plus/theme-chalk/el-col.css'
import 'element-plus/theme-chalk/el-row.css'
import 'element-plus/theme-chalk/el-config-provider.css'
import 'element-plus/theme-chalk/el-descriptions.css'
import 'element-plus/theme-chalk/el-descriptions-item.css'
import 'element-plus/theme-chalk/el-dialog.css'
import 'element-plus/theme-chalk/el-overlay.css'
import 'element-plus/theme-chalk/el-form.css'
import 'element-plus/theme-chalk/el-form-item.css'
import 'element-plus/theme-chalk/el-input.css'
import 'element-plus/theme-chalk/el-input-number.css'
import 'element-plus/theme-chalk/el-option.css'
import 'element-plus/theme-chalk/el-option-group.css'
import 'element-plus/theme-chalk/el-select.css'
import 'element-plus/theme-chalk/el-select-dropdown.css'
import 'element-plus/theme-chalk/el-pagination.css'
import 'element-plus/theme-chalk/el-progress.css'
import 'element-plus/theme-chalk/el-radio.css'
import 'element-plus/theme-chalk/el-radio-button.css'
import 'element-plus/theme-chalk/el-radio-group.css'
import 'element-plus/theme-chalk/el-switch.css'
import 'element-plus/theme-chalk/el-tab-pane.css'
import 'element-plus/theme-chalk/el-tabs.css'
import 'element-plus/theme-chalk/el-table.css'
import 'element-plus/theme-chalk/el-table-column.css'
import 'element-plus/theme-chalk/el-tag.css'
import 'element-plus/theme-chalk/el-loading.css'
import 'element-plus/theme-chalk/el-message.css'
import 'element-plus/theme-chalk/el-message-box.css'
import 'element-plus/theme-chalk/el-popper.css'
import 'element-plus/theme-chalk/el-scrollbar.css'
import 'element-plus/theme-chalk/el-tooltip.css'
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
