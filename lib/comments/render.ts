import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { toHtml } from 'hast-util-to-html';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

/**
 * The small Markdown a commenter may use: paragraphs, emphasis, links, inline code and code
 * blocks, quotes and lists. Everything else (headings, images, tables, raw HTML) is reduced to its
 * text by the sanitizer, which runs last so nothing after it can reintroduce markup.
 */
const commentSchema: SanitizeSchema = {
  ...defaultSchema,
  tagNames: ['p', 'br', 'em', 'strong', 'del', 'a', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li'],
  attributes: { a: ['href'], ol: ['start'] },
  protocols: { href: ['http', 'https', 'mailto'] },
  clobberPrefix: 'user-content-',
  strip: ['script', 'style', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'noscript'],
};

function rehypeCommentLinks() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName === 'a') node.properties = { ...node.properties, rel: ['nofollow', 'ugc', 'noopener'] };
    });
  };
}

const commentProcessor = unified()
  .use(remarkParse)
  .use(remarkRehype)
  .use(rehypeSanitize, commentSchema)
  .use(rehypeCommentLinks);

/**
 * A comment's Markdown as safe HTML. Called once when a comment is written or edited, never per view.
 * A comment the rules above would leave showing nothing (a block of HTML, an image alone) is shown
 * as the plain text it was typed in instead: a published comment is never an empty card.
 */
export async function renderCommentMarkdown(markdown: string): Promise<string> {
  const tree = await commentProcessor.run(commentProcessor.parse(markdown));
  return showsNothing(toString(tree)) ? toHtml(asPlainText(markdown)) : toHtml(tree);
}

/**
 * Text with nothing to see: spaces, and the characters that take no room (zero-width spaces and
 * joiners, soft hyphens, control characters). Letters, digits, symbols and emoji, even ones newer
 * than this runtime knows, are something.
 */
export function showsNothing(text: string): boolean {
  return !/[^\p{Z}\p{Cc}\p{Cf}\s]/u.test(text);
}

/** The typed text, escaped, in paragraphs at blank lines and with its other line breaks kept. */
function asPlainText(markdown: string): Root {
  const text = (value: string): ElementContent => ({ type: 'text', value });
  const element = (tagName: string, children: ElementContent[]): Element => ({ type: 'element', tagName, properties: {}, children });
  const paragraphs = markdown.split(/\n\s*\n/).filter((part) => part.trim() !== '');
  const lines = (paragraph: string) => paragraph.split('\n').flatMap((line, index) => (index > 0 ? [element('br', []), text('\n'), text(line)] : [text(line)]));
  return { type: 'root', children: paragraphs.flatMap((paragraph, index) => [...(index > 0 ? [text('\n')] : []), element('p', lines(paragraph.trim()))]) };
}

const NAMED_REFERENCES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/**
 * A rendered comment as plain text, for places that take text (the post's structured data): tags
 * dropped, and the character references the renderer writes (`&#x26;` for "&") read back.
 */
export function commentText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (reference, name: string) => {
      if (name[0] !== '#') return NAMED_REFERENCES[name.toLowerCase()] ?? reference;
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : reference;
    })
    .trim();
}
