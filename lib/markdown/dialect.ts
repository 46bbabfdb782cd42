/**
 * Which markdown a body is written in. Our own posts are GFM; the posts of an imported Jekyll site are
 * kramdown (Jekyll 4.3: kramdown 2.4 with kramdown-parser-gfm and Jekyll's defaults), rendered as kramdown
 * renders them (lib/markdown/kramdown-*.ts). Typography (smart quotes, dashes, ellipses) is a setting of
 * both, on by default as in Jekyll.
 */
export interface MarkdownDialect {
  /** kramdown's syntax: attribute lists, {:toc}, definition lists, abbreviations, `^`, markdown="1", math, ids. */
  kramdown: boolean;
  /**
   * Typographic quotes, dashes and ellipses: true for kramdown's default quotes, kramdown's `smart_quotes`
   * setting (four entity names or code points: "lsquo,rsquo,ldquo,rdquo") for others, false for none at all.
   */
  smartQuotes: boolean | string;
}

export const DEFAULT_DIALECT: MarkdownDialect = { kramdown: false, smartQuotes: true };

/** The dialect of an imported Jekyll site with Jekyll's default kramdown settings. */
export const JEKYLL_DIALECT: MarkdownDialect = { kramdown: true, smartQuotes: true };

/** A string that names a dialect, for the caches that keep one result per body and dialect. */
export function dialectKey(dialect: MarkdownDialect): string {
  return `${dialect.kramdown ? 'kramdown' : 'gfm'}:${String(dialect.smartQuotes)}`;
}

/** The four quote characters: opening single, closing single, opening double, closing double. */
export interface QuoteCharacters {
  openSingle: string;
  closeSingle: string;
  openDouble: string;
  closeDouble: string;
}

/** kramdown's default: `lsquo,rsquo,ldquo,rdquo`. */
const KRAMDOWN_QUOTES: QuoteCharacters = {
  openSingle: '\u2018',
  closeSingle: '\u2019',
  openDouble: '\u201C',
  closeDouble: '\u201D',
};

/** The entity names a `smart_quotes` setting uses in practice (kramdown accepts any HTML entity name). */
const QUOTE_ENTITIES: Record<string, string> = {
  lsquo: '\u2018',
  rsquo: '\u2019',
  ldquo: '\u201C',
  rdquo: '\u201D',
  sbquo: '\u201A',
  bdquo: '\u201E',
  lsaquo: '\u2039',
  rsaquo: '\u203A',
  laquo: '\u00AB',
  raquo: '\u00BB',
  apos: "'",
  quot: '"',
  nbsp: '\u00A0',
};

function entityCharacter(name: string): string | undefined {
  const trimmed = name.trim();
  if (/^\d+$/.test(trimmed)) {
    const codePoint = Number(trimmed);
    return codePoint > 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : undefined;
  }
  return QUOTE_ENTITIES[trimmed];
}

/**
 * The quotes a dialect puts in, or undefined when typography is off. A `smart_quotes` value that is not four
 * known entities falls back to kramdown's default, as a setting kramdown cannot read would stop Jekyll.
 */
export function quoteCharacters(dialect: MarkdownDialect): QuoteCharacters | undefined {
  if (dialect.smartQuotes === false) return undefined;
  if (dialect.smartQuotes === true) return KRAMDOWN_QUOTES;
  const characters = dialect.smartQuotes.split(',').map(entityCharacter);
  const [openSingle, closeSingle, openDouble, closeDouble] = characters;
  if (characters.length !== 4 || !openSingle || !closeSingle || !openDouble || !closeDouble)
    return KRAMDOWN_QUOTES;
  return { openSingle, closeSingle, openDouble, closeDouble };
}
