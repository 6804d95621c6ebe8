/** The app's version, shown on 我的. */
export const APP_VERSION = '0.1.0'
