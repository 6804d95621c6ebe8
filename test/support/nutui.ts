/**
 * `@nutui/nutui-react-taro` for jest, as the app's babel-plugin-import resolves it (babel.config.js): each component
 * from its own module. The package's main entry is the whole UMD bundle, which draws on a canvas at import and fails
 * in jsdom. Add a line here when the app imports another NutUI component.
 */
export { default as VirtualList } from '@nutui/nutui-react-taro/dist/es/packages/virtuallist'
