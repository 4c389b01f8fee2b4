import { describe, expect, it } from 'vitest';
import { data, match, sides } from './tournament-fixtures.ts';
import { applyTournamentEvent } from './tournament-patches.ts';

describe('tournament events as patches', () => {
  const start = data({ matches: [match('K1-1', { sides: sides('p1', 'p2'), status: 'ready', version: 2 }), match('K2-1', { round: 2 })] });

  it('replaces a match with its newer copy and keeps the others', () => {
    const live = match('K1-1', { sides: sides('p1', 'p2'), status: 'live', live: { games: [], current: [1, 0] }, version: 2 });
    const { data: next, reload } = applyTournamentEvent(start, { type: 'match.updated', data: { match: live } });
    expect(reload).toBe(false);
    expect(next.matches[0]).toBe(live);
    expect(next.matches[1]).toBe(start.matches[1]);
    expect(start.matches[0]!.status).toBe('ready');
  });

  it('ignores an older copy of a match', () => {
    const old = match('K1-1', { status: 'waiting', version: 1 });
    expect(applyTournamentEvent(start, { type: 'match.updated', data: { match: old } }).data).toBe(start);
  });

  it('asks for a reload when an event names a player or a match it has never seen', () => {
    const stranger = match('K2-1', { round: 2, sides: sides('p1', 'p9'), version: 3 });
    expect(applyTournamentEvent(start, { type: 'match.updated', data: { match: stranger } }).reload).toBe(true);
    expect(applyTournamentEvent(start, { type: 'match.updated', data: { match: match('K9-9') } }).reload).toBe(true);
  });

  it('replaces standings and placings', () => {
    const standings = [{ group: null, rows: [{ participantId: 'p1', rank: 1 }] }];
    const placings = [{ participantId: 'p1', place: 1 }];
    const { data: next } = applyTournamentEvent(start, { type: 'standings.changed', data: { standings, placings } });
    expect(next.standings).toBe(standings);
    expect(next.placings).toBe(placings);
  });

  it('takes a new tournament state, with all matches when the event carries them', () => {
    const finished = { ...start.tournament, status: 'finished' as const };
    const plain = applyTournamentEvent(start, { type: 'tournament.updated', data: { tournament: finished } });
    expect(plain.data.tournament.status).toBe('finished');
    expect(plain.data.matches).toBe(start.matches);
    const redrawn = [match('K1-1', { sides: sides('p3', 'p4') })];
    const full = applyTournamentEvent(start, { type: 'tournament.updated', data: { tournament: finished, matches: redrawn } });
    expect(full.data.matches).toEqual(redrawn);
    expect(full.reload).toBe(false);
    // Another tournament's event changes nothing.
    const other = applyTournamentEvent(start, { type: 'tournament.updated', data: { tournament: { ...finished, id: 't2' } } });
    expect(other.data).toBe(start);
  });

  it('reloads when a draft is started without the draw in the event (its players were never sent)', () => {
    const draft = data({ tournament: { ...start.tournament, status: 'draft' }, participants: [] });
    const started = applyTournamentEvent(draft, { type: 'tournament.updated', data: { tournament: { ...draft.tournament, status: 'running' } } });
    expect(started.reload).toBe(true);
    const withDraw = applyTournamentEvent(draft, {
      type: 'tournament.updated',
      data: { tournament: { ...draft.tournament, status: 'running' }, matches: [match('K1-1', { sides: sides('x', 'y') })] },
    });
    expect(withDraw.reload).toBe(true);
  });

  it('reloads on the start even with the draw in the event (it does not say where waiting sides come from)', () => {
    const draft = data({ tournament: { ...start.tournament, status: 'draft' } });
    const withDraw = applyTournamentEvent(draft, {
      type: 'tournament.updated',
      data: { tournament: { ...draft.tournament, status: 'running' }, matches: [match('K1-1', { sides: sides('p1', 'p2') })] },
    });
    expect(withDraw.reload).toBe(true);
  });

  it('keeps where a waiting side comes from when a match event replaces the match', () => {
    const from = { kind: 'winner', key: 'K1-1' };
    const loaded = data({ matches: [match('K2-1', { round: 2, sides: [{ participantId: null, from }, { participantId: null, from: { kind: 'winner', key: 'K1-2' } }] })] });
    const event = match('K2-1', { round: 2, sides: sides('p1', null), version: 2 });
    const { data: next } = applyTournamentEvent(loaded, { type: 'match.updated', data: { match: event } });
    expect(next.matches[0]!.sides).toEqual([{ participantId: 'p1', from }, { participantId: null, from: { kind: 'winner', key: 'K1-2' } }]);
    const { data: again } = applyTournamentEvent(loaded, { type: 'tournament.updated', data: { tournament: loaded.tournament, matches: [event] } });
    expect(again.matches[0]!.sides[1]).toEqual({ participantId: null, from: { kind: 'winner', key: 'K1-2' } });
  });

  it('follows entries added, changed (a substitute) and removed', () => {
    const team = { id: 'p5', name: '红星队', seed: null, players: [{ memberId: null, name: '来宾', ballNumber: 1 }] };
    const added = applyTournamentEvent(start, { type: 'participant.added', data: { participant: team } });
    expect(added.reload).toBe(false);
    expect(added.data.participants.map((p) => p.id)).toEqual(['p1', 'p2', 'p3', 'p4', 'p5']);
    const renamed = applyTournamentEvent(added.data, { type: 'participant.updated', data: { participant: { ...team, name: '红星' } } });
    expect(renamed.data.participants.at(-1)?.name).toBe('红星');
    const removed = applyTournamentEvent(renamed.data, { type: 'participant.removed', data: { participantId: 'p5' } });
    expect(removed.data.participants.map((p) => p.id)).toEqual(['p1', 'p2', 'p3', 'p4']);
    expect(applyTournamentEvent(start, { type: 'participant.removed', data: { participantId: 'nobody' } }).data).toBe(start);
    expect(applyTournamentEvent(start, { type: 'participant.added', data: { participant: { id: 3 } } }).data).toBe(start);
  });

  it('leaves other events and malformed data alone', () => {
    expect(applyTournamentEvent(start, { type: 'booking.created', data: {} }).data).toBe(start);
    expect(applyTournamentEvent(start, { type: 'match.updated', data: null }).data).toBe(start);
    expect(applyTournamentEvent(start, { type: 'match.updated', data: { match: { id: 1 } } }).data).toBe(start);
  });
});
