import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ContentError } from './errors';
import { contentDir, shownPath } from './paths';

/** The blog's public address, from baseUrl or SITE_URL: pages, feeds and links are built on it. */
const siteAddress = z
  .url({ protocol: /^https?$/, error: 'must be an http:// or https:// address, for example "https://example.com"' })
  .transform((url) => url.replace(/\/+$/, ''));

/** A required text field's words when it is missing or not text, in place of zod's own. */
function requiredText(issue: { input?: unknown }): string {
  return issue.input == null ? 'is required' : 'must be text';
}

const languageRule = 'must be a language tag such as "en" or "en-GB"';
const timeZoneRule = 'is not a known IANA time zone (for example "Europe/London")';
const postsPerPageRule = 'must be a whole number from 1 to 100';

/** Every message says what the owner should write, in place of zod's ("expected number, received string"). */
export const siteSchema = z.strictObject(
  {
    title: z.string({ error: requiredText }).trim().min(1, 'must not be empty'),
    description: z.string({ error: 'must be text' }).trim().default(''),
    author: z.string({ error: requiredText }).trim().min(1, 'must not be empty'),
    baseUrl: siteAddress,
    language: z.string({ error: languageRule }).trim().min(2, languageRule).default('en'),
    timeZone: z
      .string({ error: timeZoneRule })
      .default('UTC')
      .refine((zone) => {
        try {
          new Intl.DateTimeFormat('en-US', { timeZone: zone });
          return true;
        } catch {
          return false;
        }
      }, timeZoneRule),
    postsPerPage: z
      .number({
        // "postsPerPage": "5" is text in JSON, so the quotes are what is wrong.
        error: (issue) => (typeof issue.input === 'string' ? `${postsPerPageRule}, without quotes` : postsPerPageRule),
      })
      .int(postsPerPageRule)
      .min(1, postsPerPageRule)
      .max(100, postsPerPageRule)
      .default(10),
  },
  { error: 'must be an object of settings, such as {"title": "My blog", …}' },
);

export type Site = z.infer<typeof siteSchema>;

export function parseSite(raw: unknown, file: string): Site {
  const result = siteSchema.safeParse(raw);
  if (!result.success) {
    throw new ContentError(
      file,
      result.error.issues.map((issue) => ({
        field: issue.path.join('.'),
        // Named as a post's front matter names them.
        message: issue.code === 'unrecognized_keys' ? `unknown field(s) ${issue.keys.join(', ')}` : issue.message,
      })),
    );
  }
  return result.data;
}

let cached: Site | undefined;

/**
 * The blog's settings from content/site.json. SITE_URL overrides baseUrl so one checkout can be
 * served under another address without editing the owner's file.
 */
export function getSite(): Site {
  if (cached) return cached;
  const dir = contentDir();
  if (!existsSync(dir)) {
    throw new ContentError('CONTENT_DIR', [
      { field: '', message: `the folder ${dir} does not exist; point CONTENT_DIR at the folder holding site.json and posts/, or unset it for content/` },
    ]);
  }
  const file = path.join(dir, 'site.json');
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ContentError(shownPath(file), [
      { field: '', message: `cannot be read as JSON (${(error as Error).message})` },
    ]);
  }
  const site = parseSite(raw, shownPath(file));
  const override = process.env.SITE_URL?.trim();
  cached = override ? { ...site, baseUrl: parseSiteUrl(override) } : site;
  return cached;
}

/**
 * SITE_URL, held to baseUrl's rule: every page builds its metadata on the address, so one without
 * http:// or https:// would fail them all instead of stopping the start with its name.
 */
function parseSiteUrl(value: string): string {
  const result = siteAddress.safeParse(value);
  if (result.success) return result.data;
  throw new ContentError('SITE_URL', [
    { field: '', message: `${result.error.issues[0]?.message ?? 'is not an address'}, not "${value}"` },
  ]);
}

/**
 * What every page says about the blog in its Open Graph tags. A page that sets its own `openGraph`
 * replaces the layout's whole object, so the post page spreads this into its own. The locale is
 * Open Graph's language_TERRITORY ("en_GB" from "en-GB").
 */
export function siteOpenGraph(site: Site): { siteName: string; locale: string } {
  return { siteName: site.title, locale: site.language.replace('-', '_') };
}

const ONLY_THIS_MACHINE = new Set(['localhost', '127.0.0.1', '[::1]', '0.0.0.0']);

/**
 * What is odd about the blog's settings but does not stop it: an address only this machine can
 * open. Feeds, canonical links and the sitemap hand it to readers and search engines, and it is
 * the default, so a blog served elsewhere gives no other sign of it.
 */
export function siteWarnings(site: Site = getSite()): string[] {
  if (!ONLY_THIS_MACHINE.has(new URL(site.baseUrl).hostname)) return [];
  const from = process.env.SITE_URL?.trim() ? 'SITE_URL' : 'baseUrl in site.json';
  return [
    `the blog's address is ${site.baseUrl} (${from}), which only this machine can open: feeds, canonical links and the sitemap point there. Before publishing, set SITE_URL (or baseUrl) to the address readers use`,
  ];
}
