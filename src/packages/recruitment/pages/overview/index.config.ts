export default definePageConfig({ navigationBarTitleText: '发展党员概况', enablePullDownRefresh: false })
