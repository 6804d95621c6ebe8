export default definePageConfig({ navigationBarTitleText: '订阅提醒' })
