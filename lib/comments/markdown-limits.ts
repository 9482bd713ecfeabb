// What keeps one comment's Markdown cheap to render. The renderer's time grows with the number of
// lines and blocks, faster than that with nested quotes and lists (a few thousand levels take
// minutes and then overflow the stack) and with runs of emphasis, code and link marks; a comment is
// rendered on the one thread that serves every reader, so a single one must not stall the blog.
// Far above what people write, these bound the worst comment to a small fraction of a second.

export const MAX_COMMENT_LINES = 500;
/** Levels of quotes and lists one line may open. */
export const MAX_COMMENT_NESTING = 20;
/** Quote and list markers in the whole comment: each one is a block the renderer builds. */
export const MAX_COMMENT_BLOCK_MARKERS = 300;
export const MAX_COMMENT_MARKS = 2_000;

/** The characters that open or close emphasis, code spans, links and HTML in Markdown. */
const MARKS = /[*_`[\]<]/g;

/** How many quote and list markers open a line: "> > - x" is nested three deep. */
function nestingAt(line: string): number {
  let depth = 0;
  let at = 0;
  for (;;) {
    while (line[at] === ' ' || line[at] === '\t') at += 1;
    if (line[at] === '>') {
      depth += 1;
      at += 1;
      continue;
    }
    const marker = /^(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)/.exec(line.slice(at, at + 11));
    if (!marker) return depth;
    depth += 1;
    at += marker[0].length;
  }
}

/** Why a comment's Markdown is too heavy to render, as the form says it; null when it is fine. */
export function markdownTooHeavy(text: string): string | null {
  const lines = text.split('\n');
  if (lines.length > MAX_COMMENT_LINES)
    return `Comment must be at most ${MAX_COMMENT_LINES.toLocaleString('en-US')} lines.`;
  let markers = 0;
  for (const line of lines) {
    const depth = nestingAt(line);
    if (depth > MAX_COMMENT_NESTING)
      return `Quotes and lists in a comment can be nested at most ${MAX_COMMENT_NESTING} deep.`;
    markers += depth;
  }
  if (markers > MAX_COMMENT_BLOCK_MARKERS) {
    return `Comment must have at most ${MAX_COMMENT_BLOCK_MARKERS} quote and list markers (it has ${markers.toLocaleString('en-US')}).`;
  }
  const marks = text.match(MARKS)?.length ?? 0;
  if (marks > MAX_COMMENT_MARKS) {
    return `Comment must have at most ${MAX_COMMENT_MARKS.toLocaleString('en-US')} of the characters * _ \` [ ] < (it has ${marks.toLocaleString('en-US')}).`;
  }
  return null;
}
