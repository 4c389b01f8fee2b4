import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from '../lib/api.ts';
import { i18n } from '../lib/i18n.svelte.ts';
import { refereeErrorText } from './referee-errors.ts';

const refusal = (code: string, statusCode: number, extra: Record<string, unknown> = {}) =>
  new ApiError({ statusCode, code, message: 'The field "turn" is not allowed here.', ...extra });
const hasLatin = (text: string) => /[A-Za-z]{3,}/.test(text);

describe('the referee tablet’s refusals', () => {
  afterEach(() => i18n.set('zh-CN'));

  it('never shows the server’s English sentence in Chinese', () => {
    i18n.set('zh-CN');
    for (const error of [
      refusal('validation_failed', 400, { field: 'turn' }),
      refusal('invalid_score', 400),
      refusal('unauthenticated', 401),
      refusal('payload_too_large', 413),
      refusal('internal_error', 500),
    ]) {
      const text = refereeErrorText(error);
      expect(text, error.code).not.toContain('not allowed');
      expect(hasLatin(text), text).toBe(false);
    }
    expect(refereeErrorText(refusal('validation_failed', 400))).toContain('刷新页面');
  });

  it('keeps a score rule’s own Chinese sentence, and the network message', () => {
    i18n.set('zh-CN');
    expect(refereeErrorText(refusal('invalid_score', 400, { messageZh: '13 号球不存在。' }))).toBe('13 号球不存在。');
    expect(refereeErrorText(new NetworkError('offline'))).toBe('无法连接服务器，请检查网络后重试。');
  });

  it('shows the server’s sentence in English', () => {
    i18n.set('en');
    expect(refereeErrorText(refusal('validation_failed', 400))).toBe('The field "turn" is not allowed here.');
  });
});
