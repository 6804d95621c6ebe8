export default definePageConfig({ navigationBarTitleText: '支部详情', enablePullDownRefresh: true })
