// What the journeys know about the real blog's content (content/posts).

/** The one post of the real content; its comment thread is what the journeys exercise. */
export const SEED_POST = {
  id: 'from-russia-with-love',
  path: '/2016/09/from-russia-with-love',
  title: 'From Russia with love: Moscow and Beijing pledge closer support amid tensions with West',
  /** content/site.json's timeZone: comment times are shown in it. */
  timeZone: 'Asia/Hong_Kong',
} as const;

/** Where the post's sign-in and register links send a reader back to. */
export const SEED_RETURN_TO = `${SEED_POST.path}#comments`;

/**
 * The fixture blog's minimum time a comment form must be open (FORM_MIN_SECONDS; the default is
 * 3). Longer than the default so a test's quick submission is quick by a wide margin even on a
 * busy machine; set on its server by playwright.config.ts.
 */
export const FIXTURE_BLOG_FORM_MIN_SECONDS = 8;
