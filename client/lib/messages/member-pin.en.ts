/** Issuing a member's PIN, in English (merged into en.ts). The printed slip stays in Chinese. */
import type { MemberPinMessageKey } from './member-pin.zh-CN.ts';

export const memberPinEn: Record<MemberPinMessageKey, string> = {
  'memberPin.title': 'Enrolment PIN',
  'memberPin.intro': 'Members sign in on their phone with their member number and a six-digit PIN to apply for classes. Check who the person is before issuing one.',
  'memberPin.issue': 'Issue / reset PIN',
  'memberPin.issuing': 'Issuing…',
  'memberPin.resetWarning': 'A new PIN replaces the old one at once; phones signed in with it must sign in again with the new one.',
  'memberPin.noMemberNo': 'This member has no member number yet. Enter one above and save, then issue the PIN.',
  'memberPin.issued': 'A new PIN was issued for {name}.',
  'memberPin.onceOnly': 'The PIN is shown only this once; the system keeps no copy. Write it down for the member or print the slip below, then press “Done”.',
  'memberPin.pinLabel': 'PIN',
  'memberPin.print': 'Print the PIN slip',
  'memberPin.done': 'Done (hide the PIN)',
  'memberPin.error': 'The PIN was not issued: {reason}',

  'memberPin.slip.heading': '老年大学报名密码',
  'memberPin.slip.member': '会员：{name}',
  'memberPin.slip.memberNo': '会员编号：{no}',
  'memberPin.slip.url': '手机报名网址：{url}',
  'memberPin.slip.how': '用手机浏览器打开上面的网址，输入会员编号和这 6 位数字即可登录报名。子女可以替父母登录。',
  'memberPin.slip.keep': '请妥善保管，不要告诉他人。忘记密码请带会员证到服务台重新领取，旧密码随即失效。',
};
