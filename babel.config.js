// Babel for the Taro build (weapp and H5). NutUI React Taro is imported per component: `import { Button } from
// '@nutui/nutui-react-taro'` becomes the component's own file plus its CSS (setup-notes: dist/es/packages/<lowercase>/).
//
// weapp targets: WeChat runs mini-programs on iOS ≥ 12 (JavaScriptCore) and its own recent V8 on Android, both with
// native async/await and classes, so regenerator and class helpers are not shipped in the (size-limited) main package.
// H5 keeps package.json's browserslist.
const weappTargets = { ios: '12', chrome: '69' }

module.exports = {
  presets: [
    [
      'taro',
      {
        framework: 'react',
        ts: true,
        compiler: 'webpack5',
        ...(process.env.TARO_ENV === 'weapp' ? { targets: weappTargets } : {}),
      },
    ],
  ],
  plugins: [
    [
      'import',
      {
        libraryName: '@nutui/nutui-react-taro',
        camel2DashComponentName: false,
        customName: (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}`,
        customStyleName: (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}/style/css`,
      },
      'nutui-react-taro',
    ],
  ],
}
