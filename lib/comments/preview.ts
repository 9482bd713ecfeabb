import { z } from 'zod';
import { renderCommentMarkdown } from './render';
import { commentPreviewSchema, fieldErrors } from './schemas';

export type CommentPreview = { ok: true; html: string } | { ok: false; errors: Record<string, string> };

/**
 * Blogger's Preview: the comment as readers would see it, rendered by the same pipeline and held to
 * the same rules as publishing, so what previews cleanly publishes the same. Nothing is stored and
 * nothing is asked of the database: a preview needs no account check and works while it is down.
 */
export async function previewComment(body: unknown): Promise<CommentPreview> {
  const parsed = z.object({ body: commentPreviewSchema }).safeParse({ body });
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  return { ok: true, html: await renderCommentMarkdown(parsed.data.body) };
}
