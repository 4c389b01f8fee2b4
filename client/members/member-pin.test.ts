import { describe, expect, it } from 'vitest';
import { ApiError } from '../lib/api.ts';
import { phonePagesUrl, pinGroups, serverSentence } from './member-pin.ts';

describe('member PINs at the desk', () => {
  it('shows six digits as two groups of three, leading zeros kept', () => {
    expect(pinGroups('482913')).toBe('482 913');
    expect(pinGroups('004200')).toBe('004 200');
    expect(pinGroups('12345')).toBe('12345');
  });

  it('points members at the phone pages of this site', () => {
    expect(phonePagesUrl('https://centre.example')).toBe('https://centre.example/m/');
    expect(phonePagesUrl('http://192.168.1.20:3000/')).toBe('http://192.168.1.20:3000/m/');
  });

  it('says the server’s sentence in the screen’s language', () => {
    const error = new ApiError({ statusCode: 409, code: 'conflict', message: 'This member has no member number yet.', messageZh: '这位会员还没有会员编号。' });
    expect(serverSentence(error, 'zh-CN')).toBe('这位会员还没有会员编号。');
    expect(serverSentence(error, 'en')).toBe('This member has no member number yet.');
    const plain = new ApiError({ statusCode: 403, code: 'forbidden', message: 'Only admin or coordinator accounts may do this.' });
    expect(serverSentence(plain, 'zh-CN')).toBe('Only admin or coordinator accounts may do this.');
    expect(serverSentence(new Error('x'), 'zh-CN')).toBeNull();
  });
});
