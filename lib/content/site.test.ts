import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ContentError } from './errors';
import {
  labelParamSchema,
  monthParamSchema,
  pageParamSchema,
  yearParamSchema,
} from './route-params';
import { parseSite, siteOpenGraph, siteWarnings } from './site';

const FILE = 'content/site.json';

function buildSiteJson(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { title: 'Quire', author: 'Quire', baseUrl: 'https://example.com', ...overrides };
}

function siteError(raw: unknown): ContentError {
  try {
    parseSite(raw, FILE);
  } catch (error) {
    expect(error).toBeInstanceOf(ContentError);
    return error as ContentError;
  }
  return expect.unreachable('parseSite accepted the settings');
}

describe('parseSite', () => {
  it('fills in defaults and drops trailing slashes from baseUrl', () => {
    expect(parseSite(buildSiteJson({ baseUrl: 'https://example.com/' }), FILE)).toEqual({
      title: 'Quire',
      description: '',
      author: 'Quire',
      baseUrl: 'https://example.com',
      language: 'en',
      timeZone: 'UTC',
      postsPerPage: 10,
    });
  });

  it('reads the real content/site.json', () => {
    const file = path.resolve(import.meta.dirname, '../../content/site.json');
    const site = parseSite(JSON.parse(readFileSync(file, 'utf8')), FILE);
    expect(site.timeZone).toBe('Asia/Hong_Kong');
    expect(site.baseUrl).not.toMatch(/\/$/);
  });

  it.each(['Mars/Olympus_Mons', 'Hong Kong', ''])('rejects the time zone %j, naming the file and field', (timeZone) => {
    const error = siteError(buildSiteJson({ timeZone }));
    expect(error.file).toBe(FILE);
    expect(error.problems.map((p) => p.field)).toEqual(['timeZone']);
    expect(error.message).toBe(`${FILE}: "timeZone": is not a known IANA time zone (for example "Europe/London")`);
  });

  it.each(['example.com', 'localhost:3000', 'ftp://example.com', 'javascript:alert(1)', '', 42])(
    'rejects the baseUrl %j, naming the file and field',
    (baseUrl) => {
      const error = siteError(buildSiteJson({ baseUrl }));
      expect(error.problems.map((p) => p.field)).toEqual(['baseUrl']);
      expect(error.message).toMatch(/^content\/site\.json: "baseUrl": /);
    },
  );

  it('accepts http and https base URLs, with or without a port', () => {
    expect(parseSite(buildSiteJson({ baseUrl: 'http://127.0.0.1:3000' }), FILE).baseUrl).toBe('http://127.0.0.1:3000');
    expect(parseSite(buildSiteJson({ baseUrl: 'https://blog.example.com//' }), FILE).baseUrl).toBe(
      'https://blog.example.com',
    );
  });

  describe('says in plain words what is wrong, naming the file and the field', () => {
    const wholeNumber = 'must be a whole number from 1 to 100';
    it.each([
      ['a missing title', { title: undefined }, 'title', 'is required'],
      ['a title that is not text', { title: 42 }, 'title', 'must be text'],
      ['a missing author', { author: undefined }, 'author', 'is required'],
      ['a null author', { author: null }, 'author', 'is required'],
      ['an empty author', { author: '  ' }, 'author', 'must not be empty'],
      ['a description that is not text', { description: ['One', 'Two'] }, 'description', 'must be text'],
      ['a language of one letter', { language: 'e' }, 'language', 'must be a language tag such as "en" or "en-GB"'],
      ['a language that is not text', { language: 7 }, 'language', 'must be a language tag such as "en" or "en-GB"'],
      [
        'a time zone that is not text',
        { timeZone: 8 },
        'timeZone',
        'is not a known IANA time zone (for example "Europe/London")',
      ],
      ['postsPerPage in quotes', { postsPerPage: '5' }, 'postsPerPage', `${wholeNumber}, without quotes`],
      ['postsPerPage of 0', { postsPerPage: 0 }, 'postsPerPage', wholeNumber],
      ['postsPerPage over 100', { postsPerPage: 101 }, 'postsPerPage', wholeNumber],
      ['postsPerPage with a fraction', { postsPerPage: 2.5 }, 'postsPerPage', wholeNumber],
      ['an unknown field', { theme: 'dark', colour: 'red' }, '', 'unknown field(s) theme, colour'],
    ] as const)('%s', (_case, fields, field, problem) => {
      const error = siteError(buildSiteJson(fields));
      expect(error.file).toBe(FILE);
      expect(error.problems.map((p) => p.field)).toEqual([field]);
      expect(error.message).toBe(field === '' ? `${FILE}: ${problem}` : `${FILE}: "${field}": ${problem}`);
    });

    it('a file that is not an object of settings', () => {
      expect(siteError(['Quire']).message).toBe(
        `${FILE}: must be an object of settings, such as {"title": "My blog", …}`,
      );
    });
  });

  it('reports every bad field at once', () => {
    const error = siteError({ baseUrl: 'https://example.com', postsPerPage: 0, theme: 'dark' });
    const fields = error.problems.map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['title', 'author', 'postsPerPage']));
    expect(error.message).toContain('theme');
    expect(error.message.split('\n').every((line) => line.startsWith(`${FILE}: `))).toBe(true);
  });
});

describe('getSite', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  /** getSite as a fresh server process runs it: the settings are read once per process. */
  async function freshGetSite() {
    vi.stubEnv('CONTENT_DIR', path.resolve(import.meta.dirname, '../../content'));
    vi.resetModules();
    return (await import('./site')).getSite;
  }

  it('puts SITE_URL in place of baseUrl, without its trailing slashes', async () => {
    vi.stubEnv('SITE_URL', ' https://blog.example.com/ ');
    expect((await freshGetSite())().baseUrl).toBe('https://blog.example.com');
  });

  it.each(['blog.example.com', 'localhost:3000', 'ftp://blog.example.com'])(
    'refuses the SITE_URL %j, naming it and what is wrong',
    async (siteUrl) => {
      vi.stubEnv('SITE_URL', siteUrl);
      const getSite = await freshGetSite();
      let error: unknown;
      try {
        getSite();
      } catch (thrown) {
        error = thrown;
      }
      // A fresh module has its own ContentError class, so the error is judged by its name.
      expect((error as Error | undefined)?.name).toBe('ContentError');
      expect((error as Error).message).toBe(
        `SITE_URL: must be an http:// or https:// address, for example "https://example.com", not "${siteUrl}"`,
      );
    },
  );

  it('names CONTENT_DIR when its folder does not exist, rather than a site.json nobody wrote', async () => {
    const missing = path.resolve(import.meta.dirname, '../../no-such-content-folder');
    vi.stubEnv('CONTENT_DIR', missing);
    vi.resetModules();
    const { getSite } = await import('./site');
    expect(() => getSite()).toThrow(
      `CONTENT_DIR: the folder ${missing} does not exist; point CONTENT_DIR at the folder holding site.json and posts/, or unset it for content/`,
    );
  });
});

describe('siteWarnings', () => {
  const site = (baseUrl: string) => parseSite(buildSiteJson({ baseUrl }), FILE);

  it('names an address only this machine can open, and where it comes from', () => {
    for (const baseUrl of ['http://localhost:3000', 'http://127.0.0.1:3100', 'http://[::1]:3000']) {
      expect(siteWarnings(site(baseUrl))).toEqual([
        `the blog's address is ${baseUrl} (baseUrl in site.json), which only this machine can open: feeds, canonical links and the sitemap point there. Before publishing, set SITE_URL (or baseUrl) to the address readers use`,
      ]);
    }
  });

  it('says nothing of an address readers can reach', () => {
    expect(siteWarnings(site('https://blog.example.com'))).toEqual([]);
    expect(siteWarnings(site('http://192.168.1.20:3000'))).toEqual([]);
  });
});

describe('route params', () => {
  it('reads years, months and pages only as the blog spells them', () => {
    expect(yearParamSchema.parse('2016')).toBe(2016);
    expect(yearParamSchema.safeParse('16').success).toBe(false);
    expect(monthParamSchema.parse('09')).toBe(9);
    expect(monthParamSchema.parse('12')).toBe(12);
    for (const month of ['9', '00', '13', '1a']) expect(monthParamSchema.safeParse(month).success).toBe(false);
    expect(pageParamSchema.parse('2')).toBe(2);
    for (const page of ['0', '02', '-1', '1.5', '1234567']) expect(pageParamSchema.safeParse(page).success).toBe(false);
  });

  it('decodes labels and rejects malformed or empty ones', () => {
    expect(labelParamSchema.parse('G20%20summit')).toBe('G20 summit');
    expect(labelParamSchema.parse('%E4%B8%AD%E5%9B%BD')).toBe('中国');
    expect(labelParamSchema.safeParse('%E4%B8').success).toBe(false);
    expect(labelParamSchema.safeParse('%20').success).toBe(false);
  });
});

describe('siteOpenGraph', () => {
  it('names the blog and gives its language as an Open Graph locale', () => {
    const site = parseSite({ title: 'Quire', author: 'A', baseUrl: 'https://example.com', language: 'en-GB' }, 'site.json');
    expect(siteOpenGraph(site)).toEqual({ siteName: 'Quire', locale: 'en_GB' });
    expect(siteOpenGraph({ ...site, language: 'ru' }).locale).toBe('ru');
  });
});
