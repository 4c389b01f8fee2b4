import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from '../lib/api.ts';
import { interpolate } from '../lib/i18n-core.ts';
import { en } from '../lib/messages/en.ts';
import { zhCN, type MessageKey } from '../lib/messages/zh-CN.ts';
import { errorSentence } from './error-sentence.ts';

const zh = (key: MessageKey, params?: Record<string, string | number>) => interpolate(zhCN[key], params);
const english = (key: MessageKey, params?: Record<string, string | number>) => interpolate(en[key], params);
const api = (code: string, statusCode: number, extra: Record<string, unknown> = {}) =>
  new ApiError({ statusCode, code, message: `English sentence for ${code}.`, ...extra });

describe('errors as sentences a member can act on', () => {
  it('says why a class refuses the member in the server’s own Chinese, or its English', () => {
    const error = api('not_eligible', 422, { classId: 'c', reason: 'age', messageZh: '本班招收 55 岁以上的男学员。' });
    expect(errorSentence(error, 'zh-CN', zh)).toBe('本班招收 55 岁以上的男学员。');
    expect(errorSentence(error, 'en', english)).toBe('English sentence for not_eligible.');
    expect(errorSentence(api('not_eligible', 422), 'zh-CN', zh)).toBe(zhCN['mapp.err.notEligible']);
  });

  it('words a closed window, a second application and a wrong PIN plainly', () => {
    expect(errorSentence(api('window_closed', 409), 'zh-CN', zh)).toBe('报名时间已过，不能再提交或修改。');
    expect(errorSentence(api('duplicate', 409), 'zh-CN', zh)).toBe(zhCN['mapp.err.duplicate']);
    expect(errorSentence(api('unauthenticated', 401), 'zh-CN', zh, 'signIn')).toBe(zhCN['mapp.err.wrongPin']);
    expect(errorSentence(api('unauthenticated', 401), 'zh-CN', zh)).toBe(zhCN['mapp.err.signedOut']);
  });

  it('says in minutes when to try again after too many tries', () => {
    expect(errorSentence(api('rate_limited', 429, { retryAfter: 290 }), 'zh-CN', zh)).toBe('尝试次数太多，请 5 分钟后再试。');
    expect(errorSentence(api('rate_limited', 429, { retryAfter: 10 }), 'en', english)).toBe('Too many tries: please wait 1 min and try again.');
  });

  it('never shows a bare code: unknown answers get the server’s English or a calm Chinese sentence', () => {
    expect(errorSentence(api('teapot', 418), 'en', english)).toBe('English sentence for teapot.');
    expect(errorSentence(api('teapot', 418), 'zh-CN', zh)).toBe(zhCN['mapp.err.unexpected']);
    expect(errorSentence(new NetworkError('down'), 'zh-CN', zh)).toBe(zhCN['mapp.err.network']);
    expect(errorSentence(new Error('boom'), 'zh-CN', zh)).toBe(zhCN['mapp.err.unexpected']);
  });
});
