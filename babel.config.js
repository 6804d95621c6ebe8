// Babel for the Taro build (weapp and H5). NutUI React Taro is imported per component: `import { Button } from
// '@nutui/nutui-react-taro'` becomes the component's own file plus its CSS (setup-notes: dist/es/packages/<lowercase>/).
//
// weapp targets: WeChat runs mini-programs on iOS ≥ 12 (JavaScriptCore) and its own recent V8 on Android, both with
// native async/await and classes, so regenerator and class helpers are not shipped in the (size-limited) main package.
// H5 keeps package.json's browserslist.
const weappTargets = { ios: '12', chrome: '69' }
// babel-preset-taro does not pass preset-env's `bugfixes` on, so for iOS < 16.3 preset-env would rewrite every
// default parameter and destructuring (about 5 KB of main package) to work around two narrow Safari bugs. Swap
// those two whole transforms for the bugfix plugins that fix exactly those bugs (what `bugfixes: true` does).
const weappEnv = {
  targets: weappTargets,
  exclude: ['transform-parameters', 'transform-destructuring'],
  include: ['bugfix/transform-safari-id-destructuring-collision-in-function-expression', 'bugfix/transform-safari-rest-destructuring-rhs-array'],
}

module.exports = {
  presets: [
    [
      'taro',
      {
        framework: 'react',
        ts: true,
        compiler: 'webpack5',
        ...(process.env.TARO_ENV === 'weapp' ? weappEnv : {}),
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
