/**
 * The longest comment the blog takes, in characters. Its own module, free of imports, because the
 * comment boxes in the browser use it too and must not pull the server's schemas into the page.
 */
export const COMMENT_MAX_LENGTH = 10_000;
