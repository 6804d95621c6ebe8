export default definePageConfig({ navigationBarTitleText: '支委会换届' })
