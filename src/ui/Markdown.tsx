/**
 * Renders the safe markdown subset (src/domain/markdown.ts) with React
 * elements only: text is always a text node, never HTML, and the only
 * attribute taken from author text is a link's already-checked http(s)/mailto
 * URL. Links open in a new tab without access to this page.
 */
import { Fragment, memo, type ReactNode, useMemo } from 'react';
import { type MdBlock, type MdInline, parseMarkdown } from '../domain/markdown';

export interface MarkdownProps {
  source: string;
  /** The element level of "#": inside a card titled with an h2, body headings start at h3. */
  headingLevel?: 2 | 3 | 4;
  className?: string;
}

const HEADINGS = ['h2', 'h3', 'h4', 'h5', 'h6'] as const;

export const Markdown = memo(function Markdown({ source, headingLevel = 3, className }: MarkdownProps) {
  const blocks = useMemo(() => parseMarkdown(source), [source]);
  return <div className={className}>{blocks.map((block, i) => renderBlock(block, i, headingLevel))}</div>;
});

/*
 * Keys are positions: the tree is a pure function of `source`, rebuilt whole
 * when it changes and never reordered, and two identical paragraphs or words
 * may follow each other, so content alone cannot be a key.
 */
function renderBlock(block: MdBlock, key: number, headingLevel: number): ReactNode {
  switch (block.type) {
    case 'paragraph':
      return <p key={key}>{renderInlines(block.children)}</p>;
    case 'heading': {
      const Tag = HEADINGS[Math.min(headingLevel + block.level - 1, 6) - 2]!;
      return <Tag key={key}>{renderInlines(block.children)}</Tag>;
    }
    case 'list': {
      // biome-ignore lint/suspicious/noArrayIndexKey: parsed items, never reordered; see above.
      const items = block.items.map((item, i) => <li key={i}>{renderInlines(item.children)}</li>);
      return block.ordered ? (
        <ol key={key} start={block.start === 1 ? undefined : block.start}>
          {items}
        </ol>
      ) : (
        <ul key={key}>{items}</ul>
      );
    }
  }
}

function renderInlines(nodes: readonly MdInline[]): ReactNode[] {
  return nodes.map((node, i) => renderInline(node, i));
}

function renderInline(node: MdInline, key: number): ReactNode {
  switch (node.type) {
    case 'text':
      return <Fragment key={key}>{node.text}</Fragment>;
    case 'break':
      return <br key={key} />;
    case 'strong':
      return <strong key={key}>{renderInlines(node.children)}</strong>;
    case 'em':
      return <em key={key}>{renderInlines(node.children)}</em>;
    case 'link':
      return (
        <a key={key} href={node.href} rel="noopener noreferrer" target="_blank">
          {renderInlines(node.children)}
        </a>
      );
  }
}
