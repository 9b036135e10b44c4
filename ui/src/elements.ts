// Registers only the Element Plus components the app uses.
//
// Why not `app.use(ElementPlus)`: the full bundle includes dayjs (for the
// date pickers), which assigns `valueOf`/`toString` on its prototype. Under
// Tauri's `freezePrototype` (Object.prototype frozen, a security setting we
// keep) that assignment throws and the window stays blank. Dates are typed
// as text (`1985-07-01` or `1985-07`) anyway, so no date picker is needed.
// The end-to-end tests run the real app with freezePrototype on: a blank
// window fails them.
import type { App } from 'vue'
import {
  ElAlert,
  ElButton,
  ElCard,
  ElCheckbox,
  ElCheckboxGroup,
  ElCol,
  ElConfigProvider,
  ElDescriptions,
  ElDescriptionsItem,
  ElDialog,
  ElForm,
  ElFormItem,
  ElInput,
  ElInputNumber,
  ElOption,
  ElPagination,
  ElProgress,
  ElRadioButton,
  ElRadioGroup,
  ElRow,
  ElSelect,
  ElSwitch,
  ElTabPane,
  ElTable,
  ElTableColumn,
  ElTabs,
  ElTag,
  vLoading,
} from 'element-plus'

// A closed select draws no options: Element Plus's `persistent` (on by
// default) keeps every select's drop-down — its popper, scrollbar and one
// component per option — mounted, hidden, from the moment the form opens.
// With it off the drop-down is made when opened, and the select still names
// the chosen option (Element Plus reads the options' labels from the slot).
// The 添加党员 form's five selects held some 90 option components.
const LazySelect = {
  ...ElSelect,
  props: { ...ElSelect.props, persistent: { ...ElSelect.props.persistent, default: false } },
} as unknown as typeof ElSelect

export const components = [
  ElAlert,
  ElButton,
  ElCard,
  ElCheckbox,
  ElCheckboxGroup,
  ElCol,
  ElConfigProvider,
  ElDescriptions,
  ElDescriptionsItem,
  ElDialog,
  ElForm,
  ElFormItem,
  ElInput,
  ElInputNumber,
  ElOption,
  ElPagination,
  ElProgress,
  ElRadioButton,
  ElRadioGroup,
  ElRow,
  LazySelect,
  ElSwitch,
  ElTabPane,
  ElTable,
  ElTableColumn,
  ElTabs,
  ElTag,
]

export function installElements(app: App) {
  // Sub-components (ElRadioGroup, ElOption, ElTableColumn, ElFormItem …) have
  // a no-op install in Element Plus: register each under its own name.
  for (const c of components) {
    const name = (c as { name?: string }).name
    if (!name) throw new Error('Element Plus component without a name')
    app.component(name, c)
  }
  app.directive('loading', vLoading)
}
