import { NotAllowedError, requireAdmin, type Viewer } from '@/lib/auth';
import { jsonError } from './json';

/** For admin route handlers: the admin, or the 401/403 response to send instead. Never data. */
export async function adminOrRefusal(): Promise<Viewer | Response> {
  try {
    return await requireAdmin();
  } catch (error) {
    if (error instanceof NotAllowedError) return jsonError(error.status, { request: error.message });
    throw error;
  }
}
