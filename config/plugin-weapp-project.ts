import fs from 'node:fs'
import path from 'node:path'
import type { IPluginContext } from '@tarojs/service'

/**
 * After a weapp build, write dist/project.config.json: the mini-program as the WeChat tools see it when dist/ is
 * opened or audited on its own (miniprogram-ci's code-quality check reads `setting` from here). Compression on,
 * so the audit's JS/WXML/WXSS compression checks pass.
 */
export default (ctx: IPluginContext) => {
  ctx.onBuildFinish(() => {
    if (process.env.TARO_ENV !== 'weapp') return
    const outputPath = ctx.paths.outputPath
    const rootConfig = JSON.parse(fs.readFileSync(path.join(ctx.paths.appPath, 'project.config.json'), 'utf8'))
    const distConfig = {
      ...rootConfig,
      miniprogramRoot: './',
      cloudfunctionRoot: undefined,
      srcMiniprogramRoot: undefined,
      setting: { ...rootConfig.setting, minified: true, minifyWXML: true, minifyWXSS: true },
    }
    if (!fs.existsSync(outputPath)) return
    fs.writeFileSync(path.join(outputPath, 'project.config.json'), JSON.stringify(distConfig, null, 2) + '\n')
  })
}
