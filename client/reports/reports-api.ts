/** The report routes (`/api/reports/…`) and the CSV files they give with `format=csv`. */
import { api, seg, withQuery } from '../lib/api.ts';
import type { Room } from '../lib/types.ts';
import type { AbsentMembersReport, TournamentsReport, VisitGrouping, VisitsReport, YearlyReport } from './types.ts';

const opts = (signal?: AbortSignal) => (signal ? { signal } : {});

export const visitsPath = (q: { venueId?: string; from: string; to: string; groupBy: VisitGrouping }) => withQuery('/api/reports/visits', q);
export const tournamentsPath = (q: { venueId?: string; from: string; to: string; groupBy?: 'sport' | 'month' }) => withQuery('/api/reports/tournaments', q);
export const absentPath = (q: { venueId?: string; weeks: number; limit?: number }) => withQuery('/api/reports/absent-members', q);

export const loadVisits = (q: Parameters<typeof visitsPath>[0], signal?: AbortSignal) => api.get<VisitsReport>(visitsPath(q), opts(signal));
export const loadTournaments = (q: Parameters<typeof tournamentsPath>[0], signal?: AbortSignal) =>
  api.get<TournamentsReport>(tournamentsPath(q), opts(signal));
export const loadYearly = (q: { year: number; venueId?: string }, signal?: AbortSignal) =>
  api.get<YearlyReport>(withQuery('/api/reports/yearly', q), opts(signal));
export const loadAbsent = (q: Parameters<typeof absentPath>[0], signal?: AbortSignal) => api.get<AbsentMembersReport>(absentPath(q), opts(signal));
export const loadRooms = (venueId: string, signal?: AbortSignal) =>
  api.get<{ rooms: Room[] }>(`/api/venues/${seg(venueId)}/rooms`, opts(signal)).then((a) => a.rooms);

/** The same path asking for a file: `format=csv` or `format=xlsx`; in English (`lang=en`) when the page is. */
export function exportPath(path: string, format: 'csv' | 'xlsx', lang: 'zh-CN' | 'en' = 'zh-CN'): string {
  return `${path}${path.includes('?') ? '&' : '?'}format=${format}${lang === 'en' ? '&lang=en' : ''}`;
}
