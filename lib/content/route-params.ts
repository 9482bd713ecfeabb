import { z } from 'zod';

/** Route segments as the blog's URLs spell them; anything else is a 404, not an error. */
export const yearParamSchema = z.string().regex(/^\d{4}$/).transform(Number);
export const monthParamSchema = z
  .string()
  .regex(/^(0[1-9]|1[0-2])$/)
  .transform(Number);
export const pageParamSchema = z
  .string()
  .regex(/^[1-9]\d{0,5}$/)
  .transform(Number);
export const labelParamSchema = z
  .string()
  .transform((value, ctx) => {
    try {
      return decodeURIComponent(value);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'malformed label' });
      return z.NEVER;
    }
  })
  .pipe(z.string().trim().min(1).max(200));
