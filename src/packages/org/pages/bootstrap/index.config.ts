export default definePageConfig({ navigationBarTitleText: '初始化党委' })
