/**
 * The app at a desk (#22, docs/layout.md): the H5 build in a phone (390×844), a tablet (768×1024) and a laptop's
 * browser window (1366×800). Text keeps a phone's size however wide the window (no line of body text taller than
 * 32 px, no heading taller than 48 px, the tab bar as on the phone); member and secretary screens sit in a centred
 * 720 px column; the committee's dashboard puts its figures, heatmap and branch list side by side with whole branch
 * names, and the work-plan import shows the pasted source beside the parsed plan. Screenshots of home, dashboard,
 * import and the record form at each width: docs/screenshots/desk-<screen>-<width>.png with E2E_SHOTS=1, else
 * test-results/.
 */
import fs from 'node:fs'
import type { Page } from 'playwright-core'
import { SEED_BRANCHES } from '../../cloud/local/seed'
import { e2eWorld, goTo } from '../support/browser'
import { SAMPLE_PLAN_TXT } from '../support/samples'

const world = e2eWorld()
const SECRETARY = SEED_BRANCHES[0].secretary.openid
const COMMITTEE = 'dev-committee-admin'
const PLAN_TEXT = fs.readFileSync(SAMPLE_PLAN_TXT, 'utf8')
const SIZES = [
  { width: 390, height: 844 },
  { width: 768, height: 1024 },
  { width: 1366, height: 800 },
]
/** Tallest line box allowed: body text, and headings (bold, or 20 px and larger). */
const BODY_MAX = 32
const HEADING_MAX = 48
const COLUMN = 720

const shown = (page: Page, id: string) => page.getByTestId(id).filter({ visible: true })
async function shot(page: Page, screen: string, width: number) {
  // Let Taro's slide-in and the charts' first draw finish.
  await page.waitForTimeout(800)
  await page.screenshot({ path: `${process.env.E2E_SHOTS ? 'docs/screenshots' : 'test-results'}/desk-${screen}-${width}.png` })
}

interface Line {
  text: string
  height: number
  fontSize: number
  heading: boolean
}
/** Every line of text on the shown page (the SVG charts aside), as the browser laid it out. */
function lines(page: Page): Promise<Line[]> {
  return page.evaluate(() => {
    const root = document.querySelector('.taro_page_show:last-of-type') ?? document.body
    const out: Line[] = []
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement
      // Words and figures; a lone symbol drawn as a glyph (the photo grid's ＋, an arrow ›) is an icon, not text.
      if (!el || !/[\p{L}\p{N}]/u.test(n.textContent ?? '') || el.closest('svg')) continue
      const css = getComputedStyle(el)
      if (css.visibility === 'hidden') continue
      const range = document.createRange()
      range.selectNodeContents(n)
      const fontSize = parseFloat(css.fontSize)
      const heading = Number(css.fontWeight) >= 600 || fontSize >= 20
      for (const r of Array.from(range.getClientRects())) {
        if (r.width > 0 && r.height > 0) out.push({ text: (n.textContent ?? '').trim().slice(0, 30), height: Math.round(r.height), fontSize, heading })
      }
    }
    return out
  })
}
async function expectPhoneSizedText(page: Page) {
  const all = await lines(page)
  expect(all.length).toBeGreaterThan(3)
  expect(all.filter((l) => !l.heading && l.height > BODY_MAX)).toEqual([])
  expect(all.filter((l) => l.heading && l.height > HEADING_MAX)).toEqual([])
}
const box = async (page: Page, id: string) => (await shown(page, id).first().boundingBox())!
/** The shown page's content: the first element inside Taro's page that has a size. */
const contentBox = (page: Page) =>
  page.evaluate(() => {
    const pages = document.querySelectorAll('.taro_page_show')
    let el = pages[pages.length - 1]?.firstElementChild as HTMLElement | null
    while (el && el.getBoundingClientRect().width === 0) el = el.nextElementSibling as HTMLElement | null
    // taro-pull-to-refresh-core wraps a page that refreshes by pulling: its first child is the page's root.
    if (el?.tagName.toLowerCase() === 'taro-pull-to-refresh-core') el = (el.firstElementChild as HTMLElement | null) ?? el
    const r = el!.getBoundingClientRect()
    return { left: r.left, right: r.right, width: r.width }
  })

describe.each(SIZES)('at $width×$height', (size) => {
  test('home: a secretary’s home in a centred column, text at a phone’s size, the tab bar at the same scale', async () => {
    const { page } = await world.person(SECRETARY, size)
    await goTo(page, world.url, 'pages/home/index')
    await shown(page, 'home-todo').waitFor({ timeout: 30_000 })
    await shot(page, 'home', size.width)
    await expectPhoneSizedText(page)
    // The root size stops at a 390 px phone's (Taro's rem): every size on the page is the phone's.
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('20.8px')
    const content = await contentBox(page)
    const viewport = page.viewportSize()!
    if (size.width > COLUMN) {
      expect(content.width).toBeLessThanOrEqual(COLUMN + 1)
      // Centred: the same grey on both sides (give or take the page's scroll bar).
      expect(Math.abs(content.left - (viewport.width - content.right))).toBeLessThanOrEqual(20)
    } else {
      expect(content.width).toBeGreaterThan(size.width - 20)
    }
    // The tab bar: a phone's 50 px, its items under the column.
    const items = await page.locator('.weui-tabbar__item').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ left: r.left, right: r.right, height: r.height })))
    expect(items).toHaveLength(4)
    for (const i of items) expect(i.height).toBe(50)
    expect(items[0].left).toBeGreaterThanOrEqual(Math.max(0, (size.width - COLUMN) / 2) - 20)
    expect(items[3].right).toBeLessThanOrEqual(size.width - Math.max(0, (size.width - COLUMN) / 2) + 20)
  })

  test('dashboard: figures, heatmap and branch list side by side on a wide window, whole names; stacked on a phone', async () => {
    const { page } = await world.person(COMMITTEE, size)
    await goTo(page, world.url, 'packages/committee/pages/dashboard/index')
    await shown(page, 'dashboard-branch').first().waitFor({ timeout: 30_000 })
    await page.locator('[data-testid=heatmap-chart] svg text').first().waitFor({ timeout: 30_000 })
    await shot(page, 'dashboard', size.width)
    await expectPhoneSizedText(page)
    const heat = await box(page, 'heatmap')
    const list = await box(page, 'dashboard-list')
    const figures = await box(page, 'tile-branches')
    const exportButton = await box(page, 'export-assessment')
    const labels = await page.locator('[data-testid=heatmap-chart] svg text').allTextContents()
    // All twelve months on every width.
    for (let m = 1; m <= 12; m++) expect(labels).toContain(String(m))
    if (size.width >= 1366) {
      // Side by side: the figures left of the heatmap, the heatmap left of the list, all starting on the first screen.
      expect(figures.x + figures.width).toBeLessThanOrEqual(heat.x)
      expect(heat.x + heat.width).toBeLessThanOrEqual(list.x)
      expect(Math.abs(heat.y - list.y)).toBeLessThan(120)
      expect(heat.y).toBeLessThan(size.height / 2)
      // Whole branch names in the heatmap.
      for (const b of SEED_BRANCHES) expect(labels).toContain(b.name)
      expect(exportButton.width).toBeLessThan(500)
    } else {
      // One column: the branch list above the heatmap.
      expect(list.y + list.height).toBeLessThanOrEqual(heat.y + 1)
      expect(exportButton.width).toBeLessThanOrEqual(COLUMN)
    }
  })

  test('import: the parsed plan beside its pasted source on a wide window', async () => {
    const { page } = await world.person(COMMITTEE, size)
    await goTo(page, world.url, 'packages/plans/pages/import/index')
    await page.locator('[data-testid=plan-text] textarea, textarea[data-testid=plan-text]').first().fill(PLAN_TEXT)
    await shown(page, 'plan-parse').click()
    await shown(page, 'plan-preview').waitFor({ timeout: 30_000 })
    await shot(page, 'import', size.width)
    await expectPhoneSizedText(page)
    const preview = await box(page, 'plan-preview')
    if (size.width >= 1366) {
      const source = await box(page, 'plan-source')
      expect(await shown(page, 'plan-source').innerText()).toContain(PLAN_TEXT.trim().split('\n')[0].trim())
      expect(source.x + source.width).toBeLessThanOrEqual(preview.x)
      expect(Math.abs(source.y - preview.y)).toBeLessThan(80)
    } else {
      expect(await page.getByTestId('plan-source').count()).toBe(0)
      expect(preview.width).toBeLessThanOrEqual(COLUMN)
    }
  })

  test('record form: a secretary’s form in the column, text at a phone’s size', async () => {
    const { page } = await world.person(SECRETARY, size)
    await goTo(page, world.url, 'packages/activities/pages/edit/index')
    await shown(page, 'activity-form-record').waitFor({ timeout: 30_000 })
    await shot(page, 'record', size.width)
    await expectPhoneSizedText(page)
    const content = await contentBox(page)
    expect(content.width).toBeLessThanOrEqual(Math.min(size.width, COLUMN) + 1)
  })
})
