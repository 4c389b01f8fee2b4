/**
 * The current language (Chinese first, English available), persisted in localStorage, and `t()`.
 * Every visible string goes through `t`; reading `i18n.lang` inside it makes templates re-render on a switch.
 */
import { DEFAULT_LANG, formatInstant, interpolate, parseLang, type InstantStyle, type Lang, type Params } from './i18n-core.ts';
import { en } from './messages/en.ts';
import { zhCN, type MessageKey } from './messages/zh-CN.ts';

export type { Lang, MessageKey };

const STORAGE_KEY = 'centre-ops.lang';
const dictionaries: Record<Lang, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

function storedLang(): Lang {
  try {
    return parseLang(globalThis.localStorage?.getItem(STORAGE_KEY));
  } catch {
    return DEFAULT_LANG;
  }
}

class I18n {
  lang = $state<Lang>(storedLang());

  set(lang: Lang): void {
    this.lang = lang;
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, lang);
    } catch {
      // Private mode or a full disk: the switch still works for this page.
    }
    if (typeof document !== 'undefined') document.documentElement.lang = lang;
  }
}

export const i18n = new I18n();

export function t(key: MessageKey, params?: Params): string {
  return interpolate(dictionaries[i18n.lang][key], params);
}

/** Format an instant in the venue's zone, in the current language. */
export function formatAt(instant: string | Date, timeZone: string | undefined, style?: InstantStyle): string {
  return formatInstant(instant, timeZone, i18n.lang, style);
}

/** Call once at start so the page's `lang` attribute matches the stored choice. */
export function applyDocumentLang(): void {
  if (typeof document !== 'undefined') document.documentElement.lang = i18n.lang;
}
