/**
 * A commenter's avatar made here from their name: initials on a colour picked from the name, so
 * no third-party image host learns who reads the blog.
 */
export function Avatar({ name }: { name: string }) {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const initials = (words.length > 1 ? `${words[0]![0]}${words.at(-1)![0]}` : (words[0] ?? '?').slice(0, 2)).toUpperCase();
  let hash = 0;
  for (const char of name) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return (
    <span className="avatar" aria-hidden="true" style={{ ['--avatar-hue' as string]: String(hash % 360) }}>
      {initials}
    </span>
  );
}
