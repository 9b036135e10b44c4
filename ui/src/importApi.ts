// 导入花名册: the commands of the import page and the file reading it needs.
// The core reads the spreadsheet, finds the header, checks every row and
// writes; the page only shows what the core says and sends back the choices.
import { call } from './api'

/** A file written into the 导出 folder of the data directory. */
export interface FileExport {
  path: string
  /** Bytes. */
  size: number
  sheets: string[]
}

export interface ImportRequest {
  file_name: string
  /** null: the core picks the sheet (the first one with a roster header). */
  sheet: string | null
  /** One field code per column, '' = not imported; null: the core guesses from the headers. */
  mapping: string[] | null
}

export interface ImportColumn {
  index: number
  /** The column as the spreadsheet names it: A, B, … */
  letter: string
  header: string
  /** '' = not imported. */
  field: string
  field_label: string
}

export type ImportOutcome = 'new' | 'update' | 'error'

export interface ImportRow {
  /** The row number as the spreadsheet shows it. */
  row: number
  outcome: ImportOutcome
  name: string
  code: string
  message: string
}

export interface ImportPreview {
  sheets: string[]
  sheet: string
  /** 1-based. */
  header_row: number
  columns: ImportColumn[]
  rows: ImportRow[]
  new: number
  update: number
  error: number
  /** How many members were written (0 for a preview). */
  written: number
  /** Things to look at that do not stop the import (e.g. the 支委会 has no 书记). */
  warnings: string[]
}

/** What `import_apply` gives back: the rows' outcomes and the 建账日期 the core suggests. */
export interface ImportResult extends ImportPreview {
  /** The branch's 建账日期 after the import. */
  records_from: string | null
  /** This import started the books (there was no 建账日期): ask the secretary to check it. */
  records_started: boolean
}

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
  call<ImportResult>('import_apply', { data, request, skip_errors })

/** The empty template .xlsx, written into the 导出 folder. */
export const importTemplateExport = () => call<FileExport>('import_template_export')

/** The roster in the template's layout, written into the 导出 folder. */
export const rosterExport = () => call<FileExport>('roster_export')

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
