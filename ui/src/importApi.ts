// 导入花名册: the commands of the import page and the file reading it needs.
// The core reads the spreadsheet, finds the header, checks every row and
// writes; the page only shows what the core says and sends back the choices.
import { call } from './api'
import type {
  Exported,
  ImportPreview,
  ImportRequest,
} from './generated/types'








/** The fields a column can be imported into, in the order of the template; '' = 不导入. */
export const IMPORT_FIELDS: { value: string; label: string }[] = [
  { value: '', label: '不导入' },
  { value: 'name', label: '姓名' },
  { value: 'sex', label: '性别' },
  { value: 'ethnicity', label: '民族' },
  { value: 'birth_date', label: '出生日期' },
  { value: 'id_number', label: '公民身份号码' },
  { value: 'education', label: '文化程度' },
  { value: 'admitted_on', label: '入党时间' },
  { value: 'full_member_on', label: '转正时间' },
  { value: 'kind', label: '党员类别' },
  { value: 'group', label: '所在党小组' },
  { value: 'committee_role', label: '支委职务' },
  { value: 'job', label: '工作单位及职务' },
  { value: 'phone', label: '联系电话' },
  { value: 'address', label: '家庭住址' },
  { value: 'mobile', label: '流动党员' },
  { value: 'mobile_destination', label: '外出流向' },
  { value: 'lost_contact_reason', label: '失联原因' },
  { value: 'notes', label: '备注' },
]

/** Read the spreadsheet and say what importing it would do; nothing is written. */
export const importPreview = (data: string, request: ImportRequest) =>
  call<ImportPreview>('import_preview', { data, request })

/** Write the rows. Refused (import_failed) when rows have errors and skip_errors is false. */
export const importApply = (data: string, request: ImportRequest, skip_errors: boolean) =>
  call<ImportPreview>('import_apply', { data, request, skip_errors })

/** The empty template .xlsx, written into the 导出 folder. */
export const importTemplateExport = () => call<Exported>('import_template_export')

/** The roster in the template's layout, written into the 导出 folder. */
export const rosterExport = () => call<Exported>('roster_export')

/** The file's bytes as base64, without the `data:…;base64,` prefix. */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const failed = { code: 'read_failed', message: '文件没有读出来，请重新选择文件' }
    const reader = new FileReader()
    reader.onload = () => {
      if (typeof reader.result !== 'string') return reject(failed)
      const comma = reader.result.indexOf(',')
      resolve(comma >= 0 ? reader.result.slice(comma + 1) : '')
    }
    reader.onerror = () => reject(failed)
    reader.readAsDataURL(file)
  })
}
