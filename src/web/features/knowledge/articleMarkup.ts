/**
 * The little markup of knowledge-base articles, parsed into data the page renders as React elements:
 * nothing is ever inserted as HTML, so an article cannot inject script. Blank lines separate
 * paragraphs; "# " starts a heading, "- " a list item; **bold**; [text](url) links, where the URL
 * must be http(s), mailto or a path of this app — anything else (javascript:, data:) stays text.
 */
export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'bold'; text: string }
  | { kind: 'link'; text: string; href: string };
export type Block =
  | { kind: 'heading'; content: Inline[] }
  | { kind: 'paragraph'; lines: Inline[][] }
  | { kind: 'list'; items: Inline[][] };

const SAFE_URL = /^(https?:\/\/|mailto:|\/(?!\/))/i;
const INLINE = /\*\*(.+?)\*\*|\[([^\]\n]+)\]\(([^)\s]+)\)/g;

export function parseInline(line: string): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const m of line.matchAll(INLINE)) {
    const at = m.index ?? 0;
    if (at > last) out.push({ kind: 'text', text: line.slice(last, at) });
    if (m[1] !== undefined) out.push({ kind: 'bold', text: m[1] });
    else if (SAFE_URL.test(m[3])) out.push({ kind: 'link', text: m[2], href: m[3] });
    else out.push({ kind: 'text', text: m[0] });
    last = at + m[0].length;
  }
  if (last < line.length) out.push({ kind: 'text', text: line.slice(last) });
  return out;
}

export function parseArticle(text: string): Block[] {
  const blocks: Block[] = [];
  for (const chunk of text.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const lines = chunk.split('\n').filter((l) => l.trim() !== '');
    let paragraph: Inline[][] = [];
    let list: Inline[][] = [];
    const flush = () => {
      if (paragraph.length) blocks.push({ kind: 'paragraph', lines: paragraph });
      if (list.length) blocks.push({ kind: 'list', items: list });
      paragraph = [];
      list = [];
    };
    for (const line of lines) {
      const heading = /^#{1,3}\s+(.*)$/.exec(line);
      const item = /^\s*[-*]\s+(.*)$/.exec(line);
      if (heading) {
        flush();
        blocks.push({ kind: 'heading', content: parseInline(heading[1]) });
      } else if (item) {
        if (paragraph.length) flush();
        list.push(parseInline(item[1]));
      } else {
        if (list.length) flush();
        paragraph.push(parseInline(line));
      }
    }
    flush();
  }
  return blocks;
}
