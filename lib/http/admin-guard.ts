import { NotAllowedError, requireAdmin, type Viewer } from '@/lib/auth';
import { MODERATION_UNAVAILABLE } from '@/lib/comments/unavailable';
import { isUnavailable, unlessDatabaseDown } from '@/lib/db/health';
import { jsonError } from './json';

/** For admin route handlers: the admin, or the 401/403 response to send instead. Never data. */
async function adminOrRefusal(): Promise<Viewer | Response> {
  try {
    return await requireAdmin();
  } catch (error) {
    if (error instanceof NotAllowedError) return jsonError(error.status, { request: error.message });
    throw error;
  }
}

/**
 * An admin route handler: `handler` runs only for an admin (others get 401/403), and while the
 * database is out of reach the answer is 503 saying so, not a 500.
 */
export function adminRoute<Context>(
  handler: (admin: Viewer, request: Request, context: Context) => Promise<Response>,
): (request: Request, context: Context) => Promise<Response> {
  return async (request, context) => {
    const answer = await unlessDatabaseDown(async () => {
      const admin = await adminOrRefusal();
      return admin instanceof Response ? admin : handler(admin, request, context);
    }, MODERATION_UNAVAILABLE);
    return isUnavailable(answer) ? jsonError(answer.status, answer.errors) : answer;
  };
}
