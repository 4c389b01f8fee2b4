/**
 * The one way the apps talk HTTP to the server: JSON in and out under `/api`, the session cookie sent
 * same-origin, and a device's token as `Authorization: Bearer` when given.
 *
 * Failures come in two kinds so screens can say the right thing:
 * - `ApiError`: the server answered with an error status; carries its `{statusCode, code, message, ...}` body;
 * - `NetworkError`: no answer at all (offline, server down, connection cut).
 */

export interface ApiErrorBody {
  statusCode: number;
  code: string;
  message: string;
  [field: string]: unknown;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly statusCode: number;
  readonly code: string;
  /** The whole error body, for the fields a code adds (`field`, `conflicts`, `current`, ...). */
  readonly body: ApiErrorBody;

  constructor(body: ApiErrorBody) {
    super(body.message);
    this.statusCode = body.statusCode;
    this.code = body.code;
    this.body = body;
  }

  /** The field a `validation_failed` names, when the server names one. */
  get field(): string | undefined {
    const field = this.body.field ?? this.body.path;
    return typeof field === 'string' ? field : undefined;
  }
}

export class NetworkError extends Error {
  override readonly name = 'NetworkError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

export interface RequestOptions {
  /** A device token, sent as `Authorization: Bearer <token>`. */
  token?: string | null | undefined;
  /** Extra headers (for example `Idempotency-Key`). */
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Turn whatever came back with an error status into an `ApiError`, even when it is not the JSON we expect. */
export function toApiError(status: number, statusText: string, payload: unknown): ApiError {
  if (payload && typeof payload === 'object') {
    const body = payload as Partial<ApiErrorBody>;
    if (typeof body.code === 'string' && typeof body.message === 'string') {
      return new ApiError({ ...body, statusCode: status, code: body.code, message: body.message });
    }
  }
  return new ApiError({ statusCode: status, code: 'http_error', message: statusText || `HTTP ${status}` });
}

async function request<T>(method: Method, path: string, body: unknown, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? null : JSON.stringify(body),
      signal: options.signal ?? null,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new NetworkError('network unreachable', { cause });
  }

  const text = await response.text().catch(() => '');
  let payload: unknown = undefined;
  if (text) {
    try {
      payload = JSON.parse(text);
    } catch {
      payload = undefined;
    }
  }
  if (!response.ok) throw toApiError(response.status, response.statusText, payload);
  return payload as T;
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, undefined, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('POST', path, body ?? {}, options),
  patch: <T>(path: string, body: unknown, options?: RequestOptions) => request<T>('PATCH', path, body, options),
  put: <T>(path: string, body: unknown, options?: RequestOptions) => request<T>('PUT', path, body, options),
  delete: <T = void>(path: string, options?: RequestOptions) => request<T>('DELETE', path, undefined, options),
};

/** Build a path with its query, leaving out empty values. */
export function withQuery(path: string, query: Record<string, string | number | boolean | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** Escape one path segment: IDs are opaque and sent back exactly, but never able to change the path. */
export const seg = (id: string): string => encodeURIComponent(id);
