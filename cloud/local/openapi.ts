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

export class OpenApi {
  private root = protoRoot()
  private words: string[]

  constructor(
    wordsFile: string,
    private outbox: { add(m: OutboxMessage): void },
    private publicUrl: () => string,
  ) {
    this.words = readWords(wordsFile)
  }

  /** Answers a wx.openApi request with CommOpenApiResp bytes. */
  async handle(apiName: string, requestData: Buffer, caller?: { fn: string; openid: string }): Promise<Buffer> {
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

  private async call(apiName: string, a: Record<string, any>, caller?: { fn: string; openid: string }) {
    switch (apiName) {
      case 'subscribeMessage.send': {
        if (!a.touser) return this.json({ errcode: 40003, errmsg: 'invalid openid' })
        if (!a.template_id) return this.json({ errcode: 40037, errmsg: 'invalid template_id' })
        if (a.data === undefined || a.data === null || typeof a.data !== 'object') return this.json({ errcode: 47003, errmsg: 'argument invalid! data.' })
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
      case 'security.mediaCheckAsync':
        return this.json({ errcode: 0, errmsg: 'ok', trace_id: crypto.randomBytes(12).toString('hex') })
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
