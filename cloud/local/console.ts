// The local cloud's console at /_console (dev only: served by this process, never part of a bundle or the H5 build).
// One page of plain HTML and script (no library: five tables and a few buttons do not pay for one) over a small JSON
// API under /_console/api/…. The server's Host/Origin checks (guard.ts) run before this; the one write (run now)
// also takes only application/json, as /dev/clock does, so no other page can post it.
import type http from 'node:http'
import { Query } from 'mingo'
import type { Store } from './store'
import type { Functions } from './functions'
import type { DbCall } from './env-view'
import { checkJson } from './guard'
import { storageFiles, serveStorageFile } from './console-storage'
import { kindOfTemplate } from '../../config/deployment'

export interface ConsoleDeps {
  store: Store
  functions: Functions
  outbox: { list(): unknown[] }
  identities(): Promise<unknown[]>
  fireTrigger(name: string, now: Date): Promise<unknown>
  now(): Date
}

export interface LogEntry {
  at: string
  fn: string
  action: string
  caller: string
  source: string
  ms: number
  code: string
  /** Its database calls, in order: time and whether a declared index serves each (server.ts records them). */
  db: DbCall[]
}

type Send = (res: http.ServerResponse, status: number, body: unknown, type?: string) => void

const PAGE_SIZE = 20
/** Invocations kept in memory for the request log: enough to see what a page or a timer run just did. */
const LOG_SIZE = 300

/** What an invocation answered, as a code: the action's error code, THREW, or OK. */
function resultCode(result: unknown): string {
  const r = result as { ok?: unknown; error?: { code?: unknown } } | null
  if (r && typeof r === 'object' && r.ok === false) return String(r.error?.code ?? 'ERROR')
  return 'OK'
}

/** Installs the request log (wraps functions.invoke) and answers the console's routes; false for any other path. */
export function createConsole(d: ConsoleDeps, send: Send) {
  const log: LogEntry[] = []
  const invoke = d.functions.invoke.bind(d.functions)
  d.functions.invoke = async (name, event, caller = {}) => {
    const started = Date.now()
    const entry: LogEntry = {
      at: d.now().toISOString(),
      fn: name,
      action: String((event as { action?: unknown } | null)?.action ?? (caller.source === 'wx_trigger' ? '(timer)' : '')),
      caller: caller.openid ?? '',
      source: caller.source ?? 'wx_client',
      ms: 0,
      code: 'OK',
      db: [],
    }
    try {
      const result = await invoke(name, event, { ...caller, calls: entry.db })
      entry.code = resultCode(result)
      return result
    } catch (e) {
      entry.code = 'THREW'
      throw e
    } finally {
      entry.ms = Date.now() - started
      log.push(entry)
      if (log.length > LOG_SIZE) log.shift()
    }
  }

  const docs = (name: string) => Array.from(d.store.collections.get(name)?.values() ?? [])

  return async function handle(req: http.IncomingMessage, res: http.ServerResponse, u: URL): Promise<boolean> {
    const p = u.pathname
    const method = req.method ?? 'GET'
    if (!(p === '/_console' || p.startsWith('/_console/'))) return false
    if (method === 'GET' && (p === '/_console' || p === '/_console/')) {
      res.setHeader('cache-control', 'no-cache')
      send(res, 200, PAGE, 'text/html; charset=utf-8')
      return true
    }
    if (method === 'GET' && p === '/_console/as') {
      // Opens the app as this person: the H5 app keeps its dev identity in localStorage (src/services/dev-identity.ts).
      const openid = u.searchParams.get('openid') ?? ''
      send(res, 200, `<!doctype html><meta charset="utf-8"><script>localStorage.setItem('branch-desk:dev-openid', ${JSON.stringify(openid).replace(/</g, '\\u003c')});location.replace('/')</script>`, 'text/html; charset=utf-8')
      return true
    }
    if (method === 'GET' && p === '/_console/api/collections') {
      const list = Array.from(d.store.collections.entries()).map(([name, c]) => ({ name, count: c.size }))
      send(res, 200, list.sort((a, b) => a.name.localeCompare(b.name)))
      return true
    }
    let m = /^\/_console\/api\/collections\/([^/]+)$/.exec(p)
    if (method === 'GET' && m) {
      const name = decodeURIComponent(m[1])
      let filter: Record<string, unknown> = {}
      const raw = u.searchParams.get('filter')
      if (raw) {
        try { filter = JSON.parse(raw) } catch { send(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: '筛选条件不是合法的 JSON' } }); return true }
        if (!filter || typeof filter !== 'object' || Array.isArray(filter)) { send(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: '筛选条件应是一个 JSON 对象' } }); return true }
      }
      let matched
      try {
        const q = new Query(filter)
        matched = docs(name).filter((doc) => q.test(doc))
      } catch (e) {
        send(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: `筛选条件无效：${(e as Error).message}` } })
        return true
      }
      const page = Math.max(0, Number(u.searchParams.get('page') ?? 0) | 0)
      send(res, 200, { total: matched.length, page, pageSize: PAGE_SIZE, docs: matched.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE) })
      return true
    }
    m = /^\/_console\/api\/collections\/([^/]+)\/([^/]+)$/.exec(p)
    if (method === 'GET' && m) {
      const doc = d.store.collections.get(decodeURIComponent(m[1]))?.get(decodeURIComponent(m[2]))
      if (!doc) send(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: '没有这条记录' } })
      else send(res, 200, doc)
      return true
    }
    if (method === 'GET' && p === '/_console/api/outbox') {
      // Template ids are opaque: each row also names the reminder kind it belongs to (config/deployment.ts).
      const named = (x: Record<string, unknown>) => ({ ...x, kind: kindOfTemplate(String(x.templateId ?? '')) ?? '' })
      send(res, 200, { outbox: (d.outbox.list() as Array<Record<string, unknown>>).slice(-200).reverse().map(named), grants: docs('__subscription_grants').map(named) })
      return true
    }
    if (method === 'GET' && p === '/_console/api/inbox') {
      const items = docs('inbox').sort((a, b) => String(b.createdAt ?? '').localeCompare(String(a.createdAt ?? '')))
      send(res, 200, { total: items.length, items: items.slice(0, 100) })
      return true
    }
    if (method === 'GET' && p === '/_console/api/identities') {
      send(res, 200, await d.identities())
      return true
    }
    // 存储文件 (console-storage.ts): the files under <data>/storage/ and each one's bytes.
    if (method === 'GET' && p === '/_console/api/storage') {
      send(res, 200, storageFiles(d.store))
      return true
    }
    if (method === 'GET' && p.startsWith('/_console/api/storage/')) {
      serveStorageFile(d.store, decodeURIComponent(p.slice('/_console/api/storage/'.length)), res, send)
      return true
    }
    if (method === 'GET' && p === '/_console/api/log') {
      send(res, 200, log.slice().reverse())
      return true
    }
    if (method === 'GET' && p === '/_console/api/timers') {
      const timers = d.functions.list().filter((f) => f.triggers.some((t) => t.type === 'timer')).map((f) => ({
        name: f.name,
        triggers: f.triggers.filter((t) => t.type === 'timer'),
        runs: log.filter((e) => e.fn === f.name && e.source === 'wx_trigger').slice(-5).reverse(),
      }))
      // The reminders function records its own runs (cloud/core/reminders/run.ts).
      const recorded = docs('reminder_runs').sort((a, b) => String(b._id).localeCompare(String(a._id))).slice(0, 5)
      send(res, 200, { timers, recorded })
      return true
    }
    m = /^\/_console\/api\/timers\/([^/]+)\/run$/.exec(p)
    if (method === 'POST' && m) {
      const notJson = checkJson(req)
      if (notJson) { send(res, notJson.status, { ok: false, error: { code: notJson.code, message: notJson.message } }); return true }
      const name = decodeURIComponent(m[1])
      if (!d.functions.info(name)) { send(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: `云函数 ${name} 不存在` } }); return true }
      try {
        send(res, 200, { ok: true, result: (await d.fireTrigger(name, d.now())) ?? null })
      } catch (e) {
        send(res, 500, { ok: false, error: { code: 'INTERNAL', message: String((e as Error)?.message ?? e) } })
      }
      return true
    }
    send(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: `未找到 ${method} ${p}` } })
    return true
  }
}

const PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>本地云控制台</title><link rel="icon" href="data:,">
<style>
body{font:14px/1.5 system-ui,"Noto Sans CJK SC",sans-serif;margin:0;color:#222;background:#f6f6f6}
header{background:#b71c1c;color:#fff;padding:10px 20px;display:flex;gap:24px;align-items:center}
header h1{font-size:18px;margin:0}
nav button{background:none;border:0;color:#fff;font-size:15px;padding:8px 12px;cursor:pointer;min-height:44px}
nav button.on{border-bottom:3px solid #fff;font-weight:600}
main{display:flex;gap:16px;padding:16px 20px}
#side{width:260px;flex:none}#side:empty{display:none}
#body{flex:1;min-width:0}
section{overflow-x:auto;background:#fff;border:1px solid #ddd;border-radius:6px;padding:12px 16px;margin-bottom:16px}
table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #eee;padding:4px 8px;text-align:left;vertical-align:top;font-size:13px}
th{background:#fafafa}
tr.click{cursor:pointer}tr.click:hover{background:#fff3f3}
pre{background:#fafafa;border:1px solid #eee;padding:8px;overflow:auto;max-height:600px;margin:0;font-size:12px}
input,button.act{font:inherit;padding:6px 10px;min-height:36px}
input.filter{width:60%}
.muted{color:#777}.err{color:#b71c1c}
.row{display:flex;gap:8px;align-items:center;margin:8px 0;flex-wrap:wrap}
.cell{max-width:360px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
</style></head><body>
<header><h1>本地云控制台</h1><nav id="nav"></nav><span id="clock" class="muted" style="color:#fff"></span></header>
<main><div id="side"></div><div id="body"></div></main>
<script>
const $=(s)=>document.querySelector(s)
const esc=(v)=>String(v??'').replace(/[&<>"]/g,(c)=>({'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;'})[c])
async function api(path,opts){const r=await fetch(path,opts);const j=await r.json();if(!r.ok)throw new Error(j&&j.error?j.error.message:r.status);return j}
function table(cols,rows,onclick){return '<table><tr>'+cols.map((c)=>'<th>'+esc(c[0])+'</th>').join('')+'</tr>'+rows.map((r,i)=>'<tr'+(onclick?' class="click" data-i="'+i+'"':'')+'>'+cols.map((c)=>'<td class="cell">'+esc(typeof c[1]==='function'?c[1](r):r[c[1]])+'</td>').join('')+'</tr>').join('')+'</table>'}
const bj=(t)=>t?new Date(t).toLocaleString('zh-CN',{timeZone:'Asia/Shanghai'}):''
const views={}
let current='collections'
function nav(){$('#nav').innerHTML=Object.keys(views).map((k)=>'<button data-v="'+k+'" class="'+(k===current?'on':'')+'">'+views[k].title+'</button>').join('');$('#nav').querySelectorAll('button').forEach((b)=>b.onclick=()=>show(b.dataset.v))}
async function show(v){current=v;nav();$('#side').innerHTML='';$('#body').innerHTML='<section class="muted">正在加载…</section>';try{await views[v].render()}catch(e){$('#body').innerHTML='<section class="err">出错了：'+esc(e.message)+'</section>'}}
async function clock(){const c=await api('/dev/clock');$('#clock').textContent='本地云时间 '+new Date(c.now).toLocaleString('zh-CN',{timeZone:'Asia/Shanghai'})+(c.offsetMs?'（已调整）':'')}
let coll={name:'',page:0,filter:''}
views.collections={title:'数据集合',async render(){
  const list=await api('/_console/api/collections')
  $('#side').innerHTML='<section><h3>集合</h3>'+table([['名称','name'],['记录数','count']],list,true)+'</section>'
  $('#side').querySelectorAll('tr.click').forEach((tr)=>tr.onclick=()=>{coll={name:list[tr.dataset.i].name,page:0,filter:''};docs()})
  if(coll.name)await docs();else $('#body').innerHTML='<section class="muted">在左侧选择一个集合。</section>'
}}
async function docs(){
  const q='/_console/api/collections/'+encodeURIComponent(coll.name)+'?page='+coll.page+(coll.filter?'&filter='+encodeURIComponent(coll.filter):'')
  let r,err=''
  try{if(coll.filter)try{JSON.parse(coll.filter)}catch{throw new Error('筛选条件不是合法的 JSON')};r=await api(q)}catch(e){err=e.message;r={total:0,page:0,pageSize:20,docs:[]}}
  const pages=Math.max(1,Math.ceil(r.total/r.pageSize))
  $('#body').innerHTML='<section><h3>'+esc(coll.name)+' <span class="muted">共 '+r.total+' 条</span></h3>'+
    '<div class="row"><input class="filter" id="filter" placeholder=\\'筛选（JSON），如 {"branchId":"b1"}\\' value="'+esc(coll.filter)+'"><button class="act" id="apply">筛选</button></div>'+
    (err?'<p class="err">'+esc(err)+'</p>':'')+
    table([['_id','_id'],['内容',(d)=>JSON.stringify(Object.assign({},d,{_id:undefined}))]],r.docs,true)+
    '<div class="row"><button class="act" id="prev"'+(coll.page<=0?' disabled':'')+'>上一页</button><span>第 '+(coll.page+1)+' / '+pages+' 页</span><button class="act" id="next"'+(coll.page+1>=pages?' disabled':'')+'>下一页</button></div></section><div id="doc"></div>'
  $('#apply').onclick=()=>{coll.filter=$('#filter').value.trim();coll.page=0;docs()}
  $('#filter').onkeydown=(e)=>{if(e.key==='Enter')$('#apply').click()}
  $('#prev').onclick=()=>{coll.page--;docs()}
  $('#next').onclick=()=>{coll.page++;docs()}
  $('#body').querySelectorAll('tr.click').forEach((tr)=>tr.onclick=async()=>{const d=await api('/_console/api/collections/'+encodeURIComponent(coll.name)+'/'+encodeURIComponent(r.docs[tr.dataset.i]._id));$('#doc').innerHTML='<section><h3>记录 '+esc(d._id)+'</h3><pre id="docjson">'+esc(JSON.stringify(d,null,2))+'</pre></section>';$('#doc').scrollIntoView()})
}
views.outbox={title:'订阅消息',async render(){
  const r=await api('/_console/api/outbox')
  $('#body').innerHTML='<section><h3>发件箱 <span class="muted">共 '+r.outbox.length+' 条（最新在前）</span></h3>'+(r.outbox.length?table([['发送时间',(m)=>bj(m.sentAt)],['接收人',(m)=>m.touser],['提醒类型','kind'],['页面','page'],['内容',(m)=>JSON.stringify(m.data)]],r.outbox):'<p class="muted">还没有发出的订阅消息。</p>')+'</section>'+
    '<section><h3>订阅授权 <span class="muted">每人每个模板剩余次数</span></h3>'+(r.grants.length?table([['用户','openid'],['提醒类型','kind'],['模板','templateId'],['剩余','n']],r.grants):'<p class="muted">没有授权。</p>')+'</section>'
}}
views.inbox={title:'消息中心',async render(){
  const r=await api('/_console/api/inbox')
  $('#body').innerHTML='<section><h3>消息 <span class="muted">共 '+r.total+' 条</span></h3>'+(r.items.length?table([['时间',(d)=>bj(d.createdAt)],['内容',(d)=>JSON.stringify(Object.assign({},d,{_id:undefined,createdAt:undefined}))]],r.items):'<p class="muted">没有消息。</p>')+'</section>'
}}
views.identities={title:'开发身份',async render(){
  const r=await api('/_console/api/identities')
  $('#body').innerHTML='<section><h3>开发身份 <span class="muted">点“以此身份打开”在新标签页中以此人进入应用</span></h3><table><tr><th>姓名</th><th>openid</th><th>角色</th><th>支部</th><th></th></tr>'+r.map((p)=>'<tr><td>'+esc(p.name)+'</td><td>'+esc(p.openid)+'</td><td>'+esc(p.roles.map((x)=>x.role).join('、'))+'</td><td>'+esc((p.branchNames||[]).join('、'))+'</td><td><a target="_blank" href="/_console/as?openid='+encodeURIComponent(p.openid)+'">以此身份打开</a></td></tr>').join('')+'</table></section>'
}}
views.timers={title:'定时与时钟',async render(){
  const c=await api('/dev/clock'),r=await api('/_console/api/timers')
  $('#body').innerHTML='<section><h3>时钟</h3><p id="now">本地云时间：'+esc(new Date(c.now).toLocaleString('zh-CN',{timeZone:'Asia/Shanghai'}))+'（偏移 '+Math.round(c.offsetMs/1000)+' 秒）</p>'+
    '<div class="row"><input id="setAt" placeholder="2027-03-01T08:00:00+08:00"><button class="act" id="set">设为此时间</button><button class="act" data-adv="1h">前进 1 小时</button><button class="act" data-adv="1d">前进 1 天</button><button class="act" data-adv="7d">前进 7 天</button><button class="act" id="reset">回到本机时间</button></div><p id="clockErr" class="err"></p></section>'+
    r.timers.map((t)=>'<section><h3>'+esc(t.name)+' <span class="muted">'+esc(t.triggers.map((x)=>x.name+' '+x.config).join('；'))+'</span></h3><div class="row"><button class="act run" data-fn="'+esc(t.name)+'">立即运行</button><span class="muted" id="run-'+esc(t.name)+'"></span></div>'+(t.runs.length?table([['时间',(e)=>bj(e.at)],['耗时 ms','ms'],['结果','code']],t.runs):'<p class="muted">本次启动后还没有运行过。</p>')+'</section>').join('')+
    (r.recorded.length?'<section><h3>reminder_runs <span class="muted">提醒函数记录的最近运行</span></h3>'+table([['_id','_id'],['内容',(d)=>JSON.stringify(Object.assign({},d,{_id:undefined}))]],r.recorded)+'</section>':'')
  const post=async(body)=>{try{await api('/dev/clock',{method:'POST',headers:{'content-type':'application/json'},body:JSON.stringify(body)});await clock();await show('timers')}catch(e){$('#clockErr').textContent=e.message}}
  $('#set').onclick=()=>post({set:$('#setAt').value.trim()})
  $('#reset').onclick=()=>post({reset:true})
  $('#body').querySelectorAll('[data-adv]').forEach((b)=>b.onclick=()=>post({advance:b.dataset.adv}))
  $('#body').querySelectorAll('button.run').forEach((b)=>b.onclick=async()=>{const out=$('#run-'+b.dataset.fn);out.textContent='运行中…';b.disabled=true;try{const x=await api('/_console/api/timers/'+encodeURIComponent(b.dataset.fn)+'/run',{method:'POST',headers:{'content-type':'application/json'},body:'{}'});await show('timers');$('#run-'+b.dataset.fn).textContent='已运行：'+JSON.stringify(x.result).slice(0,200)}catch(e){out.textContent='失败：'+e.message;b.disabled=false}})
}}
views.log={title:'请求日志',async render(){
  const r=await api('/_console/api/log')
  $('#body').innerHTML='<section><h3>云函数调用 <span class="muted">最近 '+r.length+' 次（最新在前，只在内存中）</span></h3>'+(r.length?table([['时间',(e)=>bj(e.at)],['函数','fn'],['操作','action'],['调用者','caller'],['来源','source'],['耗时 ms','ms'],['结果','code'],['数据库',dbSum]],r,true):'<p class="muted">还没有调用。</p>')+'</section><div id="calls"></div>'
  $('#body').querySelectorAll('tr.click').forEach((tr)=>tr.onclick=()=>{const e=r[tr.dataset.i];$('#calls').innerHTML='<section><h3>'+esc(e.fn+' '+e.action)+' 的数据库调用 <span class="muted">'+e.db.length+' 次</span></h3>'+(e.db.length?table([['#',(c)=>e.db.indexOf(c)+1],['操作','op'],['集合','collection'],['耗时 ms','ms'],['索引',(c)=>c.index===undefined?'—':c.index===null?'无索引':c.index],['检查记录数',(c)=>c.examined??''],['结果',(c)=>c.code||'OK']],e.db):'<p class="muted">没有数据库调用。</p>')+'</section>';$('#calls').scrollIntoView()})
}}
// The request log's database column: how many calls, their time, and how many no declared index serves.
function dbSum(e){const n=e.db.length;if(!n)return '';const ms=Math.round(e.db.reduce((s,c)=>s+c.ms,0)*10)/10;const no=e.db.filter((c)=>c.index===null).length;return n+' 次 · '+ms+' ms'+(no?' · '+no+' 次无索引':'')}
views.storage={title:'存储文件',async render(){
  const r=await api('/_console/api/storage')
  const kb=(n)=>n<1024?n+' B':n<1048576?(n/1024).toFixed(1)+' KB':(n/1048576).toFixed(1)+' MB'
  $('#body').innerHTML='<section><h3>云存储 <span class="muted">'+r.files.length+' 个文件，共 '+kb(r.bytes)+'（数据目录 storage/ 下）</span></h3>'+(r.files.length?table([['路径','path'],['大小',(f)=>kb(f.size)],['修改时间',(f)=>bj(f.mtime)],['上传者',(f)=>f.owner===null?'':f.owner||'云函数']],r.files,true):'<p class="muted">还没有文件。</p>')+'</section><div id="file"></div>'
  $('#body').querySelectorAll('tr.click').forEach((tr)=>tr.onclick=()=>{const f=r.files[tr.dataset.i];const url='/_console/api/storage/'+f.path.split('/').map(encodeURIComponent).join('/');$('#file').innerHTML='<section><h3>'+esc(f.path)+'</h3><p class="muted">'+kb(f.size)+' · '+esc(f.type)+'</p>'+(f.image?'<img id="fileimg" alt="'+esc(f.path)+'" style="max-width:100%;max-height:480px" src="'+esc(url)+'">':'')+'<p><a class="act" href="'+esc(url)+'" target="_blank" rel="noopener">'+(f.image?'在新标签页打开':'下载文件')+'</a></p></section>';$('#file').scrollIntoView()})
}}
clock();show('collections')
</script></body></html>`
