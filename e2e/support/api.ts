// Talking to a Quire blog over HTTP, as the README's API table describes it: registering readers,
// signing them in through Auth.js's own endpoints, and writing comments without a browser.
import { randomUUID } from 'node:crypto';
import { expect, type APIRequestContext, type APIResponse, type Page } from '@playwright/test';
import { SEED_POST } from './blog';

export interface TestUser {
  id: string;
  email: string;
  name: string;
  password: string;
}

export interface ApiComment {
  id: number;
  postId: string;
  parentId: number | null;
  status: string;
  authorName: string;
  html: string;
  createdAt: string;
  editedAt: string | null;
}

/** A short random token: databases live for the whole run, so every email and comment text is unique. */
export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${randomUUID().slice(0, 6)}`;
}

/** Words no other test writes, so a comment can be found by its text. */
export function uniqueText(label: string): string {
  return `${label} ${uniqueSuffix()}`;
}

/** Fields for a new account; nothing is sent. */
export function newUserFields(label = 'reader'): Omit<TestUser, 'id'> {
  const suffix = uniqueSuffix();
  return {
    email: `e2e-${label}-${suffix}@example.com`,
    name: `${label[0]?.toUpperCase() ?? 'R'}${label.slice(1)} ${suffix.slice(-6)}`,
    password: `pw-${suffix}-long-enough`,
  };
}

/** `POST /api/users`: a new reader account, checked to answer 201 {id}. */
export async function registerUser(request: APIRequestContext, label = 'reader'): Promise<TestUser> {
  const fields = newUserFields(label);
  const response = await request.post('/api/users', { data: fields });
  expect(response.status(), `POST /api/users: ${await response.text()}`).toBe(201);
  const { id } = (await response.json()) as { id: string };
  expect(id).toBeTruthy();
  return { ...fields, id };
}

/**
 * Auth.js sign-in without the form: `GET /api/auth/csrf`, then the credentials callback. Use
 * `page.request` or `context.request` so the session cookie lands in that browser context.
 */
export async function signInWithApi(
  request: APIRequestContext,
  user: Pick<TestUser, 'email' | 'password'>,
): Promise<void> {
  const csrf = await request.get('/api/auth/csrf');
  expect(csrf.status()).toBe(200);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await request.post('/api/auth/callback/credentials', {
    form: { email: user.email, password: user.password, csrfToken, callbackUrl: '/' },
    maxRedirects: 0,
  });
  expect([200, 302, 303], `credentials callback answered ${response.status()}`).toContain(response.status());
  expect(response.headers().location ?? '', 'a failed sign-in redirects with ?error=').not.toContain('error=');
  const session = (await (await request.get('/api/auth/session')).json()) as { user?: { email?: string } } | null;
  expect(session?.user?.email, 'the session names the signed-in reader').toBe(user.email);
}

/** Signing in as a reader does: the sign-in page's form, from its address. */
export async function signInWithForm(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/signin');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export function commentsUrl(postId: string = SEED_POST.id): string {
  return `/api/posts/${encodeURIComponent(postId)}/comments`;
}

/** `POST /api/posts/{id}/comments`, answer unchecked. */
export function sendComment(
  request: APIRequestContext,
  data: Record<string, unknown>,
  postId: string = SEED_POST.id,
): Promise<APIResponse> {
  return request.post(commentsUrl(postId), { data });
}

/** A published comment (or reply, with `parentId`) by whoever `request` is signed in as. */
export async function postComment(
  request: APIRequestContext,
  body: string,
  options: { parentId?: number; postId?: string } = {},
): Promise<ApiComment> {
  const response = await sendComment(
    request,
    { body, ...(options.parentId === undefined ? {} : { parentId: options.parentId }) },
    options.postId,
  );
  expect(response.status(), `POST comment: ${await response.text()}`).toBe(201);
  const { comment } = (await response.json()) as { comment: ApiComment };
  expect(comment.status).toBe('published');
  return comment;
}

/**
 * `count` published top-level comments, one after another ("Label 1", "Label 2"… made unique), as
 * tests fill a thread past its first page.
 */
export async function postComments(request: APIRequestContext, count: number, label: string): Promise<ApiComment[]> {
  const written: ApiComment[] = [];
  for (let i = 1; i <= count; i += 1) written.push(await postComment(request, uniqueText(`${label} ${i}`)));
  return written;
}

/** `GET /api/posts/{id}/comments` total: the published count the post page shows too. */
export async function publishedTotal(request: APIRequestContext, postId: string = SEED_POST.id): Promise<number> {
  const response = await request.get(`${commentsUrl(postId)}?limit=1`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { total: number }).total;
}
