export default definePageConfig({ navigationBarTitleText: '支部管理', enablePullDownRefresh: true })
