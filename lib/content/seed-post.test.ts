import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { formatDateHeader } from './dates';
import { findAliasTarget, getPostById, getPostByPath, listPublishedPosts, parsePostFile, type Post } from './posts';

const CONTENT = path.resolve(import.meta.dirname, '../../content');
const FILE = 'content/posts/2016-09-04-from-russia-with-love.md';
const TIME_ZONE = 'Asia/Hong_Kong';

describe('the seed post', () => {
  let post: Post;
  beforeAll(async () => {
    const source = readFileSync(path.join(CONTENT, 'posts', '2016-09-04-from-russia-with-love.md'), 'utf8');
    post = await parsePostFile(FILE, source, { timeZone: TIME_ZONE, defaultAuthor: 'Quire' });
  });

  it('has its front matter', () => {
    expect(post).toMatchObject({
      id: 'from-russia-with-love',
      slug: 'from-russia-with-love',
      title: 'From Russia with love: Moscow and Beijing pledge closer support amid tensions with West',
      year: 2016,
      month: 9,
      author: 'Quire',
      labels: ['China', 'Russia', 'G20'],
      summary: undefined,
      draft: false,
      commentsClosed: false,
      aliases: ['/2016/09/from-russia-with-love-moscow-and.html'],
      path: '/2016/09/from-russia-with-love',
    });
  });

  it('is dated midnight, Sunday 4 September 2016, in Hong Kong', () => {
    expect(post.date.toISOString()).toBe('2016-09-03T16:00:00.000Z');
    expect(formatDateHeader(post.date, TIME_ZONE)).toBe('Sunday, September 4, 2016');
  });

  it('renders twelve blocks of text: ten paragraphs, and a pull quote with its attribution', () => {
    const paragraphs = post.html.match(/<p>/g) ?? [];
    const captions = post.html.match(/<figcaption>/g) ?? [];
    expect(paragraphs.length + captions.length).toBe(12);
    expect(post.html.match(/<figure class="pull-quote">/g)).toHaveLength(1);
    expect(post.html).toContain(
      '<figure class="pull-quote"><blockquote>\n<p>Russia is not happy about the current world order</p>\n\n</blockquote>' +
        '<figcaption>Wang Xianju, State Council’s Development Research Centre</figcaption></figure>',
    );
    expect(post.html.startsWith('<p>President Xi Jinping and his Russian counterpart')).toBe(true);
    expect(post.html).toContain('THAAD [US missile defence system in South Korea].”</p>');
  });

  it('has an excerpt of the first two paragraphs and a description cut from the first', () => {
    expect(post.excerptHtml.match(/<p>/g)).toHaveLength(2);
    expect(post.excerptHtml).toMatch(/^<p>President Xi Jinping.*<\/p><p>Xi also called for greater coordination.*<\/p>$/s);
    expect(post.description.startsWith('President Xi Jinping and his Russian counterpart, Vladimir Putin')).toBe(true);
    expect(post.description.length).toBeLessThanOrEqual(200);
    expect(post.description.endsWith('…')).toBe(true);
  });
});

describe('the seed content, loaded as the site loads it', () => {
  beforeAll(() => {
    vi.stubEnv('CONTENT_DIR', CONTENT);
    vi.stubEnv('SITE_URL', '');
  });
  afterAll(() => {
    vi.unstubAllEnvs();
  });

  it('publishes the post at its address and id', async () => {
    const posts = await listPublishedPosts();
    expect(posts.map((p) => p.path)).toContain('/2016/09/from-russia-with-love');
    expect((await getPostByPath('/2016/09/from-russia-with-love'))?.id).toBe('from-russia-with-love');
    expect((await getPostById('from-russia-with-love'))?.path).toBe('/2016/09/from-russia-with-love');
    expect(await getPostByPath('/2016/9/from-russia-with-love')).toBeUndefined();
  });

  it('sends the old Blogger address to the post', async () => {
    expect(await findAliasTarget('/2016/09/from-russia-with-love-moscow-and.html')).toBe(
      '/2016/09/from-russia-with-love',
    );
    expect(await findAliasTarget('/2016/09/no-such-post.html')).toBeUndefined();
  });

  it('hides the post before its date', async () => {
    const before = await listPublishedPosts(new Date('2016-09-03T15:59:59Z'));
    expect(before.map((p) => p.slug)).not.toContain('from-russia-with-love');
  });
});
