import type { UserConfigExport } from '@tarojs/cli'

export default {
  // Taro's minifier escapes every non-ASCII character (\uXXXX: 6 bytes for a Chinese character instead of 3 in
  // UTF-8). WeChat reads UTF-8 sources, and the UI's text is Chinese: keep it as is in the size-limited packages.
  terser: { enable: true, config: { output: { ascii_only: false } } },
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>
