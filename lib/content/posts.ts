import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import yaml from 'js-yaml';
import { calendarDateInZone } from './dates';
import { ContentError } from './errors';
import { linksAsOnPostPage } from './feed';
import { frontMatterSchema } from './front-matter';
import { renderPostMarkdown } from './markdown';
import { contentDir, shownPath } from './paths';
import { getSite } from './site';
import { slugFromFileName } from './slug';
import { normaliseAddress, postPath } from './urls';

export interface Post {
  /** Stable id comments hang on; survives a change of slug or date. */
  id: string;
  slug: string;
  title: string;
  date: Date;
  year: number;
  month: number;
  author: string;
  labels: string[];
  summary: string | undefined;
  draft: boolean;
  commentsClosed: boolean;
  /** Old addresses that redirect here, in the form normaliseAddress gives them. */
  aliases: string[];
  /** The post's address on this blog, e.g. /2016/09/from-russia-with-love. */
  path: string;
  html: string;
  excerptHtml: string;
  /** Plain text for meta descriptions and feeds. */
  description: string;
  /** Relative to the project, for error messages. */
  file: string;
}

export interface ParseOptions {
  timeZone: string;
  defaultAuthor: string;
}

/** One Markdown file → one Post, or a ContentError naming the file and every bad field. */
export async function parsePostFile(file: string, source: string, options: ParseOptions): Promise<Post> {
  let parsed: matter.GrayMatterFile<string>;
  try {
    // An options object keeps gray-matter from returning a cached result for equal input. YAML's
    // JSON schema leaves dates as the text the owner typed, so the date rules above see them whole.
    parsed = matter(source, {
      engines: { yaml: (text: string) => yaml.load(text, { schema: yaml.JSON_SCHEMA }) as object },
    });
  } catch (error) {
    throw new ContentError(file, [
      { field: 'front matter', message: `is not valid YAML: ${(error as Error).message}` },
    ]);
  }
  const result = frontMatterSchema(options.timeZone).safeParse(parsed.data);
  if (!result.success) {
    throw new ContentError(
      file,
      result.error.issues.map((issue) => ({
        field: issue.path.join('.') || 'front matter',
        message: issue.code === 'unrecognized_keys' ? `unknown field(s) ${issue.keys.join(', ')}` : issue.message,
      })),
    );
  }
  const front = result.data;
  const slug = front.slug ?? slugFromFileName(path.basename(file));
  if (!slug) throw new ContentError(file, [{ field: 'slug', message: 'cannot be derived from the file name; set it' }]);
  const rendered = await renderPostMarkdown(parsed.content);
  const { year, month } = calendarDateInZone(front.date, options.timeZone);
  const address = postPath({ date: front.date, slug }, options.timeZone);
  return {
    id: front.id ?? slug,
    slug,
    title: front.title,
    date: front.date,
    year,
    month,
    author: front.author ?? options.defaultAuthor,
    labels: front.labels,
    summary: front.summary,
    draft: front.draft,
    commentsClosed: front.comments === 'closed',
    aliases: front.aliases,
    path: address,
    html: rendered.html,
    excerptHtml: front.summary ? '' : linksAsOnPostPage(rendered.excerptHtml, address),
    description: truncate(front.summary ?? rendered.lead, 200),
    file,
  };
}

function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const space = text.lastIndexOf(' ', max - 1);
  if (space > 0) return `${text.slice(0, space)}…`;
  // No space to cut at (emoji, or a script written without spaces): cut between characters, never
  // inside one, which would leave half an emoji ("�") in the description.
  return `${Array.from(text.slice(0, max - 1))
    .filter((char) => !/^[\ud800-\udfff]$/.test(char))
    .join('')}…`;
}

/** Two posts may not claim the same id, slug or address: that would silently hide one of them. */
export function checkUnique(posts: Post[]): void {
  const seen = new Map<string, Post>();
  for (const post of posts) {
    const claims: [string, string][] = [
      [`id:${post.id}`, 'id'],
      [`path:${post.path}`, 'slug'],
      ...post.aliases.map((alias): [string, string] => [`path:${alias}`, 'aliases']),
    ];
    for (const [key, field] of claims) {
      const other = seen.get(key);
      if (other && other !== post) {
        const value = key.slice(key.indexOf(':') + 1);
        // An id the file does not set is its slug: name what the owner wrote.
        if (field === 'id' && post.id === post.slug) {
          throw new ContentError(post.file, [
            {
              field: 'slug',
              message: `"${value}" is already the id of ${other.file} (a post without an id takes its slug as one); set another slug, or an id`,
            },
          ]);
        }
        throw new ContentError(post.file, [{ field, message: `"${value}" is already used by ${other.file}` }]);
      }
      seen.set(key, post);
    }
  }
}

export function isPublished(post: Post, now: Date = new Date()): boolean {
  return !post.draft && post.date.getTime() <= now.getTime();
}

export function newestFirst(a: Post, b: Post): number {
  return b.date.getTime() - a.date.getTime() || a.slug.localeCompare(b.slug);
}

/**
 * What is odd about the content but does not stop the blog: a content folder without posts/ starts
 * a blog with no posts, which is rarely what a CONTENT_DIR was pointed there for.
 */
export function contentWarnings(dir: string = contentDir()): string[] {
  const postsDir = path.join(dir, 'posts');
  if (existsSync(postsDir)) return [];
  return [`there is no folder ${shownPath(postsDir)}, so the blog has no posts: put each post there as a .md file`];
}

export async function loadPosts(dir: string, options: ParseOptions): Promise<Post[]> {
  const postsDir = path.join(dir, 'posts');
  let names: string[];
  try {
    // ".MD" too, as a file name's slug is read (slugFromFileName): a post is not skipped for its case.
    names = readdirSync(postsDir).filter((name) => name.toLowerCase().endsWith('.md'));
  } catch (error) {
    // No posts/ yet is a blog with no posts (contentWarnings says so); a folder that cannot be read is not.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new ContentError(shownPath(postsDir), [
      { field: '', message: `cannot be read (${(error as Error).message})` },
    ]);
  }
  const posts = await Promise.all(
    names.map((name) => {
      const file = path.join(postsDir, name);
      return parsePostFile(shownPath(file), readFileSync(file, 'utf8'), options);
    }),
  );
  checkUnique(posts);
  return posts.sort(newestFirst);
}

// Content is read and rendered once per process: pages then cost a lookup, not a Markdown run.
// In development the files are re-read on every call so edits show up on reload.
let loaded: Promise<Post[]> | undefined;

/** Every post, drafts and future posts included, newest first. */
export function getAllPosts(): Promise<Post[]> {
  if (!loaded || process.env.NODE_ENV === 'development') {
    const site = getSite();
    loaded = loadPosts(contentDir(), { timeZone: site.timeZone, defaultAuthor: site.author });
  }
  return loaded;
}

/** Posts a reader may see now: not drafts, not dated in the future. Newest first. */
export async function listPublishedPosts(now: Date = new Date()): Promise<Post[]> {
  return (await getAllPosts()).filter((post) => isPublished(post, now));
}

export async function getPostByPath(pathname: string): Promise<Post | undefined> {
  return (await listPublishedPosts()).find((post) => post.path === pathname);
}

export async function getPostById(id: string): Promise<Post | undefined> {
  return (await listPublishedPosts()).find((post) => post.id === id);
}

/** The post an old address (a Blogger URL, a renamed slug) now belongs to, if any. */
export function postWithAlias(posts: Post[], pathname: string): Post | undefined {
  const address = normaliseAddress(pathname);
  return posts.find((post) => post.aliases.includes(address));
}

/** Where an old address now lives, if anywhere. */
export async function findAliasTarget(pathname: string): Promise<string | undefined> {
  return postWithAlias(await listPublishedPosts(), pathname)?.path;
}
