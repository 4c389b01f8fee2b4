/** The account page's strings in English, merged into en.ts. */
import type { AccountMessageKey } from './account.zh-CN.ts';

export const accountEn: Record<AccountMessageKey, string> = {
  'nav.account': 'My account',
  'account.title': 'My account',
  'account.password.title': 'Change password',
  'account.password.current': 'Current password',
  'account.password.new': 'New password',
  'account.password.newHint': 'At least {min} characters.',
  'account.password.repeat': 'Repeat the new password',
  'account.password.submit': 'Change password',
  'account.password.submitting': 'Changing…',
  'account.password.done': 'Password changed. You were signed out on every other device; this one stays signed in.',
  'account.password.mismatch': 'The two new passwords are not the same.',
  'account.password.tooShort': 'The new password needs at least {min} characters.',
  'account.password.wrongCurrent': 'The current password is not right.',
  'account.password.rateLimited': 'Too many tries; please wait a little and try again.',
  'account.everywhere.title': 'Sign out everywhere',
  'account.everywhere.hint': 'Signs you out on every computer and phone, this one included.',
  'account.everywhere.submit': 'Sign out everywhere',
  'account.everywhere.confirm': 'Sign out on every device?',
};
