// A saved web page → the seeds' format: Mozilla's Readability (on a linkedom DOM) finds
// the article among the navigation, ads and comments; its blocks become one paragraph a
// line. The title is Readability's, the byline opens the body, the date comes from the
// usual places (article:published_time and kin, JSON-LD datePublished, <time datetime>),
// the URL from the canonical link or og:url. Nothing of the page is run or fetched.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { DocumentFormatError } from './documentFormat';
import { isoDateOf, seedsText, type DocumentHeader } from './seedsText';

type Page = ReturnType<typeof parseHTML>['document'];

const DATE_METAS = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="date"]',
  'meta[name="dc.date"]',
  'meta[name="DC.date.issued"]',
  'meta[property="og:published_time"]',
];

function jsonLdDates(page: Page): string[] {
  const dates: string[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (typeof record.datePublished === 'string') dates.push(record.datePublished);
      if (record['@graph']) visit(record['@graph']);
    }
  };
  for (const script of page.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.textContent ?? ''));
    } catch {
      // A broken JSON-LD block says nothing; the other places may.
    }
  }
  return dates;
}

/** The publication date the page states, in the order the places are trusted. */
export function pageDate(page: Page): string | undefined {
  const candidates = [
    ...DATE_METAS.map((selector) => page.querySelector(selector)?.getAttribute('content')),
    ...jsonLdDates(page),
    page.querySelector('article time[datetime]')?.getAttribute('datetime'),
    page.querySelector('time[datetime]')?.getAttribute('datetime'),
  ];
  for (const candidate of candidates) {
    const date = isoDateOf(candidate);
    if (date) return date;
  }
  return undefined;
}

function pageUrl(page: Page): string | undefined {
  const url =
    page.querySelector('link[rel="canonical"]')?.getAttribute('href') ??
    page.querySelector('meta[property="og:url"]')?.getAttribute('content');
  return url && /^https?:\/\//.test(url) ? url : undefined;
}

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, td, th, dt, dd';

/** The article HTML Readability kept → one string per block, in document order, nested blocks once. */
function paragraphsOf(articleHtml: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${articleHtml}</body></html>`);
  const blocks = [...document.querySelectorAll(BLOCKS)].filter((block) => !block.querySelector(BLOCKS));
  if (blocks.length === 0) return [document.body.textContent ?? ''];
  return blocks.map((block) => block.textContent ?? '');
}

/** Advertising and comment blocks Readability may keep when they sit inside the article. */
const NOT_THE_ARTICLE = [
  '[class~="ad"]',
  '[class*="ad-"]',
  '[class*="advert"]',
  '[id*="advert"]',
  '[class*="sponsor"]',
  '[class*="promo"]',
  '[class*="comment"]',
  '[id*="comment"]',
  '[aria-label="advertisement" i]',
].join(', ');

export function htmlToText(label: string, html: string, given: DocumentHeader): string {
  const { document: page } = parseHTML(html);
  if (!page.documentElement)
    throw new DocumentFormatError(`${label}: this is not an HTML page (no element in it); send the saved page`);
  const found: DocumentHeader = { date: pageDate(page), url: pageUrl(page) };
  for (const element of [...page.querySelectorAll(NOT_THE_ARTICLE)]) element.remove();
  const article = new Readability(page as unknown as ConstructorParameters<typeof Readability>[0]).parse();
  if (!article || !article.content) throw new DocumentFormatError(`${label}: no article text found in this page`);
  found.title = article.title ?? undefined;
  const paragraphs = paragraphsOf(article.content);
  const byline = article.byline?.replace(/\s+/g, ' ').trim();
  if (byline && !paragraphs.some((p) => p.includes(byline)))
    paragraphs.unshift(/^by\s/i.test(byline) ? byline : `By ${byline}`);
  return seedsText(label, { ...found, date: found.date ?? isoDateOf(article.publishedTime) }, given, paragraphs);
}
