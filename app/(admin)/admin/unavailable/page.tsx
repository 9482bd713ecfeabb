import type { Metadata } from 'next';
import { z } from 'zod';

export const metadata: Metadata = { title: 'Moderation unavailable', robots: { index: false, follow: false } };

/** Only a console address goes back: anything else would make this page an open redirect. */
const querySchema = z.object({
  returnTo: z
    .string()
    .regex(/^\/admin(?:[/?#]|$)/)
    .refine((path) => !path.startsWith('/admin/unavailable'))
    .catch('/admin'),
});

/**
 * Where a console page sends its visitor while the database is out of reach (`adminForPage`). It
 * reads nothing from the database and shows nothing of the console: the post pages, which come from
 * content files, go on working meanwhile.
 */
export default async function ConsoleUnavailablePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { returnTo } = querySchema.parse(await searchParams);
  return (
    <main id="content" className="admin-page">
      <h1>Moderation is unavailable</h1>
      <p role="alert">
        The database is not answering right now, so the moderation console cannot be shown. Nothing was changed. The
        blog&apos;s posts are still served; comments come back with the database.
      </p>
      <p>
        <a href={returnTo}>Try again</a> in a minute; <code>/api/health</code> says whether the database answers.
      </p>
    </main>
  );
}
