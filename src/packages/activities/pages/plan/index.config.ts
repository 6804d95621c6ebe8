export default definePageConfig({ navigationBarTitleText: '计划活动' })
