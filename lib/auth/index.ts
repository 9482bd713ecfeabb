import NextAuth, { type NextAuthConfig, type Profile } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import GitHub from 'next-auth/providers/github';
import Google from 'next-auth/providers/google';
import { cookies, headers } from 'next/headers';
import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { findOrCreateOAuthUser, mayUseOAuth, verifyCredentials, type Viewer } from '@/lib/users/accounts';
import { endSession, SESSION_MAX_AGE_SECONDS, sessionViewer, startSession } from '@/lib/users/sessions';
import { isDatabaseDown } from '@/lib/db/health';
import { signInSucceeded } from '@/lib/rate-limits';
import { signInSchema } from '@/lib/users/schemas';
import { oauthProviders } from './providers';
import { resolveAuthSecret } from './secret';
import { logAuthError } from './log';
import { readSessionCookie } from './session';

import { cameFrom, keptReturnPath } from './return-path';

export { safeReturnPath } from './return-path';

export type { Viewer };

export { oauthProviders };

/** Whether the provider says it verified the email: undefined when it does not say (GitHub). */
function emailVerified(profile: Profile): boolean | undefined {
  return typeof profile.email_verified === 'boolean' ? profile.email_verified : undefined;
}

function providers(): NextAuthConfig['providers'] {
  const configured = oauthProviders().map(({ id }) => (id === 'github' ? GitHub : Google));
  return [
    Credentials({
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(raw) {
        const parsed = signInSchema.safeParse(raw);
        if (!parsed.success) return null;
        const viewer = await verifyCredentials(parsed.data.email, parsed.data.password);
        if (!viewer) return null;
        await signInSucceeded(parsed.data.email);
        return { id: viewer.id, name: viewer.name, email: viewer.email };
      },
    }),
    ...configured,
  ];
}

export const { handlers, signIn, signOut } = NextAuth(() => ({
  secret: resolveAuthSecret(),
  // Behind `next start` or a reverse proxy the host comes from the request; AUTH_URL pins it instead.
  trustHost: process.env.AUTH_TRUST_HOST !== 'false',
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: '/signin', error: '/signin' },
  logger: { error: logAuthError },
  providers: providers(),
  callbacks: {
    async signIn({ account, profile }) {
      if (!account || account.provider === 'credentials') return true;
      if (!profile?.email) return '/signin?error=OAuthNoEmail';
      const allowed = await mayUseOAuth({
        provider: account.provider,
        providerAccountId: account.providerAccountId,
        email: profile.email,
        emailVerified: emailVerified(profile),
      });
      return allowed || '/signin?error=OAuthAccountNotLinked';
    },
    async jwt({ token, user, account, profile }) {
      if (account && account.provider !== 'credentials' && profile?.email) {
        const viewer = await findOrCreateOAuthUser({
          provider: account.provider,
          providerAccountId: account.providerAccountId,
          email: profile.email,
          name: typeof profile.name === 'string' ? profile.name : '',
          emailVerified: emailVerified(profile),
        });
        // Refused since signIn allowed it (the email got an account meanwhile): no session.
        if (!viewer) return null;
        token.sub = viewer.id;
      } else if (user?.id) {
        token.sub = user.id;
      } else {
        // Auth.js reading the session again (its session endpoint): a sign-in ended elsewhere ends here too.
        if (typeof token.sub !== 'string' || typeof token.sid !== 'string') return null;
        try {
          return (await sessionViewer({ userId: token.sub, sessionId: token.sid })) ? token : null;
        } catch (error) {
          // An error here makes Auth.js clear the cookie: a database outage would sign readers out.
          // The token goes back as it was instead; every request still checks the sign-in itself.
          if (await isDatabaseDown(error)) return token;
          throw error;
        }
      }
      // A new sign-in: recorded, so that signing out can end it for every copy of the cookie.
      token.sid = await startSession(token.sub);
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
  events: {
    async signOut(message) {
      // Auth.js clears the cookie in this browser; forgetting the sign-in makes any copy of it void.
      if ('token' in message && typeof message.token?.sid === 'string') await endSession(message.token.sid);
    },
  },
}));

/** Which account and which of its sign-ins this request's cookie names, unchecked (getViewer checks it). */
const readSignIn = cache(async () => readSessionCookie((await headers()).get('cookie'), resolveAuthSecret()));

/**
 * Who is reading, read fresh from the database once per request: signing out, a role change or a
 * deleted account takes effect on the next request, not when the cookie expires.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const claim = await readSignIn();
  return claim ? sessionViewer(claim) : null;
});

/**
 * The viewer and this browser's sign-in of their account, for what signs out the account's other
 * browsers but not this one (a new password).
 */
export async function getViewerSignIn(): Promise<{ viewer: Viewer; sessionId: string } | null> {
  const viewer = await getViewer();
  const claim = await readSignIn();
  return viewer && claim ? { viewer, sessionId: claim.sessionId } : null;
}

/**
 * A sign-in or registration form was refused, but the reader has signed in meanwhile, in another
 * tab: the form has nothing left to ask, so they go on to the page they set out from. Sent from the
 * action (a 303); the form's page sending them on would answer the form's POST with a 307, and the
 * browser would send the form again, to a page that has no action for it. With JavaScript the
 * masthead, kept by the router from before, is drawn again too: it still said "Sign in".
 */
export async function goOnIfSignedIn(returnTo: string): Promise<void> {
  if (!(await getViewer().catch(() => null))) return;
  refresh();
  redirect(returnTo);
}

/** This request's same-blog referrer as a path to return to (`cameFrom`), or null. */
export async function readerCameFrom(): Promise<string | null> {
  const request = await headers();
  return cameFrom(request.get('referer'), request.get('x-forwarded-host') ?? request.get('host'));
}

/**
 * The page a sign-in through Auth.js set out from, as Auth.js keeps it in its callback cookie
 * (`__Secure-` on https). A refused OAuth sign-in comes back from the provider's site, whose
 * Referer names no page here; this cookie still does.
 */
async function signInSetOutFrom(): Promise<string | null> {
  const jar = await cookies();
  return keptReturnPath(jar.get('__Secure-authjs.callback-url')?.value ?? jar.get('authjs.callback-url')?.value);
}

/**
 * For /signin and /register reached by the masthead's link, which names no page, or by Auth.js
 * sending a refused sign-in back: the address they are sent on to, naming the page the reader came
 * from (null when the address names one, or the reader came from nowhere on the blog). A form
 * sent without JavaScript and refused is drawn again from a POST to the form's own address, whose
 * Referer is the form: only the address still knows where the reader was.
 */
export async function withReturnToInAddress(
  pathname: '/signin' | '/register',
  query: Record<string, string | string[] | undefined>,
): Promise<string | null> {
  if (query.returnTo !== undefined || query.callbackUrl !== undefined) return null;
  // Sent back refused (`?error=`), the reader comes from Auth.js by way of the provider's site:
  // the Referer is at most the blog's bare address, and Auth.js's cookie knows the page.
  const came =
    query.error !== undefined ? ((await signInSetOutFrom()) ?? (await readerCameFrom())) : await readerCameFrom();
  if (!came) return null;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (typeof value === 'string') params.set(key, value);
  params.set('returnTo', came);
  return `${pathname}?${params.toString()}`;
}

export class NotAllowedError extends Error {
  constructor(
    readonly status: 401 | 403,
    message: string,
  ) {
    super(message);
    this.name = 'NotAllowedError';
  }
}

export async function requireUser(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) throw new NotAllowedError(401, 'Sign in to do that.');
  return viewer;
}

export async function requireAdmin(): Promise<Viewer> {
  const viewer = await requireUser();
  if (viewer.role !== 'admin') throw new NotAllowedError(403, 'Only the blog’s admins can do that.');
  return viewer;
}
