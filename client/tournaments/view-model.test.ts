import { describe, expect, it } from 'vitest';
import { bracketSections, feederKey, groupBlocks, isThirdPlace } from './bracket-layout.ts';
import { courtQueue, flaggedMatches, nextMatchOnCourt, orderOfPlay } from './order-of-play.ts';
import { gamesLine, liveLine, refusalText, resultScore } from './score-text.ts';
import { match, view } from './testing.ts';
import { readLive, readResult, readStandings, readTiebreak } from './types.ts';
import { applyEvent } from './view-state.ts';

describe('live patches', () => {
  it('replaces a match by id unless the copy is older', () => {
    const v = view([match('K1-1'), match('K1-2')]);
    const newer = applyEvent(v, 'match.updated', { match: match('K1-1', { status: 'live', version: 2 }) });
    expect(newer.matches.map((m) => m.status)).toEqual(['live', 'ready']);
    const stale = applyEvent(newer, 'match.updated', { match: match('K1-1', { status: 'ready', version: 1 }) });
    expect(stale).toBe(newer);
    expect(applyEvent(v, 'something.else', {})).toBe(v);
  });

  it('takes standings, placings, a newer tournament and its matches', () => {
    const v = view([match('K1-1')]);
    const s = applyEvent(v, 'standings.changed', { standings: [{ group: 'A', rows: [{ participantId: 'p1', rank: 1 }] }], placings: [{ participantId: 'p1', place: 1 }] });
    expect(s.standings[0]!.group).toBe('A');
    expect(s.placings).toEqual([{ participantId: 'p1', place: 1 }]);
    const t = applyEvent(v, 'tournament.updated', { tournament: { ...v.tournament, status: 'finished', version: 3 }, matches: [match('K2-1')] });
    expect(t.tournament.status).toBe('finished');
    expect(t.matches.map((m) => m.key)).toEqual(['K1-1', 'K2-1']);
    const old = applyEvent(t, 'tournament.updated', { tournament: { ...v.tournament, status: 'draft', version: 1 } });
    expect(old.tournament.status).toBe('finished');
  });

  it('adds, changes and removes entries as other coordinators do', () => {
    const v = view([]);
    const added = applyEvent(v, 'participant.added', { participant: { id: 'p3', name: '丙队', seed: null, players: [{ memberId: null, name: '来宾', ballNumber: 1 }] } });
    expect(added.participants.map((p) => p.name)).toEqual(['甲', '乙', '丙队']);
    const substitute = { id: 'p3', name: '丙队', seed: null, players: [{ memberId: 'm1', name: '替补', ballNumber: 1 }] };
    const updated = applyEvent(added, 'participant.updated', { participant: substitute });
    expect(updated.participants.find((p) => p.id === 'p3')?.players[0]?.name).toBe('替补');
    expect(applyEvent(updated, 'participant.updated', { participant: { id: 'p3' } })).toBe(updated);
    const removed = applyEvent(updated, 'participant.removed', { participantId: 'p1' });
    expect(removed.participants.map((p) => p.id)).toEqual(['p2', 'p3']);
    expect(applyEvent(removed, 'participant.removed', { participantId: 'nobody' })).toBe(removed);
  });

  it('keeps where a waiting side comes from when a match event (which does not say) replaces it', () => {
    const from = { kind: 'winner', key: 'K1-1' };
    const v = view([match('K2-1', { status: 'waiting', sides: [{ participantId: null, from }, { participantId: null, from: { kind: 'winner', key: 'K1-2' } }] })]);
    const next = applyEvent(v, 'match.updated', { match: match('K2-1', { status: 'waiting', version: 2, sides: [{ participantId: 'p1' }, { participantId: null }] }) });
    expect(next.matches[0]!.sides).toEqual([{ participantId: 'p1', from }, { participantId: null, from: { kind: 'winner', key: 'K1-2' } }]);
  });
});

describe('order of play', () => {
  const at = (hhmm: string) => `2027-03-01T${hhmm}:00.000Z`;
  const matches = [
    match('G:A-R2-1', { roomId: 't1', scheduledAt: at('01:30') }),
    match('G:A-R1-1', { roomId: 't2', scheduledAt: at('01:00'), status: 'done' }),
    match('G:A-R1-2', { roomId: 't1', scheduledAt: at('01:00'), status: 'live' }),
    match('K1-1', { roomId: 't1', scheduledAt: at('02:00'), status: 'waiting' }),
    match('K1-2', { status: 'bye' }),
  ];

  it('lists by time then court, leaving out byes', () => {
    expect(orderOfPlay(matches, ['t1', 't2']).map((m) => m.key)).toEqual(['G:A-R1-2', 'G:A-R1-1', 'G:A-R2-1', 'K1-1']);
  });

  it('says what a court plays now and next', () => {
    expect(courtQueue(matches, 't1')).toMatchObject({ now: { key: 'G:A-R1-2' }, next: { key: 'G:A-R2-1' } });
    expect(courtQueue(matches, 't2')).toEqual({ now: null, next: null });
    expect(nextMatchOnCourt(matches, 't1')?.key).toBe('G:A-R1-2');
    const afterLive = matches.map((m) => (m.key === 'G:A-R1-2' ? { ...m, status: 'done' as const } : m));
    expect(nextMatchOnCourt(afterLive, 't1')?.key).toBe('G:A-R2-1');
    expect(flaggedMatches([match('K2-1', { flag: 'participants_changed' }), match('K1-1')]).map((m) => m.key)).toEqual(['K2-1']);
  });
});

describe('bracket layout', () => {
  it('names knockout rounds from the final backwards and keeps the third-place match', () => {
    const ko = ['K1-1', 'K1-2', 'K1-3', 'K1-4', 'K2-1', 'K2-2', 'K3-1'].map((k) => match(k));
    const third = match('K3P', { round: 3, number: 2 });
    const [section] = bracketSections([...ko, third]);
    expect(section!.columns.map((c) => c.name.kind)).toEqual(['quarter', 'semi', 'final']);
    expect(section!.columns[2]!.matches.map((m) => m.key)).toEqual(['K3-1', 'K3P']);
    expect(isThirdPlace(third)).toBe(true);
    const big = bracketSections([match('K1-1'), match('K2-1'), match('K3-1'), match('K4-1'), match('K5-1')]);
    expect(big[0]!.columns.map((c) => c.name)).toEqual([
      { kind: 'round', round: 1 }, { kind: 'round', round: 2 }, { kind: 'quarter' }, { kind: 'semi' }, { kind: 'final' },
    ]);
  });

  it('splits double elimination into winners, losers and grand final', () => {
    const sections = bracketSections([match('W1-1'), match('W1-2'), match('W2-1'), match('L1-1'), match('L2-1'), match('GF1'), match('GF2')]);
    expect(sections.map((s) => s.id)).toEqual(['winners', 'losers', 'grand_final']);
    expect(sections[1]!.columns.map((c) => c.name)).toEqual([{ kind: 'losers_round', round: 1 }, { kind: 'losers_round', round: 2 }]);
    expect(sections[2]!.columns.map((c) => c.name.kind)).toEqual(['grand_final', 'grand_final_reset']);
  });

  it('makes one block per group with its table and rounds', () => {
    const blocks = groupBlocks(
      [match('G:B-R1-1'), match('G:A-R2-1'), match('G:A-R1-1', { status: 'done' }), match('K1-1')],
      [{ group: 'A', rows: [{ participantId: 'p2', rank: 2 } as never, { participantId: 'p1', rank: 1 } as never] }],
    );
    expect(blocks.map((b) => [b.group, b.started, b.complete, b.rounds.map((r) => r.round)])).toEqual([['A', true, false, [1, 2]], ['B', false, false, [1]]]);
    expect(groupBlocks([match('G:A-R1-1', { status: 'done' })], [])[0]!.complete).toBe(true);
    expect(blocks[0]!.rows.map((r) => r.participantId)).toEqual(['p1', 'p2']);
  });

  it('knows which earlier match feeds a knockout side', () => {
    expect(feederKey(match('K2-2'), 0)).toBe('K1-3');
    expect(feederKey(match('W3-1'), 1)).toBe('W2-2');
    expect(feederKey(match('K1-1'), 0)).toBeNull();
    expect(feederKey(match('L2-1'), 0)).toBeNull();
  });
});

describe('scores', () => {
  it('reads stored results and live scores', () => {
    const games = readResult({ payload: { games: [[11, 7], [9, 11], [11, 5]] }, outcome: {}, detail: {} });
    expect(games).toEqual({ kind: 'games', games: [[11, 7], [9, 11], [11, 5]], gamesWon: [2, 1] });
    expect(resultScore(games)).toBe('2:1');
    expect(gamesLine([[11, 7], [9, 11]])).toBe('11:7 9:11');
    const gb = readResult({
      payload: { balls: [[5, 3, 2, 1, 0], [5, 5, 1, 0, 0]] },
      detail: { sport: 'gateball', result: { explanation: { message: 'Red wins 11–11.', messageZh: '红队获胜。' } } },
    });
    expect(gb).toMatchObject({ kind: 'gateball', score: [11, 11], explanation: { messageZh: '红队获胜。' } });
    expect(readResult({ payload: { score: [17, 15] } })).toMatchObject({ kind: 'gateball', score: [17, 15], balls: null });
    expect(readResult({ payload: { walkover: 'p2' } })).toEqual({ kind: 'walkover', winnerId: 'p2' });
    expect(readResult(null)).toBeNull();
    expect(resultScore(null)).toBe('');
    const live = readLive({ games: [[11, 9]], current: [4, 6] });
    expect(liveLine(live)).toEqual({ score: '1:0', current: '4:6' });
    expect(liveLine(readLive({ balls: [[1, 0, 0, 0, 0], [2, 0, 0, 0, 0]] }))).toEqual({ score: '1:2', current: null });
    expect(readLive({ nonsense: true })).toBeNull();
  });

  it('reads tie-breaks and standings defensively', () => {
    expect(readTiebreak({ gateballGame: 'gates', gateballStandings: ['lot', 'x'], lots: { a: 1, b: 'x' } })).toEqual({
      gateballGame: 'gates', gateballStandings: ['lot'], lots: { a: 1 },
    });
    expect(readTiebreak(null)).toEqual({});
    expect(readStandings([{ group: 'A', rows: [{ participantId: 'p' }, { nope: 1 }] }, 3])).toEqual([{ group: 'A', rows: [{ participantId: 'p' }] }]);
  });

  it('shows the Chinese refusal in Chinese mode', () => {
    const body = { message: 'Game 1 is not finished.', messageZh: '第 1 局未结束。' };
    expect(refusalText(body, 'zh-CN')).toBe('第 1 局未结束。');
    expect(refusalText(body, 'en')).toBe('Game 1 is not finished.');
    expect(refusalText({ message: 'Only English.' }, 'zh-CN')).toBe('Only English.');
  });
});

describe('side scores', () => {
  it('shows the result, the walkover winner, or the live games and points', async () => {
    const { sideScores } = await import('./score-text.ts');
    const sides = ['p1', 'p2'] as const;
    expect(sideScores(readResult({ payload: { games: [[11, 7], [9, 11], [11, 5]] } }), null, sides).map((s) => s.main)).toEqual(['2', '1']);
    expect(sideScores(readResult({ payload: { walkover: 'p2' } }), null, sides).map((s) => s.walkover)).toEqual([false, true]);
    expect(sideScores(null, readLive({ games: [[11, 9]], current: [4, 6] }), sides)).toEqual([
      { main: '1', current: '4', walkover: false },
      { main: '0', current: '6', walkover: false },
    ]);
    expect(sideScores(null, null, sides).map((s) => s.main)).toEqual(['', '']);
  });
});

describe('result forms', () => {
  it('reads typed games, leaving out blank rows', async () => {
    const { parseGames, parseScore, gameRowsFrom } = await import('./entry-payload.ts');
    expect(parseGames([['11', '7'], [' 9', '11 '], ['', ''], ['', '']])).toEqual({ ok: true, payload: { games: [[11, 7], [9, 11]] } });
    expect(parseGames([['11', ''], ['', '']])).toEqual({ ok: false, problem: 'half_filled', row: 1 });
    expect(parseGames([['11', '7'], ['x', '3']])).toEqual({ ok: false, problem: 'not_a_number', row: 2 });
    expect(parseGames([['', '']])).toEqual({ ok: false, problem: 'empty' });
    expect(parseScore('17', '15')).toEqual({ ok: true, payload: { score: [17, 15] } });
    expect(parseScore('17', '')).toMatchObject({ ok: false, problem: 'half_filled' });
    expect(gameRowsFrom(null, { games: [[11, 9]], current: [3, 2] }, 3)).toEqual([['11', '9'], ['3', '2'], ['', '']]);
    expect(gameRowsFrom(readResult({ payload: { games: [[11, 1], [11, 2]] } }), null, 3)).toEqual([['11', '1'], ['11', '2'], ['', '']]);
  });
});
