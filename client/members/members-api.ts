/** The member routes of docs/api.md, as the member pages use them. */
import { api, NetworkError, seg, toApiError, withQuery } from '../lib/api.ts';
import type { CreateMemberBody, UpdateMemberBody } from './member-form.ts';
import { pageOf, pageRequest, type Page } from './paging.ts';
import type { ImportReport, Member } from './types.ts';

export async function listMembers(q: string, page: number, signal?: AbortSignal): Promise<Page<Member>> {
  const { limit, offset } = pageRequest(page);
  const answer = await api.get<{ members: Member[]; total?: number }>(withQuery('/api/members', { q: q.trim(), limit, offset }), {
    ...(signal ? { signal } : {}),
  });
  return pageOf(answer.members, page, undefined, answer.total);
}

export const createMember = async (body: CreateMemberBody): Promise<Member> =>
  (await api.post<{ member: Member }>('/api/members', body)).member;

export const updateMember = async (id: string, body: UpdateMemberBody): Promise<Member> =>
  (await api.patch<{ member: Member }>(`/api/members/${seg(id)}`, body)).member;

/** `DELETE /api/members/:id` (admins only): anonymises the member; their visits are kept. */
export const removeMember = async (id: string): Promise<void> => {
  await api.delete(`/api/members/${seg(id)}`);
};

/**
 * `POST /api/members/import` with the file's bytes as they are: the server finds the encoding (UTF-8 with or
 * without BOM, GB18030/GBK, UTF-16), so the browser must not decode or re-encode anything.
 */
export async function importMembersCsv(bytes: ArrayBuffer): Promise<ImportReport> {
  let response: Response;
  try {
    response = await fetch('/api/members/import', {
      method: 'POST',
      headers: { 'content-type': 'text/csv', accept: 'application/json' },
      credentials: 'same-origin',
      body: bytes,
    });
  } catch (cause) {
    throw new NetworkError('network unreachable', { cause });
  }
  const text = await response.text().catch(() => '');
  let payload: unknown;
  try {
    payload = text ? JSON.parse(text) : undefined;
  } catch {
    payload = undefined;
  }
  if (!response.ok) throw toApiError(response.status, response.statusText, payload);
  return payload as ImportReport;
}
