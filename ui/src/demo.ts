// The demo branch on the page: the core's word on whether it is loaded and
// may be cleared (AppInfo.demo), shared by the banner on every page (App.vue)
// and 首页; and the two questions asked before loading and clearing it.
import { ref } from 'vue'
import { ElMessage, ElMessageBox } from 'element-plus'
import { appInfo, demoClear, type DemoState } from './api'
import { showError } from './notify'

export const demoState = ref<DemoState>({ loaded: false, clearable: false })
/** A folder that cannot be written offers no 清除示例数据 (nothing can change there). */
export const demoReadOnly = ref(false)
/** Goes up after the demo was cleared, so 首页 reads the branch again. */
export const demoCleared = ref(0)

/** Asks the core again; a failure only leaves the banner as it was (首页 says what went wrong). */
export async function refreshDemo(): Promise<void> {
  try {
    const info = await appInfo()
    demoState.value = info.demo ?? { loaded: false, clearable: false }
    demoReadOnly.value = info.read_only
  } catch {
    // the banner is a hint; the page itself reports errors
  }
}

/** 载入示例支部 asks first; true when she chose 载入. */
export async function confirmLoadDemo(): Promise<boolean> {
  try {
    await ElMessageBox.confirm(
      '将在这个空的支部里填入一个示例支部：几十名党员和一年的会议、党费记录。姓名、身份证号均为虚构，只用来熟悉程序。' +
        '只要您还没有添加自己的记录，以后可以点页面顶部的“清除示例数据”把它全部清掉。',
      '载入示例支部',
      { confirmButtonText: '载入', cancelButtonText: '不载入', type: 'info', autofocus: false },
    )
    return true
  } catch {
    return false
  }
}

/** 清除示例数据: asks, then the core backs up and empties the branch. True when cleared. */
export async function clearDemoAsking(): Promise<boolean> {
  try {
    await ElMessageBox.confirm(
      '将清除全部示例数据（虚构的人员、会议和党费记录），回到一个空的支部。清除前会自动备份一份，可在“归档备份”里找到。',
      '清除示例数据',
      { confirmButtonText: '清除', cancelButtonText: '不清除', type: 'warning', autofocus: false },
    )
  } catch {
    return false
  }
  try {
    await demoClear()
    ElMessage.success({ message: '已清除示例数据，现在是一个空的支部（清除前的数据已备份）', duration: 5000 })
    demoCleared.value += 1
    return true
  } catch (e) {
    showError(e)
    return false
  } finally {
    await refreshDemo()
  }
}
