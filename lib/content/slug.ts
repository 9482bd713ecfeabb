/** A URL slug from a title or file name: "From Russia with love!" → "from-russia-with-love". */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The slug a file name implies: a leading "2016-09-04-" date is not part of it. */
export function slugFromFileName(fileName: string): string {
  return slugify(fileName.replace(/\.md$/i, '').replace(/^\d{4}-\d{2}-\d{2}-/, ''));
}
