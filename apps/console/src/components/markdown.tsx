import ReactMarkdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { isWebUrl } from './safe-link';

/** Keeps http(s) links and in-page anchors; any other URL (`javascript:`, `data:`) is dropped. */
function safeUrl(url: string): string {
  return url.startsWith('#') || isWebUrl(url) ? url : '';
}

/**
 * The guide's headings sit under the page's own (h1) and section's (h2); a code block scrolls,
 * so it takes the keyboard's focus.
 */
const ELEMENTS: Components = {
  h1: ({ children }) => <h3>{children}</h3>,
  h2: ({ children }) => <h4>{children}</h4>,
  h3: ({ children }) => <h5>{children}</h5>,
  h4: ({ children }) => <h6>{children}</h6>,
  pre: ({ children }) => <pre tabIndex={0}>{children}</pre>,
};

/**
 * A setup guide: Markdown rendered to React elements. HTML in it is dropped, never inserted, so
 * nothing a plugin's text holds can run in the console.
 */
export default function Markdown({ source }: { source: string }) {
  return (
    <div className="markdown">
      <ReactMarkdown
        remarkPlugins={[remarkGfm]}
        skipHtml
        urlTransform={safeUrl}
        components={ELEMENTS}
      >
        {source}
      </ReactMarkdown>
    </div>
  );
}
