/**
 * Up to two letters for a commenter's avatar: the first of the first and last words, or the first
 * two of a single word. Counted in code points, never UTF-16 units: half an emoji is not a character,
 * and the server would send it as U+FFFD while the browser keeps the half, so React's hydration of
 * the thread fails on it.
 */
export function avatarInitials(name: string): string {
  const words = name
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => Array.from(word));
  if (words.length === 0) return '?';
  const initials = words.length > 1 ? [words[0]![0], words.at(-1)![0]] : words[0]!.slice(0, 2);
  return initials.join('').toUpperCase();
}

/**
 * A commenter's avatar made here from their name: initials on a colour picked from the name, so
 * no third-party image host learns who reads the blog.
 */
export function Avatar({ name }: { name: string }) {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return (
    <span className="avatar" aria-hidden="true" style={{ ['--avatar-hue' as string]: String(hash % 360) }}>
      {avatarInitials(name)}
    </span>
  );
}
