export default definePageConfig({ navigationBarTitleText: '支部工作台', enablePullDownRefresh: true })
