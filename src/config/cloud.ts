/**
 * The one place the WeChat cloud environment is named. Set TARO_APP_CLOUD_ENV (e.g. in .env.production) to your
 * environment id; left empty, Taro.cloud uses the mini-program's default environment.
 */
export const CLOUD_ENV: string = process.env.TARO_APP_CLOUD_ENV || ''

/** Shown on 我的. */
export const APP_VERSION = '0.1.0'
