// Markdown → the seeds' format: the markup stripped (headings, emphasis, code spans,
// links and images become their text, list and quote markers go), one paragraph a line.
// The title is the front matter's `title:` or the first heading (which then leaves the
// body); the date the front matter's `date:`.
import { isoDateOf, seedsText, type DocumentHeader } from './seedsText';

/** Inline markup → its text. */
export function stripInlineMarkdown(text: string): string {
  return text
    .replace(/<(https?:\/\/[^>\s]+)>/g, '$1')
    .replace(/<\/?[A-Za-z][^>]*>/g, '')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/!\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(~~)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(^|[^\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?!\w)/g, '$1$2')
    .replace(/(^|[^\w])_(?=\S)([^_]+?)(?<=\S)_(?!\w)/g, '$1$2')
    .replace(/\\([\\`*_{}[\]()#+\-.!>|~])/g, '$1');
}

function frontMatter(lines: string[]): { header: DocumentHeader; rest: string[] } {
  if (lines[0]?.trim() !== '---') return { header: {}, rest: lines };
  const end = lines.indexOf('---', 1);
  if (end === -1) return { header: {}, rest: lines };
  const header: DocumentHeader = {};
  for (const line of lines.slice(1, end)) {
    const field = /^(title|date|url)\s*:\s*(.*?)\s*$/i.exec(line);
    if (!field) continue;
    const value = field[2].replace(/^(["'])(.*)\1$/, '$2');
    const key = field[1].toLowerCase() as keyof DocumentHeader;
    header[key] = key === 'date' ? isoDateOf(value) : value;
  }
  return { header, rest: lines.slice(end + 1) };
}

/** The blocks of a Markdown body: headings and paragraphs, each as one line of text. */
function blocksOf(lines: readonly string[]): Array<{ heading: boolean; text: string }> {
  const blocks: Array<{ heading: boolean; text: string }> = [];
  let paragraph: string[] = [];
  let fenced = false;
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ heading: false, text: stripInlineMarkdown(paragraph.join(' ')) });
    paragraph = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '');
    if (/^\s*(```|~~~)/.test(line)) {
      flush();
      fenced = !fenced;
      continue;
    }
    if (fenced) {
      if (line.trim() !== '') blocks.push({ heading: false, text: line.trim() });
      continue;
    }
    const atx = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    const setext = i + 1 < lines.length && paragraph.length === 0 && /^\s*(=+|-+)\s*$/.test(lines[i + 1]);
    if (atx || (setext && line.trim() !== '')) {
      flush();
      blocks.push({ heading: true, text: stripInlineMarkdown(atx ? atx[1] : line.trim()) });
      if (!atx) i++;
    } else if (line.trim() === '' || /^\s*([-*_])(\s*\1){2,}\s*$/.test(line) || /^\s*\[[^\]]+\]:\s*\S+/.test(line)) {
      flush();
    } else {
      const content = line.replace(/^\s*(>\s?)+/, '').replace(/^\s*([-*+]|\d+[.)])\s+/, '');
      if (content !== line && /^\s*([-*+]|\d+[.)])\s+/.test(line.replace(/^\s*(>\s?)+/, ''))) flush();
      if (/^\s*\|?\s*:?-{3,}/.test(content)) continue;
      paragraph.push(content.trim());
    }
  }
  flush();
  return blocks;
}

export function markdownToText(label: string, markdown: string, given: DocumentHeader): string {
  const source = markdown.charCodeAt(0) === 0xfeff ? markdown.slice(1) : markdown;
  const { header, rest } = frontMatter(source.split('\n'));
  const blocks = blocksOf(rest);
  const found = { ...header };
  if (found.title === undefined && given.title === undefined) {
    const first = blocks.findIndex((block) => block.heading);
    if (first !== -1) found.title = blocks.splice(first, 1)[0].text;
  }
  return seedsText(
    label,
    found,
    given,
    blocks.map((block) => block.text),
  );
}
