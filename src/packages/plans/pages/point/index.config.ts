export default definePageConfig({ navigationBarTitleText: '工作要点', enablePullDownRefresh: true })
