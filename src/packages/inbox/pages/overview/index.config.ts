export default definePageConfig({ navigationBarTitleText: '各支部组织生活', enablePullDownRefresh: true })
