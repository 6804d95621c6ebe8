/**
 * Builds core's Port from the real wx-server-sdk. Used by every function entry, in WeChat's cloud and in the
 * local cloud alike (the local cloud answers the SDK's own server API, so this code cannot tell them apart).
 */
import type * as WxServerSdk from 'wx-server-sdk'
import type { Database, Port, SecurityVerdict } from '../core/framework/port'

type Cloud = typeof WxServerSdk
const TEMP_URL_BATCH = 50 // getTempFileURL takes at most 50 files a call
const DELETE_BATCH = 50 // deleteFile takes at most 50 files a call

export function buildPort(cloud: Cloud, options: { now?: () => Date } = {}): Port {
  const context = cloud.getWXContext()
  // The SDK's own typings of the database (wx-server-sdk's DB namespace) do not match the Port's narrow Database
  // (the subset core uses, typed for the local cloud as well); the runtime object is the same, so it is cast once, here.
  const db = cloud.database() as unknown as Database
  return {
    db,
    caller: { openid: context.OPENID ?? '', source: typeof context.SOURCE === 'string' ? context.SOURCE : undefined, env: context.ENV || undefined },
    now: options.now ?? (() => new Date()),
    settings: { bootstrapToken: process.env.BOOTSTRAP_TOKEN || undefined },
    storage: {
      async download(fileID) {
        const { fileContent } = (await cloud.downloadFile({ fileID })) as { fileContent: Buffer }
        return Buffer.from(fileContent)
      },
      async upload(cloudPath, bytes) {
        const { fileID } = await cloud.uploadFile({ cloudPath, fileContent: bytes })
        return fileID
      },
      async getTempFileURLs(fileIDs) {
        const urls = new Map<string, string>()
        const unique = [...new Set(fileIDs)]
        for (let i = 0; i < unique.length; i += TEMP_URL_BATCH) {
          const { fileList } = (await cloud.getTempFileURL({ fileList: unique.slice(i, i + TEMP_URL_BATCH) })) as {
            fileList: { fileID: string; tempFileURL?: string }[]
          }
          for (const item of fileList) if (item.tempFileURL) urls.set(item.fileID, item.tempFileURL)
        }
        return urls
      },
      async remove(fileIDs) {
        const unique = [...new Set(fileIDs)]
        for (let i = 0; i < unique.length; i += DELETE_BATCH) await cloud.deleteFile({ fileList: unique.slice(i, i + DELETE_BATCH) })
      },
    },
    openapi: {
      async sendSubscribeMessage({ touser, templateId, page, data }) {
        try {
          const result = (await cloud.openapi.subscribeMessage.send({
            touser,
            templateId,
            page,
            data,
            miniprogramState: process.env.MINIPROGRAM_STATE || 'formal',
          })) as { errCode?: number; errMsg?: string }
          return { errCode: result.errCode ?? 0, errMsg: result.errMsg ?? 'ok' }
        } catch (error) {
          const e = error as { errCode?: number; errMsg?: string; message?: string }
          return { errCode: e.errCode ?? -1, errMsg: e.errMsg ?? e.message ?? String(error) }
        }
      },
      async createQrCode(scene, page) {
        // checkPath false: the page may not be published yet (trial and development versions).
        const result = (await cloud.openapi.wxacode.getUnlimited({ scene, page, checkPath: false, width: 430 })) as {
          buffer?: Buffer
        }
        if (!result.buffer) throw new Error('wxacode.getUnlimited returned no image')
        return Buffer.from(result.buffer)
      },
      async checkImageAsync(mediaUrl, openid) {
        // scene 2 (content a user publishes); the verdict is pushed to the api function (message push, wxa_media_check).
        const result = (await cloud.openapi.security.mediaCheckAsync({ mediaUrl, mediaType: 2, version: 2, scene: 2, openid })) as {
          traceId?: string
        }
        if (!result.traceId) throw new Error('mediaCheckAsync returned no trace id')
        return { traceId: result.traceId }
      },
      async checkText(content, openid): Promise<SecurityVerdict> {
        const result = (await cloud.openapi.security.msgSecCheck({ content, openid, scene: 2, version: 2 })) as {
          result?: { suggest?: string; label?: number | string }
        }
        const suggest = result.result?.suggest ?? 'pass'
        return suggest === 'pass' ? { pass: true } : { pass: false, label: String(result.result?.label ?? suggest) }
      },
    },
  }
}
