/**
 * Downloads a file the API makes (a CSV or XLSX export): fetched first, so that a refusal shows as a message
 * in the page rather than as a downloaded error page, then handed to the browser under the name the server
 * gives (Content-Disposition), or `fallbackName`. Resolves with the file name.
 */
import { NetworkError, toApiError } from './api.ts';

export async function downloadFile(url: string, fallbackName: string, accept: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept }, credentials: 'same-origin' });
  } catch (cause) {
    throw new NetworkError('network unreachable', { cause });
  }
  if (!response.ok) {
    const payload: unknown = await response.json().catch(() => undefined);
    throw toApiError(response.status, response.statusText, payload);
  }
  const blob = await response.blob();
  const file = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = file;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
  return file;
}
