/**
 * H5's stand-in for WeChat's subscription consent sheet. The browser has no WeChat, and H5 runs only against the
 * local cloud, so this shows an emulated sheet like WeChat's (the app's name, one row per template with a
 * switch, 允许 / 取消), then tells the local cloud what the person chose (`POST /dev/subscriptions`), as WeChat's
 * servers would record the grant. The sheet is plain DOM on purpose: like WeChat's, it sits outside the page.
 */
import { getDevOpenId } from './dev-identity'
import { MAX_TEMPLATES_PER_ASK, SubscribeError, subscribeFailure, type GrantResult, type TemplateAsk } from './subscribe-kit'

export { MAX_TEMPLATES_PER_ASK, SubscribeError }
export type { GrantResult, TemplateAsk }

const css = (el: HTMLElement, style: Partial<CSSStyleDeclaration>) => Object.assign(el.style, style)

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, testid?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag)
  if (text) e.textContent = text
  if (testid) e.setAttribute('data-testid', testid)
  return e
}

/** Shows the sheet; resolves with the choice per template (取消 or a tap outside = reject all). */
function consentSheet(templates: TemplateAsk[]): Promise<Record<string, GrantResult>> {
  return new Promise((resolve) => {
    const chosen = new Map(templates.map((t) => [t.id, true]))
    const mask = el('div', undefined, 'consent-sheet')
    mask.setAttribute('role', 'dialog')
    mask.setAttribute('aria-label', '订阅消息')
    css(mask, { position: 'fixed', inset: '0', background: 'rgba(0,0,0,.45)', zIndex: '10000', display: 'flex', alignItems: 'flex-end' })
    const sheet = el('div')
    css(sheet, { width: '100%', background: '#fff', borderRadius: '16px 16px 0 0', padding: '20px 20px 28px', boxSizing: 'border-box', fontSize: '16px', color: '#1a1a1a' })
    const head = el('div', '支部工作台 申请向你发送以下消息')
    css(head, { fontSize: '17px', fontWeight: '600', marginBottom: '6px' })
    const note = el('div', '每次允许，可收到一次对应的提醒（网页版模拟微信的订阅界面）')
    css(note, { fontSize: '13px', color: '#888', marginBottom: '12px' })
    sheet.append(head, note)
    for (const t of templates) {
      const row = el('label', undefined, `consent-template-${t.id}`)
      css(row, { display: 'flex', alignItems: 'center', justifyContent: 'space-between', minHeight: '48px', borderTop: '1px solid #eee' })
      const name = el('span', t.title)
      const box = el('input')
      box.type = 'checkbox'
      box.checked = true
      css(box, { width: '22px', height: '22px', accentColor: '#07c160' })
      box.addEventListener('change', () => chosen.set(t.id, box.checked))
      row.append(name, box)
      sheet.append(row)
    }
    const actions = el('div')
    css(actions, { display: 'flex', gap: '12px', marginTop: '16px' })
    const cancel = el('button', '取消', 'consent-cancel')
    const allow = el('button', '允许', 'consent-allow')
    for (const b of [cancel, allow]) css(b, { flex: '1', height: '46px', border: '0', borderRadius: '8px', fontSize: '17px' })
    css(cancel, { background: '#f2f2f2', color: '#1a1a1a' })
    css(allow, { background: '#07c160', color: '#fff' })
    actions.append(cancel, allow)
    sheet.append(actions)
    mask.append(sheet)

    const close = (accept: boolean) => {
      mask.remove()
      resolve(Object.fromEntries(templates.map((t) => [t.id, accept && chosen.get(t.id) ? 'accept' : 'reject'])) as Record<string, GrantResult>)
    }
    cancel.addEventListener('click', () => close(false))
    allow.addEventListener('click', () => close(true))
    mask.addEventListener('click', (e) => {
      if (e.target === mask) close(false)
    })
    document.body.append(mask)
  })
}

export async function askSubscriptions(templates: TemplateAsk[]): Promise<Record<string, GrantResult>> {
  const asked = templates.slice(0, MAX_TEMPLATES_PER_ASK)
  if (!asked.length) throw new SubscribeError('提醒模板尚未配置，请联系管理员')
  const results = await consentSheet(asked)
  const openid = getDevOpenId()
  let res: Response
  try {
    res = await fetch('/dev/subscriptions', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(openid ? { 'X-Dev-OpenId': openid } : {}) },
      body: JSON.stringify({ results }),
    })
  } catch {
    throw new SubscribeError(subscribeFailure(10003))
  }
  if (!res.ok) throw new SubscribeError(subscribeFailure())
  return results
}
