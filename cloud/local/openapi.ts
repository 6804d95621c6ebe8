// wx.openApi: the SDK posts multipart { apiName, requestData = protobuf CommApiData } and decodes a
// protobuf CommOpenApiResp. The message types come from the SDK itself: its bundled openapi.js
// registers them in protobufjs' default root when wx-server-sdk is loaded.
import fs from 'node:fs'
import path from 'node:path'
import crypto from 'node:crypto'
import { createRequire } from 'node:module'
import QRCode from 'qrcode'

const req = createRequire(__filename)

function protoRoot(): any {
  const sdk = req.resolve('wx-server-sdk')
  req(sdk)
  const pb = req(req.resolve('protobufjs/minimal', { paths: [path.dirname(sdk)] }))
  const root = pb.roots?.default
  if (!root?.CommApiData || !root?.CommOpenApiResp) throw new Error('wx-server-sdk protobuf definitions not found')
  return root
}

export interface OutboxMessage {
  touser: string
  templateId: string
  page?: string
  data: unknown
  miniprogramState?: string
  lang?: string
  sentAt: string
  fromFunction?: string
  fromOpenId?: string
}

/**
 * WeChat's per-user quota of one-time subscription messages: each `accept` a user gives in the consent sheet
 * (wx.requestSubscribeMessage) allows one message with that template. The real grant lives on WeChat's side; here
 * POST /dev/subscriptions records it (the H5 build's emulated consent sheet calls it) and subscribeMessage.send
 * spends it, answering 43101 when none is left.
 */
export interface Grants {
  add(openid: string, templateId: string, n: number): number
  take(openid: string, templateId: string): boolean
  count(openid: string, templateId: string): number
}

/** Keyword type from a template keyword key (thing1 → thing, character_string3 → character_string). */
const keywordType = (key: string) => key.replace(/\d+$/, '')
const LETTERS_ONLY = /^[\x20-\x7e]*$/
/** WeChat's value rules per keyword type (47003 when broken), as its documentation states them. */
function keywordOk(type: string, value: unknown): boolean {
  if (typeof value !== 'string' || value.length === 0) return false
  const n = Array.from(value).length
  switch (type) {
    case 'thing': return n <= 20
    case 'phrase': return n <= 5
    case 'name': return LETTERS_ONLY.test(value) ? n <= 20 : n <= 10
    case 'character_string': return /^[\x21-\x7e]{1,32}$/.test(value)
    case 'number': return /^[0-9.]{1,32}$/.test(value)
    case 'time': return /^(\d{4}年\d{1,2}月\d{1,2}日 )?\d{1,2}:\d{2}(~(\d{4}年\d{1,2}月\d{1,2}日 )?\d{1,2}:\d{2})?$/.test(value)
    case 'date': return /^\d{4}年\d{1,2}月\d{1,2}日( \d{1,2}:\d{2})?$/.test(value)
    default: return n <= 20
  }
}

export class OpenApi {
  private root = protoRoot()
  private words: string[]

  constructor(
    wordsFile: string,
    private outbox: { add(m: OutboxMessage): void },
    private publicUrl: () => string,
    /** Grants are enforced for these template ids (the app's templates); other ids are sent as before. */
    private grants?: Grants,
    private knownTemplates: Map<string, string[]> = new Map(),
    /**
     * Delivers mediaCheckAsync's verdict as WeChat's message push would (Event wxa_media_check to the function that
     * asked), after the trace id is answered: the server runs it when the asking invocation (`invocation`) ends.
     */
    private mediaVerdict?: (event: Record<string, unknown>, fn: string, invocation?: string) => Promise<unknown>,
  ) {
    this.words = readWords(wordsFile)
  }

  /** Answers a wx.openApi request with CommOpenApiResp bytes. */
  async handle(apiName: string, requestData: Buffer, caller?: { fn: string; openid: string; id?: string }): Promise<Buffer> {
    const msg = this.root.CommApiData.decode(requestData)
    const args: Record<string, any> = {}
    for (const pair of msg.openapiData?.pairs ?? []) {
      const text = Buffer.from(pair.value).toString('utf8')
      try { args[pair.key] = JSON.parse(text) } catch { args[pair.key] = text }
    }
    const { contentType, body } = await this.call(apiName, args, caller)
    return Buffer.from(this.root.CommOpenApiResp.encode({ respData: body, contentType, httpCode: 200 }).finish())
  }

  private json(obj: unknown) {
    return { contentType: 'application/json; charset=utf-8', body: Buffer.from(JSON.stringify(obj)) }
  }

  private async call(apiName: string, a: Record<string, any>, caller?: { fn: string; openid: string; id?: string }) {
    switch (apiName) {
      case 'subscribeMessage.send': {
        if (!a.touser) return this.json({ errcode: 40003, errmsg: 'invalid openid' })
        if (!a.template_id) return this.json({ errcode: 40037, errmsg: 'invalid template_id' })
        if (a.data === undefined || a.data === null || typeof a.data !== 'object') return this.json({ errcode: 47003, errmsg: 'argument invalid! data.' })
        const keywords = this.knownTemplates.get(String(a.template_id))
        if (keywords && this.grants) {
          for (const key of keywords) {
            const value = a.data[key]?.value
            if (!keywordOk(keywordType(key), value)) return this.json({ errcode: 47003, errmsg: `argument invalid! data.${key}.value` })
          }
          if (!this.grants.take(String(a.touser), String(a.template_id))) return this.json({ errcode: 43101, errmsg: 'user refuse to accept the msg' })
        }
        this.outbox.add({
          touser: String(a.touser),
          templateId: String(a.template_id),
          page: a.page,
          data: a.data,
          miniprogramState: a.miniprogram_state ?? 'formal',
          lang: a.lang,
          sentAt: new Date().toISOString(),
          fromFunction: caller?.fn,
          fromOpenId: caller?.openid,
        })
        return this.json({ errcode: 0, errmsg: 'ok', msgid: Date.now() })
      }
      case 'security.msgSecCheck': {
        const content = String(a.content ?? '')
        const hit = this.words.find((w) => content.includes(w))
        const traceId = crypto.randomBytes(12).toString('hex')
        if (Number(a.version) === 2) {
          const label = hit ? 20006 : 100
          const suggest = hit ? 'risky' : 'pass'
          return this.json({
            errcode: 0,
            errmsg: 'ok',
            result: { suggest, label },
            detail: [{ strategy: 'content_model', errcode: 0, suggest, label, ...(hit ? { keyword: hit, prob: 90 } : { prob: 0 }) }],
            trace_id: traceId,
          })
        }
        return hit ? this.json({ errcode: 87014, errmsg: 'risky content' }) : this.json({ errcode: 0, errmsg: 'ok' })
      }
      case 'security.mediaCheckAsync': {
        const traceId = crypto.randomBytes(12).toString('hex')
        // The stand-in for the image model: a file whose path contains "risky" fails, everything else passes.
        if (this.mediaVerdict && caller?.fn) {
          const risky = /risky/i.test(String(a.media_url ?? a.mediaUrl ?? ''))
          const suggest = risky ? 'risky' : 'pass'
          await this.mediaVerdict(
            {
              ToUserName: 'gh_localcloud',
              FromUserName: caller.openid || 'o_localcloud',
              CreateTime: Math.floor(Date.now() / 1000),
              MsgType: 'event',
              Event: 'wxa_media_check',
              appid: 'wx_localcloud',
              trace_id: traceId,
              version: 2,
              errcode: 0,
              errmsg: 'ok',
              result: { suggest, label: risky ? 20002 : 100 },
              detail: [{ strategy: 'content_model', errcode: 0, suggest, label: risky ? 20002 : 100, prob: risky ? 90 : 0 }],
            },
            caller.fn,
            caller.id,
          ).catch((error) => console.error('[localcloud] media check verdict delivery failed:', error))
        }
        return this.json({ errcode: 0, errmsg: 'ok', trace_id: traceId })
      }
      case 'wxacode.getUnlimited':
      case 'wxacode.get':
      case 'wxacode.createQRCode': {
        const scene = a.scene ?? ''
        const page = a.page ?? a.path ?? ''
        const text = `${this.publicUrl()}/#/${String(page).replace(/^\//, '')}?scene=${encodeURIComponent(String(scene))}`
        const width = Math.max(128, Math.min(1280, Number(a.width) || 430))
        const body = await QRCode.toBuffer(text, { type: 'png', width, margin: 2 })
        return { contentType: 'image/png', body }
      }
      default:
        return this.json({ errcode: -1, errmsg: `local cloud does not implement openapi ${apiName}` })
    }
  }
}

function readWords(file: string): string[] {
  try {
    return fs.readFileSync(file, 'utf8').split(/\r?\n/).map((s) => s.trim()).filter((s) => s && !s.startsWith('#'))
  } catch {
    return []
  }
}
