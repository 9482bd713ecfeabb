import type { Element, Root } from 'hast';
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

/** A comment's Markdown as safe HTML. Called once when a comment is written or edited, never per view. */
export async function renderCommentMarkdown(markdown: string): Promise<string> {
  const tree = await commentProcessor.run(commentProcessor.parse(markdown));
  return toHtml(tree);
}
