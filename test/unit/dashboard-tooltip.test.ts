/**
 * Issue 15 item 12: in H5 the work-point chart's tooltip rendered the point's title as HTML (an `onerror` fired).
 * The tooltip is the only HTML formatter in the client (no dangerouslySetInnerHTML, innerHTML or RichText); its
 * data-derived text is escaped.
 */
import { escapeHtml, pointsOption } from '../../src/features/dashboard/charts/options'

test('a work point title with markup reaches the tooltip as text, not as an element', () => {
  const title = '<img src=x onerror="alert(1)">学习 & 落实'
  const option = pointsOption([{ seq: 2, title, total: 4, done: 2, overdue: 0, rate: 50 }]) as any
  const html: string = option.tooltip.formatter([{ dataIndex: 0 }])
  expect(html).toBe('2. &lt;img src=x onerror=&quot;alert(1)&quot;&gt;学习 &amp; 落实<br/>完成 2/4（50%）')
  expect(html).not.toMatch(/<img/i)
})

test('escapeHtml escapes the five characters that can open markup or an attribute', () => {
  expect(escapeHtml(`<a href='x'>"&"</a>`)).toBe('&lt;a href=&#39;x&#39;&gt;&quot;&amp;&quot;&lt;/a&gt;')
  expect(escapeHtml('组织专题学习')).toBe('组织专题学习')
})
