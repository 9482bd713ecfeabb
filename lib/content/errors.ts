/** A content file the blog owner wrote is wrong. The message names the file, the field and the problem. */
export class ContentError extends Error {
  constructor(
    readonly file: string,
    readonly problems: { field: string; message: string }[],
  ) {
    super(
      problems.map((p) => `${file}: ${p.field === '' ? '' : `"${p.field}": `}${p.message}`).join('\n'),
    );
    this.name = 'ContentError';
  }
}
