import { describe, expect, it } from 'vitest'

// No text under 14 px at 标准 字号 (16 px to the rem; issue 17, item 3): every
// font-size the pages set on screen is at least 0.875rem (or 14px). Print
// rules (inside @media print, in pt) are for paper and not counted here.

/** Every page, component and style sheet, as text (Vite reads them for the test). */
const sources = import.meta.glob<string>(['../src/**/*.vue', '../src/**/*.css'], {
  query: '?raw',
  import: 'default',
  eager: true,
})

/** Each screen font-size declaration: where, and its size in px at 16 px to the rem. */
function screenSizes(text: string): { line: number; px: number; raw: string }[] {
  const found: { line: number; px: number; raw: string }[] = []
  let depth = 0
  let printDepth: number | null = null
  text.split('\n').forEach((line, i) => {
    if (line.trim().startsWith('@media print')) printDepth = depth
    const m = /font-size:\s*([\d.]+)(rem|px)\b/.exec(line)
    if (m && printDepth == null) {
      const px = m[2] === 'rem' ? Number(m[1]) * 16 : Number(m[1])
      found.push({ line: i + 1, px, raw: m[0] })
    }
    depth += (line.match(/{/g) ?? []).length - (line.match(/}/g) ?? []).length
    if (printDepth != null && depth <= printDepth) printDepth = null
  })
  return found
}

describe('字号', () => {
  it('sets no screen text under 14 px', () => {
    const files = Object.entries(sources)
    expect(files.length).toBeGreaterThan(40)
    const small = files.flatMap(([file, text]) =>
      screenSizes(text)
        .filter((s) => s.px < 14)
        .map((s) => `${file}:${s.line} ${s.raw}`),
    )
    expect(small).toEqual([])
  })

  it('counts what it should (a print rule is not screen text)', () => {
    const css = '.a { font-size: 0.8rem; }\n@media print {\n  .b { font-size: 0.7rem; }\n}\n.c { font-size: 12px; }'
    expect(screenSizes(css).map((s) => s.px)).toEqual([12.8, 12])
  })
})
