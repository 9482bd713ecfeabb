// Builders for comment and account tests: plain objects with sensible defaults and overrides.
// Test-only; nothing in the app imports this file.
import type { Post } from '@/lib/content/posts';
import { getDb } from '@/lib/db';
import type { Viewer } from '@/lib/users/accounts';
import { assertMayComment, writeComment, type NewComment, type WrittenComment } from './mutations';
import type { CommentOwnership, ThreadRow } from './rules';

let sequence = 0;
const next = () => ++sequence;

/** A published post as parsePostFile would return it; `path` follows the date (UTC) and slug unless given. */
export function buildPost(overrides: Partial<Post> = {}): Post {
  const n = next();
  const id = overrides.id ?? `post-${n}`;
  const slug = overrides.slug ?? `post-${n}`;
  const date = overrides.date ?? new Date('2016-09-04T08:00:00Z');
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + 1;
  return {
    id,
    slug,
    title: `Post ${slug}`,
    date,
    year,
    month,
    author: 'Site Owner',
    labels: [],
    summary: undefined,
    draft: false,
    commentsClosed: false,
    aliases: [],
    path: `/${year}/${String(month).padStart(2, '0')}/${slug}`,
    html: `<p>The body of ${slug}.</p>`,
    excerptHtml: `<p>The body of ${slug}.</p>`,
    description: `The body of ${slug}.`,
    file: `content/posts/${slug}.md`,
    ...overrides,
  };
}

/** A signed-in reader who exists only in memory (for rules that never touch the database). */
export function buildViewer(overrides: Partial<Viewer> = {}): Viewer {
  const n = next();
  return { id: `user-${n}`, name: `Reader ${n}`, email: `reader-${n}@example.com`, role: 'reader', ...overrides };
}

/** A reader stored in the database behind getDb(), so comments can reference them. */
export async function insertReader(name = 'Reader'): Promise<Viewer> {
  const n = next();
  const user = await getDb().user.create({
    data: { email: `${name.toLowerCase().replace(/\W+/g, '-')}-${n}@example.com`, name },
    select: { id: true, name: true, email: true },
  });
  return { ...user, role: 'reader' };
}

export const BASE_TIME = new Date('2024-05-01T12:00:00Z');

/** Minutes after BASE_TIME, as a Date. */
export function minutesAfterBase(minutes: number): Date {
  return new Date(BASE_TIME.getTime() + minutes * 60_000);
}

/** A comment row for buildThread and the edit/delete rules; created `id` minutes after BASE_TIME unless given. */
export function buildCommentRow(
  overrides: Partial<ThreadRow & CommentOwnership> & { id: number },
): ThreadRow & CommentOwnership {
  return {
    parentId: null,
    status: 'published',
    createdAt: minutesAfterBase(overrides.id),
    authorId: 'user-author',
    ...overrides,
  };
}

/**
 * A comment or reply written as a reader's would be, past the blog's rules (`assertMayComment`)
 * but not its rate limits or spam checks, which `postComment` adds for the app's doors.
 */
export async function createComment(options: NewComment): Promise<WrittenComment> {
  await assertMayComment(options.post, options.viewer, options.input, options.settings);
  return writeComment(options);
}
