/**
 * An address with at most one fragment: `…#c140#c148` becomes `…#c148`, the last, which is the
 * one a navigation meant. Next's router (16.4, 16.5) adds the new fragment to the old one when the
 * page was first loaded at a fragment (`/post#comments`, `/comments/{id}`'s `#c{id}`) and the
 * reader then follows a link to the same page with another: the address names no element, so a
 * reload or a shared link opens at the top instead of at the comment.
 */
export function lastFragmentOnly(address: string): string {
  const first = address.indexOf('#');
  const last = address.lastIndexOf('#');
  return first === last ? address : address.slice(0, first) + address.slice(last);
}
