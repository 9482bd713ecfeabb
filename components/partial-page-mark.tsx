/**
 * Marks a page rendered with a part missing because the database did not answer (comments, their
 * counts). The page cache in scripts/server.mjs does not keep pages that carry this mark, so the
 * next reader gets a new render instead of the gap.
 */
export const PARTIAL_PAGE_ATTRIBUTE = 'data-quire-partial';

export function PartialPageMark() {
  return <span hidden {...{ [PARTIAL_PAGE_ATTRIBUTE]: '' }} />;
}
