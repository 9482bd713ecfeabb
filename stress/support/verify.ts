// After a burst: the database, the API and the rendered page must tell the same story, and every
// comment the server acknowledged must be there, once, with its text.
import { expect } from '@playwright/test';
import { countOnPage, postId, readThroughApi, type Attempt } from './readers';

export async function databaseCounts(
  databaseUrl: string,
): Promise<{ published: number; all: number; distinctBodies: number }> {
  const { createDb } = await import('@/lib/db');
  const db = createDb(databaseUrl);
  try {
    const rows = await db.comment.findMany({ where: { postId }, select: { status: true, body: true } });
    return {
      published: rows.filter((row) => row.status === 'published').length,
      all: rows.length,
      distinctBodies: new Set(rows.map((row) => row.body)).size,
    };
  } finally {
    await db.$disconnect();
  }
}

/** Checks, and returns the agreed count of published comments. */
export async function expectAllAgree(baseUrl: string, databaseUrl: string, acknowledged: Attempt[]): Promise<number> {
  const inDatabase = await databaseCounts(databaseUrl);
  const api = await readThroughApi(baseUrl);
  const onPage = await countOnPage(baseUrl);
  const apiIds = new Set(api.comments.map((comment) => comment.id));

  expect(inDatabase.distinctBodies, 'no comment is stored twice').toBe(inDatabase.all);
  expect(apiIds.size, 'paging through the API returns no comment twice').toBe(api.comments.length);
  expect(api.comments.length, 'the API pages hold every published comment in the database').toBe(inDatabase.published);
  expect(api.total, 'the API total counts the published comments').toBe(inDatabase.published);
  expect(onPage, "the post page's heading counts the published comments").toBe(inDatabase.published);

  // A 201 whose body was cut off by a kill has no id: it is found by its text instead.
  const html = new Map(api.comments.map((comment) => [comment.id, comment.html]));
  const texts = api.comments.map((comment) => comment.html);
  const missing = acknowledged.filter((attempt) =>
    attempt.status !== 201
      ? false
      : attempt.id === undefined
        ? !texts.some((text) => text.includes(attempt.text))
        : !html.get(attempt.id)?.includes(attempt.text),
  );
  expect(
    missing.map((attempt) => `${attempt.id ?? 'no id'}: ${attempt.text}`),
    'every 201 is published with its text',
  ).toEqual([]);
  const held = acknowledged.filter((attempt) => attempt.status === 202).length;
  expect(inDatabase.all, 'every acknowledged comment is stored (202s are held, not published)').toBeGreaterThanOrEqual(
    acknowledged.filter((attempt) => attempt.status === 201).length + held,
  );
  return inDatabase.published;
}

/** "5000 × 201, 12 × 429" */
export function tally(attempts: Attempt[]): string {
  const counts = new Map<number, number>();
  for (const attempt of attempts) counts.set(attempt.status, (counts.get(attempt.status) ?? 0) + 1);
  return [...counts]
    .sort(([a], [b]) => a - b)
    .map(([status, n]) => `${n} × ${status === 0 ? 'no answer' : status}`)
    .join(', ');
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0);
}
