// One month of one member in the 收缴表: the state in a few characters, in colour.
//
// A functional component (a function of its props, no instance): the 收缴表
// draws twelve of these a row, 600 a page, and as components with their own
// state they cost the page tens of milliseconds (docs/PERFORMANCE.md). The
// look is `.dues-cell` in styles.css.
import { h, type FunctionalComponent } from 'vue'
import type { GridCell } from '../api'
import { fen, formatDate } from '../format'

/** The state in a few characters. */
export function cellText(c: GridCell): string {
  switch (c.state) {
    case 'paid':
      return fen(c.paid_fen)
    case 'owed':
      // what is still to pay (a month paid in part shows the rest)
      return fen(c.due_fen)
    case 'future':
      return '●'
    case 'not_member':
      return '—'
    case 'elsewhere':
      // 在流入地缴纳 (流动党员): paid where the member lives, never owed here
      return '流入地'
    default:
      // 免交, 未核定: the core's own words
      return c.state_label
  }
}

/** The whole state in words, for the mouse-over and for screen readers. */
export function cellTitle(c: GridCell): string {
  let amount = ''
  if (c.state === 'paid') amount = ` ${fen(c.paid_fen)} 元`
  else if (c.payable) {
    amount = ` ${fen(c.due_fen)} 元`
    if (c.paid_fen > 0) amount += `（应交 ${fen(c.owed_fen)} 元，已交 ${fen(c.paid_fen)} 元）`
  }
  return `${formatDate(c.month)} ${c.state_label}${amount}`
}

const DuesCell: FunctionalComponent<{ memberId: number; cell: GridCell }> = ({ memberId, cell }) => {
  const title = cellTitle(cell)
  return h(
    'td',
    {
      class: ['dues-cell', `state-${cell.state}`],
      'data-testid': 'dues-cell',
      'data-member-id': memberId,
      'data-month': cell.month,
      'data-state': cell.state,
      title,
      'aria-label': title,
    },
    cellText(cell),
  )
}
DuesCell.props = ['memberId', 'cell']

export default DuesCell
