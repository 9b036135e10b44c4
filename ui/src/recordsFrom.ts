/** The help under 建账日期, on 设置 and after an import. */
export const RECORDS_FROM_HINT =
  '本软件从这一天开始记账；这一天以前的会议和组织生活不作检查（显示为“建账前”）'
