/**
 * The spoken confirmation ("杜荣，签到成功"): speech synthesis in the chosen language, with a voice of that
 * language when the device has one. Speaking is a courtesy: a device without voices stays silent, never fails.
 */

export interface VoiceLike {
  lang: string;
  name: string;
  localService?: boolean;
  default?: boolean;
}

/** The best voice for a language tag: exact tag, then same language, local voices first. */
export function pickVoice<V extends VoiceLike>(voices: readonly V[], lang: string): V | null {
  const wanted = lang.toLowerCase().replace('_', '-');
  const base = wanted.split('-')[0];
  const norm = (v: V) => v.lang.toLowerCase().replace('_', '-');
  const rank = (v: V) => (norm(v) === wanted ? 0 : norm(v).split('-')[0] === base ? 2 : 9) + (v.localService ? 0 : 1);
  const candidates = voices.filter((v) => rank(v) < 9);
  candidates.sort((a, b) => rank(a) - rank(b));
  return candidates[0] ?? null;
}

export function speak(text: string, lang: 'zh-CN' | 'en'): void {
  const synth = globalThis.speechSynthesis;
  if (!synth || typeof SpeechSynthesisUtterance === 'undefined' || !text) return;
  try {
    synth.cancel();
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = lang === 'zh-CN' ? 'zh-CN' : 'en-GB';
    const voice = pickVoice(synth.getVoices(), utterance.lang);
    if (voice) utterance.voice = voice;
    // A little slower than the default: many listeners are hard of hearing.
    utterance.rate = 0.9;
    synth.speak(utterance);
  } catch {
    // No voice on this device: the screen says it all.
  }
}
