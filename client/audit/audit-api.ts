/** `GET /api/audit`: a page of entries, or the CSV file of the same filters. */
import { api, withQuery } from '../lib/api.ts';
import { downloadFile } from '../lib/download.ts';
import type { AuditFilters, AuditPage } from './types.ts';

export const AUDIT_PAGE_SIZE = 50;

/** The day after a local date 'YYYY-MM-DD' (the "to" filter includes its whole day; the API's `to` excludes). */
export function nextDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y, m - 1, d + 1));
  return next.toISOString().slice(0, 10);
}

/**
 * The query of the filters. Dates go as they are ('YYYY-MM-DD'): the server reads them as the start of
 * that day in the centres' time zone, which is the day staff mean.
 */
export function auditQuery(filters: AuditFilters): Record<string, string | undefined> {
  return {
    from: filters.from || undefined,
    to: filters.to ? nextDay(filters.to) : undefined,
    venueId: filters.venueId || undefined,
    entity: filters.entity || undefined,
  };
}

export function loadAuditPage(filters: AuditFilters, before: string | null, signal?: AbortSignal): Promise<AuditPage> {
  const query = { ...auditQuery(filters), limit: AUDIT_PAGE_SIZE, before: before ?? undefined };
  return api.get<AuditPage>(withQuery('/api/audit', query), signal ? { signal } : {});
}

/** The CSV of the same filters, downloaded (an error shows as a message, not as a downloaded file). */
export function downloadAuditCsv(filters: AuditFilters): Promise<string> {
  return downloadFile(withQuery('/api/audit', { ...auditQuery(filters), format: 'csv' }), 'audit-log.csv', 'text/csv');
}
