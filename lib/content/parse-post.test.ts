import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ContentError } from './errors';
import { shownPath } from './paths';
import { contentWarnings, loadPosts, parsePostFile, postWithAlias, type ParseOptions } from './posts';

const FILE = 'content/posts/2016-09-04-from-russia-with-love.md';
const OPTIONS: ParseOptions = { timeZone: 'Asia/Hong_Kong', defaultAuthor: 'Site Owner' };
const BODY = 'First paragraph with **bold**.\n\nSecond paragraph.\n\nThird paragraph.\n';

/**
 * A post file: front matter from `fields` (raw YAML values; `undefined` leaves a field out) over a
 * minimal valid post, then `body`.
 */
function postSource(fields: Record<string, string | undefined> = {}, body = BODY): string {
  const lines = Object.entries({ title: 'From Russia with love', date: '2016-09-04', ...fields })
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, value]) => `${key}: ${value}`);
  return `---\n${lines.join('\n')}\n---\n\n${body}`;
}

async function parseError(source: string, file = FILE): Promise<ContentError> {
  try {
    await parsePostFile(file, source, OPTIONS);
  } catch (error) {
    expect(error).toBeInstanceOf(ContentError);
    return error as ContentError;
  }
  return expect.unreachable('parsePostFile accepted the post');
}

describe('parsePostFile', () => {
  it('reads every front-matter field', async () => {
    const post = await parsePostFile(
      FILE,
      postSource({
        title: '"From Russia with love: Moscow and Beijing pledge closer support"',
        date: '2016-09-04T22:15:00+08:00',
        slug: 'moscow-and-beijing',
        id: 'blogger.7301',
        author: 'Wang Xianju',
        labels: '[China, Russia, G20 summit]',
        summary: 'Xi and Putin pledge closer coordination.',
        draft: 'true',
        comments: 'closed',
        aliases: '[/2016/09/from-russia-with-love-moscow-and.html, /old-address]',
      }),
      OPTIONS,
    );
    expect(post).toMatchObject({
      id: 'blogger.7301',
      slug: 'moscow-and-beijing',
      title: 'From Russia with love: Moscow and Beijing pledge closer support',
      year: 2016,
      month: 9,
      author: 'Wang Xianju',
      labels: ['China', 'Russia', 'G20 summit'],
      summary: 'Xi and Putin pledge closer coordination.',
      draft: true,
      commentsClosed: true,
      aliases: ['/2016/09/from-russia-with-love-moscow-and.html', '/old-address'],
      path: '/2016/09/moscow-and-beijing',
      description: 'Xi and Putin pledge closer coordination.',
      excerptHtml: '',
      file: FILE,
    });
    expect(post.date.toISOString()).toBe('2016-09-04T14:15:00.000Z');
    expect(post.html).toBe(
      '<p>First paragraph with <strong>bold</strong>.</p>\n<p>Second paragraph.</p>\n<p>Third paragraph.</p>',
    );
  });

  it('defaults the slug from the file name, the id from the slug, and the rest sensibly', async () => {
    const post = await parsePostFile(FILE, postSource(), OPTIONS);
    expect(post).toMatchObject({
      id: 'from-russia-with-love',
      slug: 'from-russia-with-love',
      title: 'From Russia with love',
      author: 'Site Owner',
      labels: [],
      summary: undefined,
      draft: false,
      commentsClosed: false,
      aliases: [],
      path: '/2016/09/from-russia-with-love',
      excerptHtml: '<p>First paragraph with <strong>bold</strong>.</p><p>Second paragraph.</p>',
      description: 'First paragraph with bold.',
    });
  });

  it('takes the id from an explicit slug, and a file name without a date as it is', async () => {
    const post = await parsePostFile('content/posts/Putin in Hangzhou.md', postSource(), OPTIONS);
    expect([post.slug, post.id, post.path]).toEqual([
      'putin-in-hangzhou',
      'putin-in-hangzhou',
      '/2016/09/putin-in-hangzhou',
    ]);
    const renamed = await parsePostFile(FILE, postSource({ slug: 'xi-and-putin' }), OPTIONS);
    expect([renamed.slug, renamed.id]).toEqual(['xi-and-putin', 'xi-and-putin']);
  });

  it('reads comments: open as open, and trims the title', async () => {
    const post = await parsePostFile(FILE, postSource({ comments: 'open', title: '"  Spaced  "' }), OPTIONS);
    expect(post.commentsClosed).toBe(false);
    expect(post.title).toBe('Spaced');
  });

  it('cuts a long first paragraph to at most 200 characters at a word for the description', async () => {
    const words = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
    const post = await parsePostFile(FILE, postSource({}, `${words}\n`), OPTIONS);
    expect(post.description.length).toBeLessThanOrEqual(200);
    expect(post.description).toMatch(/^word0 word1 .* word\d+…$/);
    expect(words.startsWith(post.description.slice(0, -1))).toBe(true);
  });

  it('reads a time with an offset as that instant, and a label given twice as one', async () => {
    const post = await parsePostFile(
      FILE,
      postSource({ date: '"2016-09-04T10:05+02:00"', labels: '[China, china, Russia, China]' }),
      OPTIONS,
    );
    expect(post.date.toISOString()).toBe('2016-09-04T08:05:00.000Z');
    expect(post.labels).toEqual(['China', 'Russia']);
  });

  it('cuts a description with no space to cut at between characters, never inside an emoji', async () => {
    const post = await parsePostFile(FILE, postSource({}, `${'😀'.repeat(150)}\n`), OPTIONS);
    expect(post.description.endsWith('…')).toBe(true);
    expect(post.description).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
    expect(post.description.length).toBeLessThanOrEqual(200);
  });

  it('keeps the excerpt’s links leading where they lead on the post page, wherever the excerpt is shown', async () => {
    const body =
      'See [the route](#h-the-route), [the map](map.png), [home](/about) and [elsewhere](https://example.org/x).\n';
    const post = await parsePostFile(FILE, postSource({}, body), OPTIONS);
    expect(post.excerptHtml).toContain(`href="${post.path}#h-the-route"`);
    expect(post.excerptHtml).toContain('href="/2016/09/map.png"');
    expect(post.excerptHtml).toContain('href="/about"');
    expect(post.excerptHtml).toContain('href="https://example.org/x"');
    // The post page itself keeps them as written.
    expect(post.html).toContain('href="#h-the-route"');
  });

  it('accepts a post with no body', async () => {
    const post = await parsePostFile(FILE, postSource({}, ''), OPTIONS);
    expect([post.html, post.excerptHtml, post.description]).toEqual(['', '', '']);
  });

  describe('rejects bad front matter with a message naming the file, the field and the problem', () => {
    it.each([
      ['a missing title', { title: undefined }, 'title', 'is required'],
      ['an empty title', { title: '"  "' }, 'title', 'must not be empty'],
      ['a title that is not text', { title: '[From, Russia]' }, 'title', 'must be text'],
      ['a missing date', { date: undefined }, 'date', 'is required (for example 2016-09-04)'],
      ['an empty date', { date: '' }, 'date', 'is required (for example 2016-09-04)'],
      [
        'an unparseable date',
        { date: 'next tuesday' },
        'date',
        '"next tuesday" is not a date (use YYYY-MM-DD, or YYYY-MM-DD HH:MM with an optional Z or offset such as +02:00)',
      ],
      ['a day that does not exist', { date: '2016-02-30' }, 'date', '"2016-02-30" is not a date (use YYYY-MM-DD'],
      ['an hour that does not exist', { date: '2016-09-04 25:00' }, 'date', 'is not a date'],
      // An offset names an instant only with a time; these crashed the start with no file named.
      ['an offset without a time', { date: '2016-09-04Z' }, 'date', '"2016-09-04Z" is not a date'],
      ['an offset of 25 hours', { date: '"2016-09-04T10:00+25:00"' }, 'date', 'is not a date'],
      ['an offset of 99 minutes', { date: '"2016-09-04T10:00+05:99"' }, 'date', 'is not a date'],
      ['a label "."', { labels: '[China, "."]' }, 'labels.1', 'must not be "." or ".."'],
      ['a label ".."', { labels: '[".."]' }, 'labels.0', 'must not be "." or ".."'],
      ['a label with "<"', { labels: '["C<3"]' }, 'labels.0', 'must not contain "<"'],
      ['a date that is not text or a date', { date: '20160904' }, 'date', 'must be a date such as 2016-09-04'],
      [
        'a slug with capitals and spaces',
        { slug: 'From Russia' },
        'slug',
        'must be lower-case letters, digits and single hyphens',
      ],
      ['a slug with a double hyphen', { slug: 'from--russia' }, 'slug', 'must be lower-case letters'],
      [
        'an alias without a leading slash',
        { aliases: '[2016/09/old.html]' },
        'aliases.0',
        'must be site paths starting with "/"',
      ],
      ['an alias with a query', { aliases: '[/ok, "/old.html?m=1"]' }, 'aliases.1', 'no query or fragment'],
      ['labels given as text', { labels: 'China' }, 'labels', 'must be a list, for example [China, Russia]'],
      ['labels left empty', { labels: '' }, 'labels', 'must be a list, for example [China, Russia]'],
      ['a label that is not text', { labels: '[China, 20]' }, 'labels.1', 'must be text'],
      ['an empty label', { labels: '[China, ""]' }, 'labels.1', 'must not contain empty labels'],
      ['draft as "yes"', { draft: 'yes' }, 'draft', 'must be true or false'],
      ['draft as a quoted "true"', { draft: '"true"' }, 'draft', 'must be true or false, without quotes'],
      ['comments neither open nor closed', { comments: 'maybe' }, 'comments', 'must be open or closed'],
      ['comments as a boolean', { comments: 'false' }, 'comments', 'must be open or closed'],
      ['an id with a space', { id: '"blogger 7301"' }, 'id', 'must be 1–100 letters, digits, ".", "_" or "-"'],
      ['an empty author', { author: '""' }, 'author', 'must not be empty'],
      ['an author left empty', { author: '' }, 'author', 'is empty; give it a value or leave the field out'],
      ['an author that is not text', { author: '[Jane, John]' }, 'author', 'must be text'],
      ['a slug that is not text', { slug: '2016' }, 'slug', 'must be text'],
      ['an id left empty', { id: '' }, 'id', 'is empty; give it a value or leave the field out'],
      ['a summary that is not text', { summary: '{short: yes}' }, 'summary', 'must be text'],
      ['aliases given as one path', { aliases: '/old.html' }, 'aliases', 'must be a list of site paths'],
      ['an alias that is not text', { aliases: '[42]' }, 'aliases.0', 'must be site paths starting with "/"'],
      ['an unknown field', { tags: '[China]' }, 'front matter', 'unknown field(s) tags'],
      ['broken YAML', { title: '[From Russia' }, 'front matter', 'is not valid YAML'],
    ] as const)('%s', async (_case, fields, field, problem) => {
      const error = await parseError(postSource(fields));
      expect(error.file).toBe(FILE);
      expect(error.problems.map((p) => p.field)).toEqual([field]);
      expect(error.message.startsWith(`${FILE}: "${field}": `)).toBe(true);
      expect(error.message).toContain(problem);
    });

    it('lists every bad field, one line each', async () => {
      const error = await parseError(postSource({ title: undefined, slug: 'Bad Slug', draft: 'maybe', extra: '1' }));
      expect(error.problems.map((p) => p.field).sort()).toEqual(['draft', 'front matter', 'slug', 'title']);
      const lines = error.message.split('\n');
      expect(lines).toHaveLength(4);
      expect(lines.every((line) => line.startsWith(`${FILE}: "`))).toBe(true);
      expect(error.message).toContain('unknown field(s) extra');
    });

    it('asks for a slug when the file name yields none', async () => {
      const file = 'content/posts/2016-09-04-.md';
      const error = await parseError(postSource(), file);
      expect(error.message).toBe(`${file}: "slug": cannot be derived from the file name; set it`);
    });

    it('reports a file without front matter as missing its title and date', async () => {
      const error = await parseError('Just a paragraph.\n');
      expect(error.problems.map((p) => p.field).sort()).toEqual(['date', 'title']);
    });
  });
});

describe('loadPosts', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  function contentDirWith(files: Record<string, string>): string {
    dir = mkdtempSync(path.join(tmpdir(), 'quire-content-'));
    mkdirSync(path.join(dir, 'posts'));
    for (const [name, source] of Object.entries(files)) writeFileSync(path.join(dir, 'posts', name), source);
    return dir;
  }

  it('reads every .md file under posts/, drafts included, newest first', async () => {
    const root = contentDirWith({
      '2016-09-04-older.md': postSource({ date: '2016-09-04' }),
      '2016-10-01-newer.md': postSource({ date: '2016-10-01', draft: 'true' }),
      'notes.txt': 'not a post',
    });
    const posts = await loadPosts(root, OPTIONS);
    expect(posts.map((p) => p.slug)).toEqual(['newer', 'older']);
    expect(posts[0]?.draft).toBe(true);
    expect(posts[1]?.file).toBe(path.join(root, 'posts', '2016-09-04-older.md'));
  });

  it('reads a post whose file name ends in .MD, as its slug is read', async () => {
    const root = contentDirWith({
      '2016-09-04-a.md': postSource({ date: '2016-09-04' }),
      '2016-09-05-b.MD': postSource({ date: '2016-09-05' }),
    });
    expect((await loadPosts(root, OPTIONS)).map((p) => p.slug)).toEqual(['b', 'a']);
  });

  it('refuses two posts with the same address', async () => {
    const root = contentDirWith({
      '2016-09-04-a.md': postSource({ slug: 'same' }),
      '2016-09-05-b.md': postSource({ slug: 'same', id: 'other-id' }),
    });
    await expect(loadPosts(root, OPTIONS)).rejects.toThrow(ContentError);
  });

  it('names the bad file when one post is invalid', async () => {
    const root = contentDirWith({ '2016-09-04-a.md': postSource(), '2016-09-05-b.md': postSource({ draft: 'yes' }) });
    await expect(loadPosts(root, OPTIONS)).rejects.toThrow(/2016-09-05-b\.md: "draft": /);
  });

  it('finds no posts when there is no posts directory, and warns that the blog has none', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'quire-content-'));
    expect(await loadPosts(dir, OPTIONS)).toEqual([]);
    // Outside the app, the folder is named as the owner wrote it: absolute, not as ../../tmp/….
    expect(contentWarnings(dir)).toEqual([
      `there is no folder ${path.join(dir, 'posts')}, so the blog has no posts: put each post there as a .md file`,
    ]);
    expect(contentWarnings(contentDirWith({}))).toEqual([]);
  });

  it('names a posts folder that cannot be read rather than showing no posts', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'quire-content-'));
    writeFileSync(path.join(dir, 'posts'), 'a file where the folder should be');
    await expect(loadPosts(dir, OPTIONS)).rejects.toThrow(`${path.join(dir, 'posts')}: cannot be read (ENOTDIR`);
  });

  it('names a post outside the app by its absolute path, and one inside by its path from the app', async () => {
    const root = contentDirWith({ '2016-09-05-b.md': postSource({ draft: 'yes' }) });
    await expect(loadPosts(root, OPTIONS)).rejects.toThrow(`${path.join(root, 'posts', '2016-09-05-b.md')}: "draft": `);
    expect(shownPath(path.resolve('content/site.json'))).toBe(path.join('content', 'site.json'));
  });
});

describe('post dates with a time', () => {
  it('reads a time without a zone in the site time zone, and one with an offset as that instant', async () => {
    const local = await parsePostFile(FILE, postSource({ date: '2016-09-04 22:15' }), OPTIONS);
    expect(local.date.toISOString()).toBe('2016-09-04T14:15:00.000Z');
    const offset = await parsePostFile(FILE, postSource({ date: '2016-09-04T22:15:00+02:00' }), OPTIONS);
    expect(offset.date.toISOString()).toBe('2016-09-04T20:15:00.000Z');
    const utc = await parsePostFile(FILE, postSource({ date: '2016-09-04T00:00:00Z' }), OPTIONS);
    expect(utc.date.toISOString()).toBe('2016-09-04T00:00:00.000Z');
  });
});

describe('postWithAlias', () => {
  async function postWithAliases(aliases: string) {
    return parsePostFile(FILE, postSource({ aliases }), OPTIONS);
  }

  it('matches an alias written with a trailing slash, as the server asks for it without one', async () => {
    const post = await postWithAliases('[/2016/09/04/old-slug/]');
    expect(post.aliases).toEqual(['/2016/09/04/old-slug']);
    expect(postWithAlias([post], '/2016/09/04/old-slug')).toBe(post);
  });

  it('matches "+" and "&" whether the address spells them encoded or not', async () => {
    const post = await postWithAliases('["/old/c++-notes.html", "/old/q&a.html"]');
    for (const address of ['/old/c%2B%2B-notes.html', '/old/c++-notes.html', '/old/q%26a.html', '/old/q&a.html']) {
      expect(postWithAlias([post], address)).toBe(post);
    }
    const encoded = await postWithAliases('["/old/c%2B%2B-notes.html"]');
    expect(postWithAlias([encoded], '/old/c++-notes.html')).toBe(encoded);
  });

  it('matches other characters encoded in the address, and survives a stray "%"', async () => {
    const post = await postWithAliases('["/2016/09/café-déjà.html", "/old/100%-sure"]');
    expect(postWithAlias([post], '/2016/09/caf%C3%A9-d%C3%A9j%C3%A0.html')).toBe(post);
    expect(postWithAlias([post], '/old/100%-sure')).toBe(post);
  });

  it('finds nothing for an address no post claims', async () => {
    const post = await postWithAliases('[/old-address]');
    expect(postWithAlias([post], '/old-address-2')).toBeUndefined();
    expect(postWithAlias([post], '/old')).toBeUndefined();
  });
});
