/** A refusal the commenter should read: which field (if any), why, and the HTTP status the API answers. */
export class CommentError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 429,
    message: string,
    readonly field: string = 'body',
  ) {
    super(message);
    this.name = 'CommentError';
  }
}
