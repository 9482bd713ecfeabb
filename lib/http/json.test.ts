import { describe, expect, it } from 'vitest';
import { readJsonBody } from './json';

const encoder = new TextEncoder();

/** A request whose body arrives in chunks without a Content-Length, as a chunked upload does. */
function chunked(chunks: string[], onPull: () => void = () => {}): Request {
  let next = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      onPull();
      if (next < chunks.length) controller.enqueue(encoder.encode(chunks[next++]));
      else controller.close();
    },
  });
  return new Request('http://127.0.0.1/api', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    duplex: 'half',
  } as RequestInit & { duplex: 'half' });
}

describe('readJsonBody', () => {
  it('reads a chunked body under the limit', async () => {
    expect(await readJsonBody(chunked(['{"body":', '"hello"}']))).toEqual({ ok: true, value: { body: 'hello' } });
  });

  it('stops reading a chunked body as soon as it passes the limit (413)', async () => {
    let pulls = 0;
    const endless = chunked(Array.from({ length: 1_000 }, () => 'x'.repeat(1024)), () => pulls++);
    expect(await readJsonBody(endless, 4 * 1024)).toMatchObject({ ok: false, status: 413 });
    expect(pulls).toBeLessThan(10);
  });

  it('refuses a declared length over the limit without reading, and names what is wrong otherwise', async () => {
    const declared = new Request('http://127.0.0.1/api', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(1024 * 1024) },
      body: '{}',
    });
    expect(await readJsonBody(declared)).toMatchObject({ ok: false, status: 413 });
    expect(await readJsonBody(chunked(['{"a":'], () => {}))).toMatchObject({ ok: false, status: 400, errors: { request: 'The body is not valid JSON.' } });
    const text = new Request('http://127.0.0.1/api', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hi' });
    expect(await readJsonBody(text)).toMatchObject({ ok: false, status: 415 });
  });
});
