/** The account page's strings (client/AccountPage.svelte), merged into zh-CN.ts. Keys define `AccountMessageKey`. */
export const accountZhCN = {
  'nav.account': '我的账户',
  'account.title': '我的账户',
  'account.password.title': '修改密码',
  'account.password.current': '当前密码',
  'account.password.new': '新密码',
  'account.password.newHint': '至少 {min} 个字符。',
  'account.password.repeat': '再次输入新密码',
  'account.password.submit': '修改密码',
  'account.password.submitting': '正在修改…',
  'account.password.done': '密码已修改。其他设备上的登录已全部退出，本设备保持登录。',
  'account.password.mismatch': '两次输入的新密码不一致。',
  'account.password.tooShort': '新密码至少需要 {min} 个字符。',
  'account.password.wrongCurrent': '当前密码不正确。',
  'account.password.rateLimited': '尝试次数过多，请稍后再试。',
  'account.everywhere.title': '退出所有设备',
  'account.everywhere.hint': '在所有电脑和手机上退出登录，包括本设备。',
  'account.everywhere.submit': '退出所有设备',
  'account.everywhere.confirm': '确定要在所有设备上退出登录吗？',
} as const;

export type AccountMessageKey = keyof typeof accountZhCN;
