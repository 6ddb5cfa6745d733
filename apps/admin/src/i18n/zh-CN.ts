/** Simplified Chinese (the default language). The key structure here is the reference. */
export const zhCN = {
  app: {
    name: '通办',
    fullName: '通办 Tongban',
    tagline: '政务服务中心管理平台',
    copyright: '通办 Tongban · 县乡村三级政务服务',
  },
  language: {
    label: '界面语言',
  },
  login: {
    title: '登录',
    subtitle: '使用您的工作账号登录管理端',
    username: '用户名',
    usernamePlaceholder: '请输入用户名',
    usernameRequired: '请输入用户名',
    password: '密码',
    passwordPlaceholder: '请输入密码',
    passwordRequired: '请输入密码',
    submit: '登录',
    submitting: '正在登录…',
    sessionExpired: '登录已过期，请重新登录。',
    errors: {
      wrongCredentials: '用户名或密码错误，请重新输入。',
      forbidden: '该账号当前无法登录，请联系管理员。',
      lockedOut: '登录失败次数过多，账号已被暂时锁定，请在 {{wait}}后重试。',
      lockedOutNoWait: '登录失败次数过多，账号已被暂时锁定，请稍后重试。',
      lockedOutOver: '锁定已解除，可以重新登录。',
      unreachable: '无法连接到服务器，请检查网络后稍后重试。',
      unavailable: '服务暂时不可用，请稍后重试。',
      invalidInput: '请输入有效的用户名和密码。',
      unknown: '登录失败：{{message}}',
    },
  },
  duration: {
    seconds: '{{seconds}} 秒',
    minutesSeconds: '{{minutes}} 分 {{seconds}} 秒',
    minutes: '{{minutes}} 分钟',
  },
  shell: {
    menu: {
      home: '概览',
    },
    tenant: '所属单位',
    user: '当前用户',
    roles: '角色',
    logout: '退出登录',
    loggingOut: '正在退出…',
    loading: '正在加载…',
    loadError: '无法加载当前用户信息',
    retry: '重试',
  },
  home: {
    title: '概览',
    welcome: '欢迎，{{name}}',
    welcomeHint: '您已登录通办管理端。以下是您的账号与所属单位信息。',
    tenantSection: '所属单位',
    accountSection: '账号信息',
    tenantName: '单位名称',
    divisionCode: '行政区划代码',
    kind: '层级',
    status: '状态',
    username: '用户名',
    displayName: '姓名',
    roles: '角色',
  },
  role: {
    PLATFORM_ADMIN: '平台管理员',
    CITY_OFFICIAL: '市级管理人员',
    COUNTY_ADMIN: '县级管理员',
    CENTER_MANAGER: '中心负责人',
    WINDOW_STAFF: '窗口工作人员',
    STATION_STAFF: '便民服务站工作人员',
    SUPERVISOR: '电子监察员',
  },
  tenantKind: {
    PROVINCE: '省级',
    CITY: '市级',
    COUNTY: '县级',
    TOWNSHIP: '乡镇级',
    VILLAGE: '村（社区）级',
  },
  tenantStatus: {
    ONBOARDING: '入驻中',
    ACTIVE: '正常',
    SUSPENDED: '已停用',
  },
  errors: {
    unauthenticated: '登录已过期，请重新登录。',
    forbidden: '您没有执行此操作的权限。',
    rateLimited: '请求过于频繁，请稍后重试。',
    badInput: '请求内容有误。',
    unavailable: '服务暂时不可用，请稍后重试。',
    unreachable: '无法连接到服务器，请检查网络后稍后重试。',
    unknown: '出现错误：{{message}}',
  },
};

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** The shape every language must provide: same keys as zh-CN, any strings. */
export type Messages = Widen<typeof zhCN>;
