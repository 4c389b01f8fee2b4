import { describe, expect, it } from 'vitest';
import { interpolate } from '../lib/i18n-core.ts';
import { en } from '../lib/messages/en.ts';
import { decidedByLabel, knockoutRounds, matchLabel, originText, zh } from './labels.ts';
import { match } from './testing.ts';

const english = (key: keyof typeof en, params?: Record<string, string | number>) => interpolate(en[key], params);

describe('match labels in the words people use', () => {
  it('names the knockout rounds from the end as the hall screen does: 决赛, 半决赛, 1/4 决赛, 16 强赛', () => {
    const all = [1, 2, 3, 4].map((round) => match(`K${round}-1`, { stage: 'knockout', round, number: 1 }));
    const rounds = knockoutRounds([...all, match('K3P', { stage: 'knockout', round: 4, number: 1 })]);
    expect(rounds).toBe(4);
    expect(all.map((m) => matchLabel(m, zh, rounds))).toEqual(['16 强赛第 1 场', '1/4 决赛第 1 场', '半决赛第 1 场', '决赛']);
    expect(matchLabel(all[2]!, english, rounds)).toBe('Semi-final 1');
    expect(matchLabel(all[0]!, english, rounds)).toBe('Round of 16, match 1');
  });

  it('says a group match as A 组第 1 轮第 1 场, never its key', () => {
    const label = matchLabel(match('G:A-R1-1', { stage: 'group', group: 'A', round: 1, number: 1 }), zh);
    expect(label).toBe('A 组第 1 轮第 1 场');
    expect(label).not.toContain('G:');
  });

  it('says a place waiting for a draw by lot', () => {
    expect(originText({ kind: 'group_place', group: 'A', place: 1, lot: true }, zh)).toBe('待抽签（A组第1名）');
    expect(originText({ kind: 'group_place', group: 'A', place: 1 }, zh)).toBe('A组第1名');
  });
});

describe('how a place was decided', () => {
  it('says players level while matches remain in words', () => {
    expect(decidedByLabel('level', zh)).toBe('暂时并列');
    expect(decidedByLabel('level', english)).toBe('level for now');
  });
});
