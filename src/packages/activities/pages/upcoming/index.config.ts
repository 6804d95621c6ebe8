export default definePageConfig({ navigationBarTitleText: '即将开展', enablePullDownRefresh: true })
