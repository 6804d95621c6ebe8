/**
 * The `api` function's router: event → envelope. Every call passes the same steps — shape of the event, payload
 * hygiene, identity, input schema, access, handler, output schema — and nothing throws past this function.
 */
import { z } from 'zod'
import { schemas } from '../../../types/actions'
import type { ApiEvent, ApiResult } from '../../../types/envelope'
import type { ActionContext } from './action'
import { authorize, loadMemberships } from './access'
import { AppError, invalid, isCollectionMissing } from './errors'
import type { Port } from './port'
import { findAction } from './registry'
import { findForbiddenKey, MAX_PAYLOAD_CHARS, NESTED_TOO_DEEP } from './payload'
import { requestKey, runOnce } from './writes'

function describeIssues(error: z.ZodError) {
  return error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }))
}

export async function dispatch(event: unknown, port: Port): Promise<ApiResult<unknown>> {
  const requestId = typeof (event as ApiEvent | null)?.requestId === 'string' ? (event as ApiEvent).requestId : undefined
  try {
    if (event === null || typeof event !== 'object' || typeof (event as ApiEvent).action !== 'string') {
      throw invalid('请求格式不正确：缺少 action')
    }
    const { action, payload = {} } = event as ApiEvent
    const def = findAction(action)
    if (!def) throw invalid(`未知的操作：${action.slice(0, 60)}`)

    // Depth first: JSON.stringify recurses, and a payload thousands of brackets deep overflowed the stack (INTERNAL).
    const badKey = findForbiddenKey(payload)
    if (badKey === NESTED_TOO_DEEP) throw invalid('提交的内容层级过深，请检查后再试')
    if (badKey) throw invalid(`提交的内容含有不允许的字段名：${badKey}`)
    const serialized = JSON.stringify(payload) ?? ''
    if (serialized.length > MAX_PAYLOAD_CHARS) throw invalid('提交的内容过大，请精简后再试')

    if (!port.caller.openid) throw new AppError('UNAUTHENTICATED', '无法识别你的身份，请在微信中重新打开小程序')

    const parsed = schemas[def.name].input.safeParse(payload)
    if (!parsed.success) {
      const issues = describeIssues(parsed.error)
      const first = issues[0]
      // People read the message; the field's path (rows.2.disposal.note) is for the screen and the developer, in
      // details (the user walk found 「请填写处置说明（字段 rows.2.disposal.note）」 on screen).
      throw invalid(first ? first.message : '提交的内容不正确', { issues, ...(first?.path ? { field: first.path } : {}) })
    }

    const ctx: ActionContext = {
      port,
      caller: { openid: port.caller.openid, memberships: await loadMemberships(port, port.caller.openid) },
      requestId,
    }
    ctx.record = await authorize(def, parsed.data, ctx)
    const run = async () => {
      const result = await def.handler(parsed.data as never, ctx)
      const checked = schemas[def.name].output.safeParse(result)
      if (!checked.success) {
        console.error(`[api] ${action} produced output that breaks its schema`, describeIssues(checked.error))
        throw new AppError('INTERNAL', '服务器返回的数据有误，请稍后再试')
      }
      return checked.data
    }
    // Every write that takes a clientRequestId runs once per request (writes.ts): a retry gets the first answer.
    const clientRequestId = (parsed.data as { clientRequestId?: unknown }).clientRequestId
    if (typeof clientRequestId !== 'string') return { ok: true, data: await run() }
    const request = { action: def.name, openid: ctx.caller.openid, clientRequestId, payload: parsed.data }
    ctx.requestKey = requestKey(request.action, request.openid, clientRequestId)
    const replay = def.replay ? (first: unknown) => def.replay!(first as never, parsed.data as never, ctx) as Promise<unknown> : undefined
    return { ok: true, data: await runOnce(port, request, run, replay) }
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toApiError() }
    if (isCollectionMissing(error)) {
      return { ok: false, error: { code: 'INTERNAL', message: '云环境尚未初始化，请联系党委管理员完成初始化' } }
    }
    console.error('[api] unexpected failure', requestId ?? '', error)
    return { ok: false, error: { code: 'INTERNAL', message: '服务器开小差了，请稍后再试' } }
  }
}
