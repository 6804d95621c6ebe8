export default definePageConfig({ navigationBarTitleText: '党委设置' })
