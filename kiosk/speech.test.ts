import { describe, expect, it } from 'vitest';
import { pickVoice } from './speech.ts';

const voice = (lang: string, name: string, localService = true) => ({ lang, name, localService });

describe('pickVoice', () => {
  const voices = [voice('en-US', 'US'), voice('zh-TW', 'Taiwan'), voice('zh-CN', 'Remote', false), voice('zh-CN', 'Local'), voice('en-GB', 'UK')];

  it('prefers the exact language, local voices first', () => {
    expect(pickVoice(voices, 'zh-CN')?.name).toBe('Local');
    expect(pickVoice(voices, 'en-GB')?.name).toBe('UK');
  });

  it('falls back to the same language, else none', () => {
    expect(pickVoice([voice('zh-TW', 'Taiwan'), voice('en-US', 'US')], 'zh-CN')?.name).toBe('Taiwan');
    expect(pickVoice([voice('zh_CN', 'Android style')], 'zh-CN')?.name).toBe('Android style');
    expect(pickVoice([voice('fr-FR', 'Fr')], 'zh-CN')).toBeNull();
    expect(pickVoice([], 'en-GB')).toBeNull();
  });
});
