// The commenting journeys' `test`: quire's fixtures, with the blog's rules set so that signed-in
// readers publish directly. The blog's default holds a reader's first comment for moderation
// (`holdFor: 'first-time'`), which e2e/moderation covers; these journeys are about what happens
// once a comment is published. A test that needs other rules says so with `test.use({ commentRules })`.
import type { CommentSettings } from '@/lib/comments/settings';
import { expect, test as quire } from './quire';

interface JourneyFixtures {
  /** Comment settings stored for each test (and put back after it). */
  commentRules: Partial<CommentSettings>;
  applyCommentRules: void;
}

export const test = quire.extend<JourneyFixtures>({
  // One page holds the whole thread (the blog's default is 50 top-level comments a page): the
  // suite leaves well over 50 on the seed post, and a journey's new comment must be on the page
  // it opens. Paging has tests of its own that set a small page.
  commentRules: [{ holdFor: 'nobody', commentsPerPage: 500 }, { option: true }],
  applyCommentRules: [
    async ({ commentRules, commentSettings }, provide) => {
      if (Object.keys(commentRules).length > 0) await commentSettings.set(commentRules);
      await provide();
    },
    { auto: true },
  ],
});

export { expect };
