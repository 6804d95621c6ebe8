export default definePageConfig({ navigationBarTitleText: '党委看板', enablePullDownRefresh: true })
