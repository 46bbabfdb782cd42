/**
 * RSS 2.0, Atom 1.0 and JSON Feed 1.1 from plain inputs (no site config, no
 * posts module: unit-tested as it is), written with the `feed` library.
 *
 * Titles, excerpts and names are text in every format, whatever they contain.
 * The library writes item titles and summaries as `type="html"` CDATA and only
 * escapes `&` (and `"` in attributes), so each text goes through it as an
 * opaque slot token and is put back after, escaped as XML text: Atom gets
 * `type="text"`, RSS's title the text, RSS's description (HTML by convention)
 * the text escaped as HTML. Full-text content stays HTML, in CDATA. Characters
 * that XML 1.0 forbids are dropped from the XML feeds, so they stay well-formed.
 */
import { randomBytes } from 'node:crypto';
import { Feed } from 'feed';
import { xmlAllowedText, type FeedFormat } from './feed-files';
import { escapeHtml } from './format';

/** A moment as posts carry it: for ordering, and as the author wrote it (with its offset). */
export interface FeedDate {
  epochMs: number;
  iso: string;
}

export interface FeedEntryInput {
  title: string;
  /** Absolute URL of the post; also its id. */
  url: string;
  /** Plain text. */
  excerpt: string;
  /** HTML with absolute URLs (or the token post-export replaces with it). */
  contentHtml: string;
  date: FeedDate;
  updated?: FeedDate;
  /** Its authors (the feed's author when none is given), each with the absolute URL of their page. */
  authors?: { name: string; link?: string }[];
  /** Its categories, then its tags; `scheme` is the absolute URL of their index (Atom's category scheme). */
  categories: { name: string; slug: string; url: string; scheme: string }[];
}

export interface FeedInput {
  title: string;
  description: string;
  /** Absolute URL of the page the feed mirrors; also the feed's id. */
  pageUrl: string;
  feedUrls: Record<FeedFormat, string>;
  language: string;
  copyright: string;
  author: { name: string; link?: string };
  /** Newest first. */
  entries: FeedEntryInput[];
}

/** `]]>` would end a CDATA section early: split it across two sections. */
const cdata = (text: string) => `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;

const escapeXml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c,
  );

/** Texts handed to the library as tokens it copies untouched, then put back escaped. */
class Slots {
  private readonly prefix = `feedslot${randomBytes(12).toString('hex')}n`;
  private readonly values: { text: string; html: boolean }[] = [];

  /** A token for text (written as XML text; a `type="html"` before it becomes `type="text"`). */
  readonly text = (value: string): string => this.add(value, false);

  /** A token for HTML (written in CDATA, its type left as HTML). */
  readonly html = (value: string): string => this.add(value, true);

  private add(text: string, html: boolean): string {
    this.values.push({ text: xmlAllowedText(text), html });
    return `${this.prefix}${this.values.length - 1}z`;
  }

  /** The library's XML with every token replaced; throws if the library wrote a token in a way not foreseen. */
  fill(xml: string): string {
    const token = `${this.prefix}(\\d+)z`;
    const pattern = new RegExp(`( type="html">)?<!\\[CDATA\\[${token}\\]\\]>|${token}`, 'g');
    const filled = xml.replace(
      pattern,
      (
        _match,
        htmlType: string | undefined,
        inCdata: string | undefined,
        bare: string | undefined,
      ) => {
        const slot = this.values[Number(inCdata ?? bare)];
        if (!slot) throw new Error('feed: unknown text slot');
        if (slot.html) return `${htmlType ?? ''}${cdata(slot.text)}`;
        return `${htmlType ? ' type="text">' : ''}${escapeXml(slot.text)}`;
      },
    );
    if (filled.includes(this.prefix)) throw new Error('feed: a text slot was left unfilled');
    // Whatever else the library wrote (its own text, URLs) is cleaned too.
    return xmlAllowedText(filled);
  }
}

/** The identity for JSON, where JSON.stringify escapes everything and JSON Feed's titles and summaries are plain text. */
const asIs = { text: (value: string) => value, html: (value: string) => value };

function buildFeed(
  input: FeedInput,
  format: FeedFormat,
  slots: Pick<Slots, 'text' | 'html'>,
): Feed {
  const { text, html } = slots;
  const newest = input.entries[0];
  const feed = new Feed({
    id: input.pageUrl,
    link: input.pageUrl,
    title: text(input.title),
    description: text(input.description),
    language: text(input.language),
    copyright: text(input.copyright),
    // The newest post's date, not the build time: rebuilding unchanged content gives the same feed.
    updated: new Date(newest ? (newest.updated ?? newest.date).epochMs : 0),
    generator: false,
    feedLinks: { rss: input.feedUrls.rss, atom: input.feedUrls.atom, json: input.feedUrls.json },
    author: { name: text(input.author.name), link: input.author.link },
  });
  for (const entry of input.entries) {
    const published = new Date(entry.date.epochMs);
    feed.addItem({
      title: text(entry.title),
      id: entry.url,
      link: entry.url,
      // RSS's description is HTML by convention: the excerpt escaped, so readers show it as written.
      description: text(format === 'rss' ? escapeHtml(entry.excerpt) : entry.excerpt),
      content: html(entry.contentHtml),
      date: published,
      published,
      author: (entry.authors ?? [input.author]).map((author) => ({
        name: text(author.name),
        link: author.link,
      })),
      // RSS reads name and domain; Atom needs term (the slug) and shows label (the name).
      category: entry.categories.map((category) => ({
        name: text(category.name),
        domain: category.url,
        term: text(category.slug),
        scheme: category.scheme,
      })),
    });
  }
  return feed;
}

/** JSON Feed 1.1 from the library's 1.0 output: the version, `authors`, `language` and the dates as written. */
function jsonFeed11(json: string, input: FeedInput): string {
  const data = JSON.parse(json) as Record<string, unknown> & {
    author?: unknown;
    items: Record<string, unknown>[];
  };
  const { author, ...rest } = data;
  const entryByUrl = new Map(input.entries.map((entry) => [entry.url, entry]));
  return JSON.stringify(
    {
      ...rest,
      version: 'https://jsonfeed.org/version/1.1',
      language: input.language,
      ...(author ? { authors: [author] } : {}),
      items: data.items.map(({ author: itemAuthor, ...item }) => {
        const entry = entryByUrl.get(String(item.id));
        return {
          ...item,
          // The library's JSON Feed 1.0 keeps only the first author; 1.1 lists them all.
          ...(entry?.authors
            ? { authors: entry.authors.map(({ name, link }) => ({ name, url: link })) }
            : itemAuthor
              ? { authors: [itemAuthor] }
              : {}),
          ...(entry
            ? { date_published: entry.date.iso, date_modified: (entry.updated ?? entry.date).iso }
            : {}),
        };
      }),
    },
    null,
    2,
  );
}

/** One feed file's text. */
export function writeFeed(input: FeedInput, format: FeedFormat): string {
  if (format === 'json') return jsonFeed11(buildFeed(input, format, asIs).json1(), input);
  const slots = new Slots();
  const feed = buildFeed(input, format, slots);
  return slots.fill(format === 'rss' ? feed.rss2() : feed.atom1());
}
