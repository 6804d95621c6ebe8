/**
 * Who may read and write cloud storage from the client (the mini-program, the H5 app), declared once.
 *
 * In WeChat's cloud this is the storage security rule (云开发控制台 → 存储 → 权限设置 → 自定义安全规则); docs/deployment.md
 * shows STORAGE_RULE as JSON and test/unit/storage-rules.test.ts fails when the two differ. The local cloud enforces the
 * same rule with `clientMayRead` / `clientMayWrite` (cloud/local/server.ts: `/storage/…` and `POST /cloud/storage`).
 * The rule language (resource.openid, resource.path, auth.openid, regex literals compared `== true`) is the one
 * documented in 云开发文档 → 云存储 → 安全规则.
 *
 * Why not WeChat's default ("所有用户可读，仅创建者可写"): under it anyone signed in reads any file whose fileID they
 * learn, and the files include 政审 materials, transfer letters and meeting photos. Here a client reads only what it
 * uploaded itself; everyone else sees a file through the short-lived link a function hands out after its own access
 * check (getTempFileURL), which the rule does not govern. The one exception is a finished export
 * (exports/<year>/<job>/<32 random hex>/…, cloud/core/actions/exports.ts `exportFilePath`): the mini-program opens it
 * with wx.cloud.downloadFile by fileID (no download-domain whitelist needed), and the fileID reaches only the person
 * who made the export; the random segment keeps it unguessable.
 *
 * Writes: anyone signed in may create a new file, and only its creator may replace or delete it. A file a user puts
 * under another branch's folder stays inert: attaching it to a record checks the folder against the caller's branch
 * (e.g. cloud/core/actions/recruitment.ts), and nobody else can read it.
 *
 * 发展党员 files carry their uploader in the path (RECRUITMENT_UPLOAD_PATH: recruitment/<branchId>/<openid>/<name>):
 * a function cannot ask WeChat's storage who uploaded a file, so the rule lets a client write under recruitment/
 * only into its own openid's folder, and recruitment.attach takes only files from the caller's own folder — a file
 * someone else uploaded (and could read and replace, being its creator) never becomes part of a person's file.
 */

/**
 * Where a client uploads a 发展党员 file: recruitment/<branchId>/<the uploader's openid>/<name>, each segment of
 * letters, digits, '_' and '-' (the name with one extension): no '%', '\\', '?', '#', no dot segments.
 */
export const RECRUITMENT_UPLOAD_PATH = /^recruitment\/[A-Za-z0-9_-]+\/[A-Za-z0-9_-]+\/[A-Za-z0-9_-]+(\.[A-Za-z0-9]+)?$/

/** A finished export's file: readable from the client by whoever holds its fileID. */
export const EXPORT_FILE_PATH = /^exports\/\d{4}\/[^/]+\/[0-9a-f]{32}\/[^/]+$/

/** The rule as it goes into 云开发控制台 (JSON.stringify(STORAGE_RULE, null, 2) is what docs/deployment.md shows). */
export const STORAGE_RULE = {
  read: `resource.openid == auth.openid || ${String(EXPORT_FILE_PATH)}.test(resource.path) == true`,
  // Under recruitment/ only the strict shape, and only into the writer's own folder (the path's third segment).
  write: `resource.openid == auth.openid && (/^recruitment\\//.test(resource.path) == false || (${String(RECRUITMENT_UPLOAD_PATH)}.test(resource.path) == true && resource.path.split('/')[2] == auth.openid))`,
} as const

/** How long a link from getTempFileURL works when the caller names no maxAge: two hours, as WeChat's docs give. */
export const TEMP_URL_DEFAULT_SECONDS = 2 * 60 * 60

/**
 * The read half of STORAGE_RULE. `owner` is the openid that uploaded the file ('' for a file a function wrote);
 * `openid` the client's ('' when nobody is signed in, whom the rule never lets read).
 */
export function clientMayRead(file: { path: string; owner: string | undefined }, openid: string): boolean {
  if (!openid) return false
  return (file.owner !== undefined && file.owner !== '' && file.owner === openid) || EXPORT_FILE_PATH.test(file.path)
}

/**
 * The write half: a new path (no owner yet) is anyone's who is signed in; an existing file only its uploader's; under
 * recruitment/ only RECRUITMENT_UPLOAD_PATH with the writer's own openid as its third segment.
 */
export function clientMayWrite(file: { path: string; exists: boolean; owner: string | undefined }, openid: string): boolean {
  if (!openid) return false
  if (file.exists && file.owner !== openid) return false
  return clientMayWriteAt(file.path, openid)
}

/** The path half of the write rule alone (the local cloud tells a refused folder, 403, from a taken name, 409). */
export function clientMayWriteAt(path: string, openid: string): boolean {
  if (!openid) return false
  if (!/^recruitment\//.test(path)) return true
  return RECRUITMENT_UPLOAD_PATH.test(path) && path.split('/')[2] === openid
}
