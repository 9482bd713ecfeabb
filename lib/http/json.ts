export const MAX_JSON_BYTES = 64 * 1024;

export type JsonBody = { ok: true; value: unknown } | { ok: false; status: 400 | 413 | 415; errors: Record<string, string> };

/** A request's JSON body, refused with a reason when it is too large, not JSON, or not UTF-8. */
export async function readJsonBody(request: Request, maxBytes = MAX_JSON_BYTES): Promise<JsonBody> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > maxBytes) return tooLarge(maxBytes);
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) {
    return { ok: false, status: 415, errors: { request: 'Send the body as JSON (Content-Type: application/json).' } };
  }
  const bytes = await readAtMost(request, maxBytes);
  if (!bytes) return tooLarge(maxBytes);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, status: 400, errors: { request: 'The body is not valid UTF-8.' } };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, status: 400, errors: { request: 'The body is not valid JSON.' } };
  }
}

/**
 * The body's bytes, or null as soon as they pass `maxBytes`: a body sent without a length (chunked)
 * is not read to its end first.
 */
async function readAtMost(request: Request, maxBytes: number): Promise<Uint8Array | null> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function tooLarge(maxBytes: number): JsonBody {
  return { ok: false, status: 413, errors: { request: `The body is larger than ${Math.round(maxBytes / 1024)} KB.` } };
}

export function jsonError(status: number, errors: Record<string, string>, headers: Record<string, string> = {}): Response {
  const message = Object.values(errors)[0] ?? 'The request was refused.';
  return Response.json({ error: message, errors }, { status, headers: { 'Cache-Control': 'no-store', ...headers } });
}

/** The Retry-After header of a 429, when there is one. */
export function retryAfter(seconds: number | undefined): Record<string, string> {
  return seconds === undefined ? {} : { 'Retry-After': String(seconds) };
}
