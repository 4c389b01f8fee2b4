import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, NetworkError, toApiError, withQuery } from './api.ts';

afterEach(() => {
  vi.unstubAllGlobals();
});

function answer(status: number, body: string, statusText = '') {
  return vi.fn(async () => new Response(body || null, { status, statusText }));
}

describe('api', () => {
  it('sends JSON with the bearer token and returns the parsed body', async () => {
    const fetchMock = answer(200, '{"venues":[]}');
    vi.stubGlobal('fetch', fetchMock);
    await expect(api.post('/api/x', { a: 1 }, { token: 'tok' })).resolves.toEqual({ venues: [] });
    const [path, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(path).toBe('/api/x');
    expect(init.credentials).toBe('same-origin');
    expect(init.body).toBe('{"a":1}');
    expect((init.headers as Record<string, string>).authorization).toBe('Bearer tok');
    expect((init.headers as Record<string, string>)['content-type']).toBe('application/json');
  });

  it('throws ApiError with the server body on an error status', async () => {
    vi.stubGlobal(
      'fetch',
      answer(400, '{"statusCode":400,"code":"validation_failed","message":"name is required","field":"name"}'),
    );
    const error = await api.get('/api/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ statusCode: 400, code: 'validation_failed', message: 'name is required' });
    expect((error as ApiError).field).toBe('name');
  });

  it('returns undefined for an empty 204', async () => {
    vi.stubGlobal('fetch', answer(204, ''));
    await expect(api.delete('/api/devices/1')).resolves.toBeUndefined();
  });

  it('throws NetworkError when there is no answer', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    await expect(api.get('/api/x')).rejects.toBeInstanceOf(NetworkError);
  });

  it('makes an ApiError of a body that is not the error shape', () => {
    const error = toApiError(502, 'Bad Gateway', undefined);
    expect(error).toMatchObject({ statusCode: 502, code: 'http_error', message: 'Bad Gateway' });
  });

  it('builds queries leaving out empty values', () => {
    expect(withQuery('/api/devices', { venueId: 'v 1', x: undefined, y: '' })).toBe('/api/devices?venueId=v+1');
    expect(withQuery('/api/devices', {})).toBe('/api/devices');
  });
});
