export default definePageConfig({ navigationBarTitleText: '工作要点进展', enablePullDownRefresh: true })
