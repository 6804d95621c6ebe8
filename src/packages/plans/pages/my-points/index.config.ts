export default definePageConfig({ navigationBarTitleText: '搜索工作要点' })
