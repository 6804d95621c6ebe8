/**
 * The one port through which cloud/core sees the platform. Each function entry builds it from the real
 * wx-server-sdk (cloud/functions/<name>/entry.ts); core never imports the SDK, so the same code runs in WeChat's
 * cloud and in the local cloud, and pure rules are tested with no port at all.
 *
 * The database is the SDK's own query-builder API, typed to the subset core uses.
 */

export type Doc = Record<string, unknown> & { _id?: string }

export interface Query {
  where(query: Record<string, unknown>): Query
  orderBy(field: string, order: 'asc' | 'desc'): Query
  skip(n: number): Query
  limit(n: number): Query
  field(projection: Record<string, boolean | 0 | 1>): Query
  get(): Promise<{ data: Doc[] }>
  count(): Promise<{ total: number }>
  update(options: { data: Record<string, unknown> }): Promise<{ stats: { updated: number } }>
  remove(): Promise<{ stats: { removed: number } }>
}

export interface DocRef {
  get(): Promise<{ data: Doc }>
  set(options: { data: Record<string, unknown> }): Promise<unknown>
  update(options: { data: Record<string, unknown> }): Promise<{ stats: { updated: number } }>
  remove(): Promise<unknown>
}

export interface Collection extends Query {
  doc(id: string): DocRef
  add(options: { data: Record<string, unknown> }): Promise<{ _id: string }>
}

/** The operators of `db.command` that core uses. Values are opaque markers the SDK serialises. */
export interface Command {
  eq(v: unknown): unknown
  neq(v: unknown): unknown
  gt(v: unknown): unknown
  gte(v: unknown): unknown
  lt(v: unknown): unknown
  lte(v: unknown): unknown
  in(v: unknown[]): unknown
  nin(v: unknown[]): unknown
  exists(v: boolean): unknown
  inc(n: number): unknown
  /** Replaces an object field whole (a plain object in update data is merged key by key). */
  set(v: unknown): unknown
  push(v: unknown): unknown
  remove(): unknown
  or(...conditions: unknown[]): unknown
  and(...conditions: unknown[]): unknown
}

export interface Database {
  collection(name: string): Collection
  command: Command
  serverDate(options?: { offset?: number }): unknown
  /** A regular-expression condition (`db.RegExp`); pass only escaped user text. */
  RegExp(options: { regexp: string; options?: string }): unknown
  createCollection(name: string): Promise<unknown>
}

export interface Storage {
  /** The bytes of a stored file. */
  download(fileID: string): Promise<Buffer>
  /** Stores bytes at `cloudPath` and returns the fileID. */
  upload(cloudPath: string, bytes: Buffer): Promise<string>
  /** fileID → short-lived URL; files that cannot be resolved are left out. */
  getTempFileURLs(fileIDs: string[]): Promise<Map<string, string>>
  /** Deletes stored files; ones already gone are not an error. */
  remove(fileIDs: string[]): Promise<void>
}

export type SecurityVerdict = { pass: true } | { pass: false; label: string }

export interface OpenApi {
  /**
   * Never throws: `errCode` is WeChat's errcode (0 sent; 43101 no quota; 47003 data does not fit the template;
   * 40003 / 40037 / 41030 bad openid / template / page…) or, negative, the SDK's own (-1 network or unknown), so
   * callers can tell "do not retry" from "try again later" (cloud/core/reminders/deliver.ts classifySend).
   */
  sendSubscribeMessage(message: {
    touser: string
    templateId: string
    page?: string
    data: Record<string, { value: string }>
  }): Promise<{ errCode: number; errMsg: string }>
  /** Text content security (msgSecCheck v2). */
  checkText(content: string, openid: string): Promise<SecurityVerdict>
  /** A mini-program code (wxacode.getUnlimited) that opens `page` with `scene`; PNG bytes. */
  createQrCode(scene: string, page: string): Promise<Buffer>
  /**
   * Image content security (mediaCheckAsync v2): starts the check of the image at `mediaUrl`. The verdict arrives
   * later as a message-push event (`Event: 'wxa_media_check'`, same trace id) to the api function. Optional so
   * ports without it (test fakes) simply do not check images.
   */
  checkImageAsync?(mediaUrl: string, openid: string): Promise<{ traceId: string }>
}

export interface Caller {
  /** From the platform's context (getWXContext().OPENID); empty when the caller is not a mini-program user. */
  openid: string
  /** getWXContext().SOURCE: what started this run (wx_client, wx_trigger, …; a chain "wx_client,scf" when relayed). */
  source?: string
  /** getWXContext().ENV: the env this function runs in (a fileID names its env: cloud://<env>.<bucket>/<path>). */
  env?: string
}

export interface Port {
  db: Database
  storage: Storage
  openapi: OpenApi
  caller: Caller
  now(): Date
  /** Deployment settings from the function's environment variables. */
  settings: { bootstrapToken?: string }
}
