import { notFoundOrAlias } from '../not-found-or-alias';

/** Addresses no route knows: an alias of a post, or a 404. */
export default async function UnknownPage({ params }: { params: Promise<{ path: string[] }> }) {
  return notFoundOrAlias((await params).path);
}
