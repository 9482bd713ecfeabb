import { z } from 'zod';
import { limitPreviewing, rateLimitMessage } from '@/lib/rate-limits';
import type { CommentFormState } from './form-state';
import { renderCommentMarkdown } from './render';
import { commentPreviewSchema, fieldErrors } from './schemas';

export type CommentPreview = { ok: true; html: string } | { ok: false; errors: Record<string, string> };

/**
 * Blogger's Preview: the comment as readers would see it, rendered by the same pipeline and held to
 * the same rules as publishing, so what previews cleanly publishes the same. Nothing is stored; a
 * preview needs no account, and while the counters cannot be reached (the database down) it is
 * allowed. Rendering the heaviest text the rules accept takes the server a second or two, so each
 * address has a few a minute (`preview-address`), counted only for text that is rendered.
 */
export async function previewComment(options: { body: unknown; ip: string | null }): Promise<CommentPreview> {
  const parsed = z.object({ body: commentPreviewSchema }).safeParse({ body: options.body });
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const limited = await limitPreviewing(options.ip);
  if (!limited.ok) return { ok: false, errors: { request: rateLimitMessage(limited) } };
  return { ok: true, html: await renderCommentMarkdown(parsed.data.body) };
}

/**
 * A box's answer to its Preview button (the comment and edit actions alike): the preview, or why
 * there is none, with everything typed handed back to the box named in `kept`.
 */
export async function previewAnswer(
  formData: FormData,
  ip: string | null,
  kept: Required<Pick<CommentFormState, 'values' | 'box'>> & Pick<CommentFormState, 'formStamp'>,
): Promise<CommentFormState> {
  const preview = await previewComment({ body: formData.get('body') ?? undefined, ip });
  return preview.ok ? { status: 'preview', errors: {}, preview: preview.html, ...kept } : { status: 'error', errors: preview.errors, ...kept };
}
