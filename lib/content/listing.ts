import type { Post } from './posts';

export interface ArchiveMonth {
  year: number;
  month: number;
  count: number;
}

export interface ArchiveYear {
  year: number;
  count: number;
  months: ArchiveMonth[];
}

/** Blogger's "Blog Archive": years, newest first, each with its months and post counts. */
export function buildArchive(posts: Pick<Post, 'year' | 'month'>[]): ArchiveYear[] {
  const years = new Map<number, Map<number, number>>();
  for (const { year, month } of posts) {
    const months = years.get(year) ?? new Map<number, number>();
    months.set(month, (months.get(month) ?? 0) + 1);
    years.set(year, months);
  }
  return [...years.entries()]
    .sort(([a], [b]) => b - a)
    .map(([year, months]) => {
      const list = [...months.entries()].sort(([a], [b]) => b - a).map(([month, count]) => ({ year, month, count }));
      return { year, count: list.reduce((sum, m) => sum + m.count, 0), months: list };
    });
}

export interface LabelCount {
  label: string;
  count: number;
}

/** Labels match case-insensitively (see postsWithLabel), so "China" and "china" are one label, spelt as first seen. */
export function countLabels(posts: Pick<Post, 'labels'>[]): LabelCount[] {
  const counts = new Map<string, LabelCount>();
  for (const post of posts) {
    for (const label of post.labels) {
      const entry = counts.get(label.toLowerCase()) ?? { label, count: 0 };
      entry.count += 1;
      counts.set(label.toLowerCase(), entry);
    }
  }
  return [...counts.values()].sort((a, b) => a.label.localeCompare(b.label));
}

export interface Page<T> {
  items: T[];
  page: number;
  pageCount: number;
}

/** One page of a listing; `undefined` when the page number is out of range (a 404, not an empty page). */
export function paginate<T>(items: T[], page: number, perPage: number): Page<T> | undefined {
  const pageCount = Math.max(1, Math.ceil(items.length / perPage));
  if (!Number.isInteger(page) || page < 1 || page > pageCount) return undefined;
  return { items: items.slice((page - 1) * perPage, page * perPage), page, pageCount };
}

/**
 * A label as the blog spells it, the spelling countLabels gives it, asked for in any case ("china",
 * "CHINA"): the one spelling its page is named and found at. Undefined when no post has the label.
 */
export function findLabel(posts: Pick<Post, 'labels'>[], label: string): string | undefined {
  const wanted = label.toLowerCase();
  for (const post of posts) {
    const spelling = post.labels.find((l) => l.toLowerCase() === wanted);
    if (spelling) return spelling;
  }
  return undefined;
}

export function postsWithLabel<T extends Pick<Post, 'labels'>>(posts: T[], label: string): T[] {
  const wanted = label.toLowerCase();
  return posts.filter((post) => post.labels.some((l) => l.toLowerCase() === wanted));
}

export function postsInMonth<T extends Pick<Post, 'year' | 'month'>>(posts: T[], year: number, month?: number): T[] {
  return posts.filter((post) => post.year === year && (month === undefined || post.month === month));
}
