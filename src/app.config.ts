export default defineAppConfig({
  pages: ['pages/home/index', 'pages/work-points/index', 'pages/activities/index', 'pages/me/index'],
  subPackages: [
    {
      root: 'packages/activities',
      pages: ['pages/edit/index', 'pages/detail/index', 'pages/plan/index', 'pages/upcoming/index', 'pages/sign-in/index', 'pages/records/index'],
    },
    {
      root: 'packages/org',
      pages: [
        'pages/branches/index',
        'pages/branch/index',
        'pages/roster/index',
        'pages/member/index',
        'pages/audit/index',
        'pages/bootstrap/index',
      ],
    },
    {
      root: 'packages/plans',
      pages: [
        'pages/plans/index',
        'pages/import/index',
        'pages/assign/index',
        'pages/progress/index',
        'pages/point/index',
        'pages/my-points/index',
      ],
    },
    {
      root: 'packages/committee',
      pages: ['pages/dashboard/index', 'pages/branch/index', 'pages/export/index', 'pages/settings/index'],
    },
    {
      root: 'packages/reviews',
      pages: ['pages/queue/index'],
    },
    {
      root: 'packages/dues',
      pages: ['pages/ledger/index', 'pages/member/index'],
    },
    {
      root: 'packages/inbox',
      pages: ['pages/inbox/index', 'pages/notice/index', 'pages/compliance/index', 'pages/overview/index', 'pages/subscribe/index'],
    },
    {
      root: 'packages/appraisal',
      pages: ['pages/list/index', 'pages/sheet/index'],
    },
    {
      root: 'packages/terms',
      pages: ['pages/term/index'],
    },
    {
      root: 'packages/recruitment',
      pages: ['pages/list/index', 'pages/person/index', 'pages/overview/index'],
    },
    {
      root: 'packages/transfers',
      pages: ['pages/list/index', 'pages/detail/index', 'pages/issue/index'],
    },
    {
      root: 'packages/feedback',
      pages: ['pages/mine/index', 'pages/list/index'],
    },
  ],
  preloadRule: {
    'pages/activities/index': { network: 'all', packages: ['packages/activities'] },
    'pages/me/index': { network: 'all', packages: ['packages/org'] },
  },
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#c8161d',
    navigationBarTitleText: '支部工作台',
    navigationBarTextStyle: 'white',
    // WeChat's own default, said out loud for H5: Taro's router then draws the same title bar in the browser, with a
    // back arrow (or a home icon on a page opened by its URL). Sized in h5-fixes.scss; src/lib/h5-shell.ts.
    navigationStyle: 'default',
    backgroundColor: '#f5f5f5',
  },
  tabBar: {
    color: '#666666',
    selectedColor: '#c8161d',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/home/index', text: '首页', iconPath: 'assets/tab/home.png', selectedIconPath: 'assets/tab/home-on.png' },
      { pagePath: 'pages/work-points/index', text: '工作要点', iconPath: 'assets/tab/points.png', selectedIconPath: 'assets/tab/points-on.png' },
      { pagePath: 'pages/activities/index', text: '活动', iconPath: 'assets/tab/activities.png', selectedIconPath: 'assets/tab/activities-on.png' },
      { pagePath: 'pages/me/index', text: '我的', iconPath: 'assets/tab/me.png', selectedIconPath: 'assets/tab/me-on.png' },
    ],
  },
  // PC WeChat (and iPad) may resize the window: committee staff work at a desk. The layouts follow the window's
  // width by media queries (docs/layout.md); without this, PC WeChat shows a fixed 414×736 phone window.
  resizable: true,
  lazyCodeLoading: 'requiredComponents',
  __usePrivacyCheck__: true,
})
