// 保存为PDF on a print page: the program prints the page as it shows now
// (its print layout, A4) into a PDF in 导出/ and says where; PdfResult.vue
// shows that with 打开 / 打开所在文件夹 / 另存为…. The page computes nothing
// of the file: its name and its checks are the core's.
import { reactive, ref } from 'vue'
import { exportPdf, toApiError, type Exported } from './api'

/**
 * `title` names the file (the core adds the day); `prepare` readies the
 * page first (what was just typed, the photos of a record), as for 打印.
 */
export function usePdf(title: () => string, prepare?: () => Promise<void>) {
  const saving = ref(false)
  const saved = ref<Exported | null>(null)
  const failed = ref('')

  async function save() {
    if (saving.value) return
    saving.value = true
    saved.value = null
    failed.value = ''
    try {
      if (prepare) await prepare()
      saved.value = await exportPdf(title())
    } catch (e) {
      failed.value = toApiError(e).message
    } finally {
      saving.value = false
    }
  }

  return reactive({ saving, saved, failed, save })
}

export type PdfState = ReturnType<typeof usePdf>
