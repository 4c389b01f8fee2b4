/**
 * Issuing a member's PIN for the phone pages (client/members/MemberPin.svelte), merged into zh-CN.ts. The slip
 * printed for the member is always in Chinese (`memberPin.slip.*`), whatever the screen's language.
 */
export const memberPinZhCN = {
  'memberPin.title': '报名密码（PIN）',
  'memberPin.intro': '会员在手机上报名时，用会员编号和 6 位数字的报名密码登录。请核对本人身份后再发放。',
  'memberPin.issue': '发放/重置报名密码 (PIN)',
  'memberPin.issuing': '正在发放…',
  'memberPin.resetWarning': '发放新密码后，旧密码立即失效，已登录的手机需要用新密码重新登录。',
  'memberPin.noMemberNo': '这位会员还没有会员编号。请先在上面填写会员编号并保存，再发放报名密码。',
  'memberPin.issued': '已为 {name} 发放新的报名密码。',
  'memberPin.onceOnly': '密码只显示这一次，系统不保存明文。请抄给会员或打印下面的密码条，然后点“完成”。',
  'memberPin.pinLabel': '报名密码',
  'memberPin.print': '打印密码条',
  'memberPin.done': '完成（隐藏密码）',
  'memberPin.error': '没有发放成功：{reason}',

  'memberPin.slip.heading': '老年大学报名密码',
  'memberPin.slip.member': '会员：{name}',
  'memberPin.slip.memberNo': '会员编号：{no}',
  'memberPin.slip.url': '手机报名网址：{url}',
  'memberPin.slip.how': '用手机浏览器打开上面的网址，输入会员编号和这 6 位数字即可登录报名。子女可以替父母登录。',
  'memberPin.slip.keep': '请妥善保管，不要告诉他人。忘记密码请带会员证到服务台重新领取，旧密码随即失效。',
} as const;

export type MemberPinMessageKey = keyof typeof memberPinZhCN;
