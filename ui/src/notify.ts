import { ElMessage } from 'element-plus'
import { toApiError, type ApiError } from './api'

/** Show an error from a command as a plain Chinese message (never raw JSON). */
export function showError(e: unknown): ApiError {
  const err = toApiError(e)
  ElMessage.error({ message: err.message, duration: 6000, showClose: true })
  return err
}
