import { describe, expect, it } from 'vitest';
import {
  buildThread,
  canDeleteComment,
  canEditComment,
  commentCountLabel,
  counterDelta,
  editWindowClosed,
  editWindowOverMessage,
  holdsPlace,
  pageCount,
  pageOfPosition,
  replyPlacement,
  strayCommentsPage,
  type ThreadNode,
  type ThreadRow,
} from './rules';
import { buildCommentRow, buildViewer, minutesAfterBase } from './test-builders';

describe('commentCountLabel', () => {
  it.each([
    [0, 'No comments'],
    [1, '1 comment'],
    [2, '2 comments'],
    [12, '12 comments'],
    [1234, '1,234 comments'],
    [1_000_000, '1,000,000 comments'],
  ])('%i → %s', (count, label) => {
    expect(commentCountLabel(count)).toBe(label);
  });
});

describe('canEditComment', () => {
  const author = buildViewer({ id: 'user-author' });
  const other = buildViewer({ id: 'user-other' });
  const comment = buildCommentRow({ id: 1, createdAt: minutesAfterBase(0) });
  const WINDOW = 15;

  it('lets the author edit their own comment within the window, up to its last millisecond', () => {
    expect(canEditComment(comment, author, minutesAfterBase(0), WINDOW)).toBe(true);
    expect(canEditComment(comment, author, minutesAfterBase(14), WINDOW)).toBe(true);
    expect(canEditComment(comment, author, minutesAfterBase(15), WINDOW)).toBe(true);
    expect(editWindowClosed(comment, minutesAfterBase(15), WINDOW)).toBe(false);
  });

  it('refuses once the window has passed', () => {
    const justAfter = new Date(minutesAfterBase(15).getTime() + 1);
    expect(canEditComment(comment, author, justAfter, WINDOW)).toBe(false);
    expect(editWindowClosed(comment, justAfter, WINDOW)).toBe(true);
    expect(canEditComment(comment, author, minutesAfterBase(60 * 24), WINDOW)).toBe(false);
  });

  it('says how long the window is when an edit comes too late, and that there is none at 0 minutes', () => {
    expect(editWindowOverMessage(15)).toBe('Comments can be edited for 15 minutes after posting; this one can no longer be edited.');
    expect(editWindowOverMessage(1)).toBe('Comments can be edited for 1 minute after posting; this one can no longer be edited.');
    expect(editWindowOverMessage(10_080)).toMatch(/^Comments can be edited for 10,080 minutes after/);
    expect(editWindowOverMessage(0)).toBe('Comments on this blog cannot be edited once they are posted.');
  });

  it('follows the configured window, including a window of zero minutes', () => {
    expect(canEditComment(comment, author, minutesAfterBase(30), 60)).toBe(true);
    expect(canEditComment(comment, author, minutesAfterBase(0), 0)).toBe(true);
    expect(canEditComment(comment, author, new Date(minutesAfterBase(0).getTime() + 1), 0)).toBe(false);
  });

  it("refuses someone else's comment, a guest's comment and a signed-out viewer", () => {
    expect(canEditComment(comment, other, minutesAfterBase(1), WINDOW)).toBe(false);
    expect(canEditComment(comment, buildViewer({ id: 'user-admin', role: 'admin' }), minutesAfterBase(1), WINDOW)).toBe(
      false,
    );
    expect(canEditComment(comment, null, minutesAfterBase(1), WINDOW)).toBe(false);
    expect(canEditComment({ ...comment, authorId: null }, other, minutesAfterBase(1), WINDOW)).toBe(false);
  });

  it('allows published and held comments but not deleted or spam ones', () => {
    const at = minutesAfterBase(1);
    expect(canEditComment({ ...comment, status: 'pending' }, author, at, WINDOW)).toBe(true);
    expect(canEditComment({ ...comment, status: 'deleted' }, author, at, WINDOW)).toBe(false);
    expect(canEditComment({ ...comment, status: 'spam' }, author, at, WINDOW)).toBe(false);
  });
});

describe('canDeleteComment', () => {
  const author = buildViewer({ id: 'user-author' });
  const comment = buildCommentRow({ id: 1 });

  it('lets authors delete their own comment at any time', () => {
    expect(canDeleteComment(comment, author)).toBe(true);
    expect(canDeleteComment({ ...comment, createdAt: new Date('2001-01-01T00:00:00Z') }, author)).toBe(true);
    expect(canDeleteComment({ ...comment, status: 'pending' }, author)).toBe(true);
  });

  it("refuses someone else's comment, a guest's, a signed-out viewer and an already deleted comment", () => {
    expect(canDeleteComment(comment, buildViewer({ id: 'user-other' }))).toBe(false);
    expect(canDeleteComment({ ...comment, authorId: null }, author)).toBe(false);
    expect(canDeleteComment({ ...comment, authorId: null }, null)).toBe(false);
    expect(canDeleteComment(comment, null)).toBe(false);
    expect(canDeleteComment({ ...comment, status: 'deleted' }, author)).toBe(false);
  });
});

describe('replyPlacement', () => {
  it('attaches a reply to a top-level comment one level down, rooted at that comment', () => {
    expect(replyPlacement({ id: 7, parentId: null, depth: 0, rootId: null }, 3)).toEqual({
      parentId: 7,
      depth: 1,
      rootId: 7,
    });
  });

  it('nests replies below the top level and keeps the root', () => {
    expect(replyPlacement({ id: 8, parentId: 7, depth: 1, rootId: 7 }, 3)).toEqual({
      parentId: 8,
      depth: 2,
      rootId: 7,
    });
    expect(replyPlacement({ id: 9, parentId: 8, depth: 2, rootId: 7 }, 3)).toEqual({
      parentId: 9,
      depth: 3,
      rootId: 7,
    });
  });

  it('attaches a reply to a comment at the deepest level to that comment’s parent, at the same depth', () => {
    expect(replyPlacement({ id: 10, parentId: 9, depth: 3, rootId: 7 }, 3)).toEqual({
      parentId: 9,
      depth: 3,
      rootId: 7,
    });
    expect(replyPlacement({ id: 8, parentId: 7, depth: 1, rootId: 7 }, 1)).toEqual({
      parentId: 7,
      depth: 1,
      rootId: 7,
    });
  });

  it('never goes deeper than the limit, even under a comment left deeper by an older limit', () => {
    const placement = replyPlacement({ id: 12, parentId: 11, depth: 5, rootId: 7 }, 3);
    expect(placement.depth).toBe(3);
    expect(placement.rootId).toBe(7);
  });
});

describe('counterDelta', () => {
  // published: comments readers see. topLevel: top-level comments holding a place (published,
  // deleted after readers saw it, or with published replies under them).
  const top = (publishedReplies: number, deletedFrom: string | null = null) => ({ isTopLevel: true as const, publishedReplies, deletedFrom });
  const under = (status: string, publishedReplies: number, deletedFrom: string | null = null) => ({
    isTopLevel: false as const,
    status,
    publishedReplies,
    deletedFrom,
  });

  it.each([
    // before, after, published replies under it, what a deleted one was deleted from, published, topLevel
    [null, 'published', 0, null, 1, 1],
    [null, 'pending', 0, null, 0, 0],
    ['pending', 'published', 0, null, 1, 1],
    ['pending', 'spam', 0, null, 0, 0],
    // Deleted while held or spam: readers never saw it, so it takes no place.
    ['pending', 'deleted', 0, null, 0, 0],
    ['spam', 'deleted', 0, null, 0, 0],
    // Deleted after readers saw it: it keeps its place, so no later comment changes page.
    ['published', 'deleted', 0, null, -1, 0],
    ['published', 'spam', 0, null, -1, -1],
    ['published', 'pending', 0, null, -1, -1],
    ['published', 'published', 0, null, 0, 0],
    ['spam', 'published', 0, null, 1, 1],
    ['deleted', 'published', 0, 'published', 1, 0],
    ['deleted', 'published', 0, 'pending', 1, 1],
    ['deleted', 'spam', 0, 'published', 0, -1],
    ['deleted', 'spam', 0, 'pending', 0, 0],
    ['published', null, 0, null, -1, -1],
    ['deleted', null, 0, 'published', 0, -1],
    ['deleted', null, 0, 'spam', 0, 0],
    // With published replies, hiding it keeps its place (a placeholder above them).
    ['published', 'deleted', 2, null, -1, 0],
    ['published', 'spam', 2, null, -1, 0],
    ['published', 'pending', 1, null, -1, 0],
    ['deleted', 'published', 1, 'published', 1, 0],
    ['spam', 'deleted', 1, null, 0, 0],
    ['deleted', 'spam', 1, 'spam', 0, 0],
    ['deleted', null, 1, 'pending', 0, -1],
  ] as const)('a top-level comment %s → %s (%i published replies, deleted from %s) moves published %i, topLevel %i', (before, after, replies, deletedFrom, published, topLevel) => {
    expect(counterDelta(before, after, top(replies, deletedFrom))).toEqual({ published, topLevel });
  });

  it.each([
    // before, after, the top-level comment's status, published replies before and what it was deleted from, published, topLevel
    [null, 'published', 'published', 0, null, 1, 0],
    [null, 'pending', 'deleted', 0, 'published', 0, 0],
    [null, 'published', 'deleted', 0, 'pending', 1, 1],
    ['pending', 'published', 'pending', 0, null, 1, 1],
    ['published', 'deleted', 'deleted', 1, 'published', -1, 0],
    ['published', 'deleted', 'deleted', 1, 'spam', -1, -1],
    ['published', 'deleted', 'spam', 1, null, -1, -1],
    ['published', 'spam', 'spam', 2, null, -1, 0],
    ['published', 'deleted', 'published', 1, null, -1, 0],
    ['spam', 'published', 'pending', 0, null, 1, 1],
  ] as const)('a reply %s → %s under a %s comment with %i published replies (deleted from %s) moves published %i, topLevel %i', (before, after, rootStatus, replies, deletedFrom, published, topLevel) => {
    expect(counterDelta(before, after, under(rootStatus, replies, deletedFrom))).toEqual({ published, topLevel });
  });

  const states = [null, 'published', 'pending', 'spam', 'deleted'] as const;
  type Delta = { published: number; topLevel: number };
  const sum = (x: Delta, y: Delta) => ({ published: x.published + y.published, topLevel: x.topLevel + y.topLevel });
  const isPublished = (status: string | null) => (status === 'published' ? 1 : 0);
  const placed = (held: boolean) => (held ? 1 : 0);

  it('adds up along any path of changes to what the end differs from the start, so the counters never drift', () => {
    for (const a of states) {
      for (const fromA of a === 'deleted' ? ['published', 'pending', 'spam'] : [null]) {
        for (const b of states) {
          for (const c of states) {
            for (const replies of [0, 1, 3]) {
              // A deletion records what it came from; other moves leave the record as it was.
              const fromB = b === 'deleted' && a !== 'deleted' ? a : fromA;
              const fromC = c === 'deleted' && b !== 'deleted' ? b : fromB;
              const path = sum(counterDelta(a, b, top(replies, fromA)), counterDelta(b, c, top(replies, fromB)));
              expect(path).toEqual({
                published: isPublished(c) - isPublished(a),
                topLevel: placed(holdsPlace(c, replies, fromC)) - placed(holdsPlace(a, replies, fromA)),
              });
            }
          }
        }
      }
    }
    // A reply's change moves its conversation's count, so the second step starts from the first's.
    for (const a of states) {
      for (const b of states) {
        for (const c of states) {
          for (const [rootStatus, deletedFrom] of [['published', null], ['pending', null], ['spam', null], ['deleted', 'published'], ['deleted', 'pending']] as const) {
            for (const replies of [0, 1]) {
              if (a === 'published' && replies === 0) continue; // a published reply is counted
              const first = counterDelta(a, b, under(rootStatus, replies, deletedFrom));
              const second = counterDelta(b, c, under(rootStatus, replies + first.published, deletedFrom));
              expect(sum(first, second)).toEqual(counterDelta(a, c, under(rootStatus, replies, deletedFrom)));
            }
          }
        }
      }
    }
  });

  it('moves only the published count for a reply under a published comment, and nothing without a conversation', () => {
    for (const a of states) {
      for (const b of states) {
        expect(counterDelta(a, b, under('published', a === 'published' ? 1 : 0)).topLevel).toBe(0);
        expect(counterDelta(a, b, null).topLevel).toBe(0);
      }
    }
  });
});

describe('buildThread', () => {
  type Row = ThreadRow & { label: string };
  const row = (id: number, overrides: Partial<Row> = {}): Row => ({
    ...buildCommentRow({ id }),
    label: `c${id}`,
    ...overrides,
  });
  /** The thread as nested labels, removed ones marked with "×". */
  const shape = (nodes: ThreadNode<Row>[]): unknown[] =>
    nodes.map((n) =>
      n.replies.length ? { [n.label + (n.removed ? '×' : '')]: shape(n.replies) } : n.label + (n.removed ? '×' : ''),
    );

  it('puts top-level comments and replies oldest first, whatever order the rows come in', () => {
    const rows = [row(3), row(1), row(4, { parentId: 1 }), row(2, { parentId: 1 }), row(5)];
    expect(shape(buildThread(rows))).toEqual([{ c1: ['c2', 'c4'] }, 'c3', 'c5']);
  });

  it('orders by creation time before id, and by id when the times are equal', () => {
    const at = minutesAfterBase(100);
    const rows = [row(1, { createdAt: minutesAfterBase(200) }), row(3, { createdAt: at }), row(2, { createdAt: at })];
    expect(shape(buildThread(rows))).toEqual(['c2', 'c3', 'c1']);
  });

  it('nests replies to replies', () => {
    const rows = [
      row(1),
      row(2, { parentId: 1 }),
      row(3, { parentId: 2 }),
      row(4, { parentId: 3 }),
      row(5, { parentId: 1 }),
    ];
    expect(shape(buildThread(rows))).toEqual([{ c1: [{ c2: [{ c3: ['c4'] }] }, 'c5'] }]);
  });

  it('keeps a deleted comment with replies as a removed placeholder', () => {
    const thread = buildThread([row(1, { status: 'deleted' }), row(2, { parentId: 1 })]);
    expect(shape(thread)).toEqual([{ 'c1×': ['c2'] }]);
    expect(thread[0]!.removed).toBe(true);
    expect(thread[0]!.replies[0]!.removed).toBe(false);
  });

  it('drops a deleted comment without replies, and one whose replies were all deleted too', () => {
    const rows = [
      row(1, { status: 'deleted' }),
      row(2),
      row(3, { parentId: 2, status: 'deleted' }),
      row(4, { status: 'deleted' }),
      row(5, { parentId: 4, status: 'deleted' }),
      row(6, { parentId: 5, status: 'deleted' }),
    ];
    expect(shape(buildThread(rows))).toEqual(['c2']);
  });

  it('keeps a chain of deleted comments that still leads to a live reply', () => {
    const rows = [row(1, { status: 'deleted' }), row(2, { parentId: 1, status: 'deleted' }), row(3, { parentId: 2 })];
    expect(shape(buildThread(rows))).toEqual([{ 'c1×': [{ 'c2×': ['c3'] }] }]);
  });

  it('makes placeholders of whatever the viewer may not read, by the rule it is given', () => {
    const rows = [row(1, { status: 'spam' }), row(2, { parentId: 1 }), row(3, { status: 'pending' }), row(4, { status: 'deleted' })];
    const hidden = (r: Row) => r.status !== 'published';
    expect(shape(buildThread(rows, hidden))).toEqual([{ 'c1×': ['c2'] }]);
    // By default only a deleted comment is a placeholder (an admin's view, or the viewer's own held comment).
    expect(shape(buildThread(rows))).toEqual([{ c1: ['c2'] }, 'c3']);
  });

  it('drops rows whose parent is not in the list, with their own replies', () => {
    const rows = [row(1), row(2, { parentId: 99 }), row(3, { parentId: 2 })];
    expect(shape(buildThread(rows))).toEqual(['c1']);
  });

  it('keeps the rows’ own fields and leaves the input untouched', () => {
    const rows = [row(2, { parentId: 1 }), row(1)];
    const copy = structuredClone(rows);
    const [top] = buildThread(rows);
    expect(top).toMatchObject({ id: 1, label: 'c1', status: 'published', removed: false });
    expect(rows).toEqual(copy);
    expect(buildThread([])).toEqual([]);
  });
});

describe('pageOfPosition and pageCount', () => {
  it.each([
    [0, 50, 1],
    [49, 50, 1],
    [50, 50, 2],
    [99, 50, 2],
    [100, 50, 3],
    [119, 50, 3],
    [4, 5, 1],
    [5, 5, 2],
  ])('position %i with %i per page is on page %i', (position, perPage, page) => {
    expect(pageOfPosition(position, perPage)).toBe(page);
  });

  it.each([
    [0, 50, 1],
    [1, 50, 1],
    [50, 50, 1],
    [51, 50, 2],
    [100, 50, 2],
    [120, 50, 3],
  ])('%i top-level comments with %i per page make %i pages', (count, perPage, pages) => {
    expect(pageCount(count, perPage)).toBe(pages);
  });

  it('agrees with itself: the last position is on the last page', () => {
    for (const count of [1, 49, 50, 51, 120, 500]) expect(pageOfPosition(count - 1, 50)).toBe(pageCount(count, 50));
  });
});

describe('strayCommentsPage', () => {
  const path = '/2016/09/from-russia-with-love';
  it('leaves an address that names the page shown, or no page at all', () => {
    expect(strayCommentsPage(path, {}, 1)).toBeNull();
    expect(strayCommentsPage(path, { comments: '1' }, 1)).toBeNull();
    expect(strayCommentsPage(path, { comments: '3', reply: '7' }, 3)).toBeNull();
  });

  it('sends a page past the last, or no page number, to the page shown, keeping the other wishes', () => {
    expect(strayCommentsPage(path, { comments: '9' }, 3)).toBe(`${path}?comments=3`);
    expect(strayCommentsPage(path, { comments: '999999999' }, 1)).toBe(path);
    expect(strayCommentsPage(path, { comments: 'abc', reply: '7' }, 1)).toBe(`${path}?reply=7`);
    expect(strayCommentsPage(path, { comments: '02', 'not-deleted': '404' }, 2)).toBe(`${path}?not-deleted=404&comments=2`);
    expect(strayCommentsPage(path, { comments: ['2', '5'] }, 2)).toBe(`${path}?comments=2`);
  });
});
