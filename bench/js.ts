// JavaScript on the post page, measured in Chromium: the gzip size of every script resource the page
// loads (anonymous and signed in), and whether reading and commenting work with JavaScript off.
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type Response } from '@playwright/test';
import { CHROMIUM_ARGS } from '../e2e/support/chromium';
import type { Reader } from './http';

export interface ScriptLoad {
  /** Script resources (src=…) the page loaded. */
  files: number;
  rawBytes: number;
  /** Each file gzipped (level 6) by the harness, summed: independent of what the server sends. */
  gzipBytes: number;
  /** Inline <script> elements (Next's RSC payload, JSON-LD): part of the HTML, counted apart. */
  inlineScripts: number;
  inlineBytes: number;
  urls: string[];
}

export interface JsResult {
  anonymous: ScriptLoad;
  signedIn: ScriptLoad;
  withoutJs: {
    reads: boolean;
    comments: boolean;
    /** Script files Chromium still fetched with JavaScript off (preloads); none of them ran. */
    scriptFilesFetched: number;
    problem: string | null;
  };
}

async function scriptLoad(context: BrowserContext, url: string): Promise<ScriptLoad> {
  const page = await context.newPage();
  const scripts: Response[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts.push(response);
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => {});
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const response of scripts) {
    const body = await response.body().catch(() => Buffer.alloc(0));
    rawBytes += body.length;
    gzipBytes += gzipSync(body, { level: 6 }).length;
  }
  const inline = await page.$$eval('script:not([src])', (elements) =>
    elements.map((e) => (e.textContent ?? '').length),
  );
  await page.close();
  return {
    files: scripts.length,
    rawBytes,
    gzipBytes,
    inlineScripts: inline.length,
    inlineBytes: inline.reduce((a, b) => a + b, 0),
    urls: scripts.map((response) => new URL(response.url()).pathname),
  };
}

async function signInContext(context: BrowserContext, base: string, reader: Reader): Promise<void> {
  const csrf = await context.request.get(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  await context.request.post(`${base}/api/auth/callback/credentials`, {
    form: { email: reader.email, password: reader.password, csrfToken, callbackUrl: '/' },
    maxRedirects: 0,
  });
}

/**
 * With JavaScript disabled: the post reads (title and body text are there), and a reader signs in
 * with the form and publishes a comment with the form, landing on it, as the e2e journey does.
 */
async function withoutJs(
  context: BrowserContext,
  base: string,
  postPath: string,
  reader: Reader,
): Promise<JsResult['withoutJs']> {
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  let scriptFilesFetched = 0;
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scriptFilesFetched++;
  });
  const result = { reads: false, comments: false, scriptFilesFetched: 0, problem: null as string | null };
  try {
    await page.goto(`${base}${postPath}`);
    const title = (await page.locator('h1').first().textContent())?.trim() ?? '';
    const articleText = (await page.locator('article').first().textContent()) ?? '';
    result.reads = title.length > 0 && articleText.length > 1000;
    if (!result.reads)
      throw new Error(`the post does not read without JavaScript (title "${title}", ${articleText.length} characters)`);

    await page.locator('#post-a-comment').getByRole('link', { name: 'Sign in' }).click();
    await page.getByLabel('Email').fill(reader.email);
    await page.getByLabel('Password').fill(reader.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === postPath);
    const text = `Posted without JavaScript ${Date.now()}`;
    const form = page.getByRole('form', { name: 'Your comment' });
    await form.getByRole('textbox', { name: 'Your comment' }).fill(text);
    // As a person would: the form refuses what is sent within 3 s of the page (lib/spam).
    await page.waitForTimeout(3_500);
    await form.getByRole('button', { name: 'Publish' }).click();
    await page.waitForURL(/#c\d+$/);
    const id = /#c(\d+)$/.exec(page.url())![1];
    const shown = (await page.locator(`li#c${id}`).textContent()) ?? '';
    result.comments = shown.includes(text);
    if (!result.comments) throw new Error('the new comment is not on the page after publishing');
  } catch (error) {
    result.problem = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  } finally {
    result.scriptFilesFetched = scriptFilesFetched;
    await page.close();
  }
  return result;
}

export async function measureJs(options: {
  chromiumPath: string;
  base: string;
  postPath: string;
  /** Two registered readers: one signs in by API (JS on), one with the form (JS off). */
  readers: [Reader, Reader];
}): Promise<JsResult> {
  const browser = await chromium.launch({ executablePath: options.chromiumPath, args: CHROMIUM_ARGS });
  try {
    const url = `${options.base}${options.postPath}`;
    const anonymousContext = await browser.newContext();
    const anonymous = await scriptLoad(anonymousContext, url);
    await anonymousContext.close();

    const signedInContext = await browser.newContext();
    await signInContext(signedInContext, options.base, options.readers[0]);
    const signedIn = await scriptLoad(signedInContext, url);
    await signedInContext.close();

    const noJsContext = await browser.newContext({ javaScriptEnabled: false });
    const noJs = await withoutJs(noJsContext, options.base, options.postPath, options.readers[1]);
    await noJsContext.close();
    return { anonymous, signedIn, withoutJs: noJs };
  } finally {
    await browser.close();
  }
}
