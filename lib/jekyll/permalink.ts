/**
 * The URL Jekyll 4.3 gives a post or a page, so that every URL of an imported Jekyll site keeps working.
 *
 * Mirrors jekyll-4.3.1/lib/jekyll: Utils.slugify, Utils.titleize_slug, Drops::UrlDrop (the post
 * placeholders), URL (placeholder substitution, escaping, sanitize_url), Document#categories and
 * Page#template. Every rule here was checked against a real `jekyll build` (scripts/jekyll-url-probe.ts).
 * URLs are returned decoded: the path of the file Jekyll writes under _site, starting with "/".
 */
import type { JekyllDate } from './dates';

/** Jekyll's permalink styles (Configuration::STYLE_TO_PERMALINK); any other value is a pattern. */
export const JEKYLL_PERMALINK_STYLES: Readonly<Record<string, string>> = {
  none: '/:categories/:title:output_ext',
  date: '/:categories/:year/:month/:day/:title:output_ext',
  ordinal: '/:categories/:year/:y_day/:title:output_ext',
  pretty: '/:categories/:year/:month/:day/:title/',
  weekdate: '/:categories/:year/W:week/:short_day/:title:output_ext',
};

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Ruby's String#downcase: full Unicode lowercase of each character, without JS's context rule for final sigma. */
export function rubyDowncase(text: string): string {
  let result = '';
  for (const character of text) result += character.toLowerCase();
  return result;
}

/** Title case where it differs from upper case (Unicode SpecialCasing / UnicodeData), for Ruby's capitalize. */
const TITLE_CASE: Record<string, string> = {
  ß: 'Ss',
  Ǆ: 'ǅ',
  ǅ: 'ǅ',
  ǆ: 'ǅ',
  Ǉ: 'ǈ',
  ǈ: 'ǈ',
  ǉ: 'ǈ',
  Ǌ: 'ǋ',
  ǋ: 'ǋ',
  ǌ: 'ǋ',
  Ǳ: 'ǲ',
  ǲ: 'ǲ',
  ǳ: 'ǲ',
  ﬀ: 'Ff',
  ﬁ: 'Fi',
  ﬂ: 'Fl',
  ﬃ: 'Ffi',
  ﬄ: 'Ffl',
  ﬅ: 'St',
  ﬆ: 'St',
  և: 'Եւ',
  ﬓ: 'Մն',
  ﬔ: 'Մե',
  ﬕ: 'Մի',
  ﬖ: 'Վն',
  ﬗ: 'Մխ',
  ᾳ: 'ᾼ',
  ῃ: 'ῌ',
  ῳ: 'ῼ',
};
// Greek with ypogegrammeni: U+1F80-1FAF title-case to the U+1F88… forms.
for (const base of [0x1f80, 0x1f90, 0x1fa0]) {
  for (let index = 0; index < 16; index += 1)
    TITLE_CASE[String.fromCodePoint(base + index)] = String.fromCodePoint(base + 8 + (index % 8));
}

/** Ruby's String#capitalize: the first character in title case, the rest in lower case. */
function rubyCapitalize(word: string): string {
  const [first, ...rest] = [...word];
  if (first === undefined) return '';
  return (TITLE_CASE[first] ?? first.toUpperCase()) + rubyDowncase(rest.join(''));
}

/** I18n's default approximations (i18n 1.10, Backend::Transliterator), used by slugify's "latin" mode. */
const LATIN_APPROXIMATIONS: Record<string, string> = Object.fromEntries(
  (
    'À A Á A Â A Ã A Ä A Å A Æ AE Ç C È E É E Ê E Ë E Ì I Í I Î I Ï I Ð D Ñ N Ò O Ó O Ô O Õ O Ö O × x Ø O ' +
    'Ù U Ú U Û U Ü U Ý Y Þ Th ß ss à a á a â a ã a ä a å a æ ae ç c è e é e ê e ë e ì i í i î i ï i ð d ' +
    'ñ n ò o ó o ô o õ o ö o ø o ù u ú u û u ü u ý y þ th ÿ y Ā A ā a Ă A ă a Ą A ą a Ć C ć c Ĉ C ĉ c ' +
    'Ċ C ċ c Č C č c Ď D ď d Đ D đ d Ē E ē e Ĕ E ĕ e Ė E ė e Ę E ę e Ě E ě e Ĝ G ĝ g Ğ G ğ g Ġ G ġ g ' +
    'Ģ G ģ g Ĥ H ĥ h Ħ H ħ h Ĩ I ĩ i Ī I ī i Ĭ I ĭ i Į I į i İ I ı i Ĳ IJ ĳ ij Ĵ J ĵ j Ķ K ķ k ĸ k ' +
    "Ĺ L ĺ l Ļ L ļ l Ľ L ľ l Ŀ L ŀ l Ł L ł l Ń N ń n Ņ N ņ n Ň N ň n ŉ 'n Ŋ NG ŋ ng Ō O ō o Ŏ O ŏ o " +
    'Ő O ő o Œ OE œ oe Ŕ R ŕ r Ŗ R ŗ r Ř R ř r Ś S ś s Ŝ S ŝ s Ş S ş s Š S š s Ţ T ţ t Ť T ť t Ŧ T ŧ t ' +
    'Ũ U ũ u Ū U ū u Ŭ U ŭ u Ů U ů u Ű U ű u Ų U ų u Ŵ W ŵ w Ŷ Y ŷ y Ÿ Y Ź Z ź z Ż Z ż z Ž Z ž z'
  )
    .split(' ')
    .reduce<[string, string][]>((pairs, item, index, all) => {
      if (index % 2 === 0) pairs.push([item, all[index + 1]!]);
      return pairs;
    }, []),
);

// Utils::SLUGIFY_*_REGEXP. Ruby's \s is ASCII whitespace only.
const SLUGIFY_PATTERNS: Record<string, RegExp> = {
  raw: /[ \t\r\n\f\v]+/g,
  default: /[^\p{M}\p{L}\p{Nd}]+/gu,
  pretty: /[^\p{M}\p{L}\p{Nd}._~!$&'()+,;=@]+/gu,
  ascii: /[^A-Za-z0-9]+/g,
  latin: /[^\p{M}\p{L}\p{Nd}]+/gu,
};

/**
 * Jekyll's Utils.slugify: modes raw, default, pretty, ascii, latin; any other mode (such as "none")
 * returns the text unchanged but lowercased. `cased` keeps upper case.
 */
export function jekyllSlugify(text: string, mode = 'default', cased = false): string {
  const pattern = SLUGIFY_PATTERNS[mode];
  if (!pattern) return cased ? text : rubyDowncase(text);
  let source = text;
  if (mode === 'latin')
    source = source.replace(
      /[^\x00-\x7f]/gu,
      (character) => LATIN_APPROXIMATIONS[character] ?? '?',
    );
  // Only one leading and one trailing hyphen go (gsub(/^-|-$/)); no line breaks are left by then.
  const slug = source.replace(pattern, '-').replace(/^-|-$/g, '');
  return cased ? slug : rubyDowncase(slug);
}

/** Jekyll's title from a file slug when the front matter has none (Utils.titleize_slug): "my-iOS-tips" → "My Ios Tips". */
export function jekyllTitleFromSlug(slug: string): string {
  // Document#populate_title strips trailing dots from the slug first.
  const words = slug.replace(/\.+$/, '').split('-');
  // Ruby's split drops trailing empty strings.
  while (words.length > 0 && words[words.length - 1] === '') words.pop();
  return words.map(rubyCapitalize).join(' ');
}

/** The markdown extensions of Jekyll's default `markdown_ext` ("markdown,mkdown,mkdn,mkd,md"). */
const MARKDOWN_EXTENSIONS = new Set(['.markdown', '.mkdown', '.mkdn', '.mkd', '.md']);

/** The extension of the file Jekyll writes for a source extension: markdown becomes .html, others stay. */
export function jekyllOutputExtension(sourceExtension: string): string {
  return MARKDOWN_EXTENSIONS.has(sourceExtension.toLowerCase()) ? '.html' : sourceExtension;
}

/**
 * The file Jekyll writes for a (decoded) URL, relative to _site: a URL ending in "/" gets index.html,
 * a URL without the output extension gets it appended (an extensionless "/2024/x" is written as
 * "/2024/x.html"; GitHub Pages serves it at both).
 */
export function jekyllOutputPath(url: string, outputExtension: string): string {
  if (url.endsWith('/')) return `${url}index.html`;
  return url.endsWith(outputExtension) ? url : `${url}${outputExtension}`;
}

/** Ruby's String#split with no argument: on runs of ASCII whitespace, leading ones ignored. */
function rubySplitWords(text: string): string[] {
  return text.split(/[ \t\r\n\f\v\0]+/).filter((word) => word !== '');
}

/** A YAML value of `categories` or `category` turned to text (Ruby's `to_s`; nil is ""). */
const rubyText = (value: unknown): string =>
  value === null || value === undefined ? '' : String(value);

/**
 * A post's categories as Jekyll's Document holds them (`page.categories`): the folders above `_posts`,
 * then front matter `categories` (a list, or a text split on spaces), then `category` (one name, spaces
 * kept), duplicates removed (case-sensitively; the URL drops case duplicates too).
 */
export function jekyllPostCategories(input: {
  folderCategories: readonly string[];
  categories?: unknown;
  category?: unknown;
}): string[] {
  const plural =
    typeof input.categories === 'string'
      ? rubySplitWords(input.categories)
      : Array.isArray(input.categories)
        ? input.categories.filter((item) => item !== null && item !== undefined).flat(Infinity)
        : [];
  const singular =
    input.category === undefined || input.category === null
      ? []
      : Array.isArray(input.category)
        ? input.category.flat(Infinity)
        : [input.category];
  // populate_categories: categories ∪ category (or categories again when there is no category), then uniq.
  const names = [
    ...input.folderCategories,
    ...plural,
    ...(singular.length > 0 ? singular : plural),
  ].map(rubyText);
  return [...new Set(names)];
}

/**
 * The categories a post gets from its folders (Document#categories_from_path): the folders above the
 * first "_posts" in its path relative to the site source; none for a post under a top-level _posts.
 * "blog/Tech/_posts/2024-01-01-x.md" → ["blog", "Tech"].
 */
export function jekyllFolderCategories(relativePath: string): string[] {
  if (relativePath.startsWith('_posts')) return [];
  const at = relativePath.indexOf('_posts');
  const basename = relativePath.slice(relativePath.lastIndexOf('/') + 1);
  const above = at < 0 ? relativePath : relativePath.slice(0, at);
  return above.split('/').filter((name) => name !== '' && name !== '_posts' && name !== basename);
}

export interface JekyllPostUrlInput {
  /**
   * _config.yml `permalink` (site-wide; `collections: posts: permalink:` overrides it — the caller
   * resolves which) or undefined (Jekyll's default "date"). A style name (date, pretty, ordinal,
   * weekdate, none; case-sensitive) or a pattern.
   */
  sitePermalink: string | undefined;
  /**
   * Front matter `permalink` of the post (or from front matter `defaults`), if any. Placeholders in it
   * are filled as in the site pattern; style names are not recognised ("pretty" is the URL "/pretty").
   * An empty text gives "/".
   */
  postPermalink?: string;
  /** The post's categories in order: folders above _posts, then `categories`, then `category` (see jekyllPostCategories). */
  categories: readonly string[];
  /** The file name without date and extension (Jekyll's slug source); trailing dots are dropped as Jekyll drops them. */
  fileSlug: string;
  /** Front matter `slug`, which replaces the file slug in :title and :slug. */
  frontMatterSlug?: string;
  /** Front matter title. No placeholder uses it (:title is the slug, verified); kept for callers' symmetry. */
  title?: string;
  date: JekyllDate;
  /** Extension of the source file ('.md', '.markdown' → :output_ext '.html'). */
  sourceExtension: string;
  /** :collection; 'posts'. */
  collection?: string;
  /**
   * Path of the post file relative to the site source, e.g. "_posts/2024-01-02-x.md" or "blog/_posts/…".
   * Only :path and :name need it; an Error says so when they are used without it.
   */
  relativePath?: string;
}

type Placeholders = Record<string, () => string>;

/** The placeholders Drops::UrlDrop answers for a post. */
function postPlaceholders(input: JekyllPostUrlInput): Placeholders {
  const { date } = input;
  const slugSource = input.frontMatterSlug ?? input.fileSlug.replace(/\.+$/, '');
  const needPath = (name: string) => {
    if (input.relativePath === undefined)
      throw new Error(
        `the permalink uses :${name}, which needs the post's path in the site (relativePath)`,
      );
    return input.relativePath;
  };
  const basenameWithoutExtension = () => {
    const base = needPath('name').split('/').pop()!;
    const dot = base.lastIndexOf('.');
    return dot > 0 ? base.slice(0, dot) : base;
  };
  const dedupe = (names: string[]) => [...new Set(names)].join('/');
  return {
    collection: () => input.collection ?? 'posts',
    name: () => jekyllSlugify(basenameWithoutExtension()),
    title: () => jekyllSlugify(slugSource, 'pretty', true),
    slug: () => jekyllSlugify(slugSource),
    categories: () => dedupe(input.categories.map(rubyDowncase)),
    slugified_categories: () => dedupe(input.categories.map((name) => jekyllSlugify(name))),
    path: () => {
      // Document#cleaned_relative_path: no extension, the first "_posts" removed, trailing dots dropped.
      const relative = needPath('path');
      const extension = relative.slice(relative.lastIndexOf('.'));
      const withoutExtension =
        relative.lastIndexOf('.') > relative.lastIndexOf('/')
          ? relative.slice(0, -extension.length)
          : relative;
      return withoutExtension.replace('_posts', '').replace(/\.+$/, '');
    },
    output_ext: () => jekyllOutputExtension(input.sourceExtension),
    year: () => String(date.year).padStart(4, '0'),
    month: () => String(date.month).padStart(2, '0'),
    day: () => String(date.dayOfMonth).padStart(2, '0'),
    hour: () => String(date.hour).padStart(2, '0'),
    minute: () => String(date.minute).padStart(2, '0'),
    second: () => String(date.second).padStart(2, '0'),
    i_day: () => String(date.dayOfMonth),
    i_month: () => String(date.month),
    short_month: () => MONTH_NAMES[date.month - 1]!.slice(0, 3),
    long_month: () => MONTH_NAMES[date.month - 1]!,
    short_year: () => String(date.year % 100).padStart(2, '0'),
    w_year: () => String(date.isoWeekYear),
    week: () => String(date.isoWeek).padStart(2, '0'),
    w_day: () => String(date.weekday),
    short_day: () => DAY_NAMES[date.weekday - 1]!.slice(0, 3),
    long_day: () => DAY_NAMES[date.weekday - 1]!,
    y_day: () => String(date.dayOfYear).padStart(3, '0'),
  };
}

/** Schemes Addressable counts as IP-based (URI.port_mapping): with no host and no path they are refused. */
const IP_BASED_SCHEMES = new Set(
  'http https ftp tftp sftp ssh svn+ssh telnet nntp gopher wais ldap prospero'.split(' '),
);

/**
 * Why Addressable::URI.encode, which Jekyll's URL.escape_path calls on each placeholder value, raises
 * on a value (the build then fails), or undefined. It parses the value as a URI first: a ":" whose text
 * before it (up to any "/", "?" or "#") is no URI scheme is refused, e.g. a category "web dev: basics"
 * or "2024: review"; so are a leading ":" and a "//host:port" with a bad port or host.
 */
function addressableRefusal(value: string): string | undefined {
  const [, scheme, authority, path = ''] = /^(?:([^:/?#]+):)?(?:\/\/([^/?#]*))?([^?#]*)/.exec(
    value,
  )!;
  if (scheme !== undefined && !/^[A-Za-z][A-Za-z0-9+.-]*$/.test(scheme))
    return `"${scheme}" before ":" is not a URI scheme`;
  let host: string | undefined;
  if (authority !== undefined) {
    const port = /:([^:@[\]]*?)$/.exec(authority)?.[1];
    if (port !== undefined && port !== '' && !/^\d+$/.test(port))
      return `"${port}" is not a port number`;
    host = authority.replace(/^([^[\]]*)@/, '').replace(/:([^:@[\]]*?)$/, '');
    if (/[<>{}/\\?#@"\s]/.test(host)) return `"${host}" after "//" is not a host name`;
  }
  if (scheme !== undefined && IP_BASED_SCHEMES.has(scheme.toLowerCase()) && !host && !path)
    return `"${value}" is a URI scheme without anything after it`;
  if (scheme === undefined && /^(?!\/)[^/:]*:/.test(path)) return 'its first segment contains ":"';
  return undefined;
}

/** The value as Jekyll inserts it, "%" escaped (see fillTemplate); throws where Jekyll's escaping raises. */
function insertedValue(key: string, value: string): string {
  const refusal =
    value === '' || /^[a-zA-Z0-9./-]+$/.test(value) ? undefined : addressableRefusal(value);
  if (refusal)
    throw new Error(
      `Jekyll cannot build the URL: the :${key} value "${value}" is refused by its URL escaping (${refusal})`,
    );
  return value.replaceAll('%', '%25');
}

/** Addressable::URI.unencode: every %XX decoded (as UTF-8), anything else left as written. */
function unencode(text: string): string {
  return text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) =>
    new TextDecoder().decode(Uint8Array.from(run.slice(1).split('%'), (hex) => parseInt(hex, 16))),
  );
}

/**
 * URL#generate_url_from_drop and #sanitize_url, then URL.unescape_path. Values are inserted with "%"
 * escaped only: Jekyll escapes them fully, but the decoded result is the same, since its escaping keeps
 * "." and "/" (the only characters sanitize_url looks at) and turns every "%" into "%25".
 */
function fillTemplate(template: string, placeholders: Placeholders): string {
  const filled = template.replace(/:([a-z_]+)/g, (match, name: string) => {
    // "/:month_:day": the key may end before an underscore that follows it.
    const key = Object.hasOwn(placeholders, name)
      ? name
      : name.endsWith('_') && Object.hasOwn(placeholders, name.slice(0, -1))
        ? name.slice(0, -1)
        : undefined;
    if (key === undefined)
      throw new Error(
        `the permalink "${template}" uses :${name}, which Jekyll does not know for posts (its build fails with "The URL template doesn't have ${name} keys")`,
      );
    return insertedValue(key, placeholders[key]!()) + match.slice(1 + key.length);
  });
  return unencode(sanitizeUrl(filled));
}

/** URL#sanitize_url: a leading "/", ".." becomes "/", "./" goes, repeated slashes become one. */
function sanitizeUrl(url: string): string {
  return `/${url}`.replaceAll('..', '/').replaceAll('./', '').replace(/\/+/g, '/');
}

/** The URL path Jekyll gives the post, decoded, starting with "/" (e.g. "/café/2024/01/02/x.html", "/blog/x/"). */
export function jekyllPostUrl(input: JekyllPostUrlInput): string {
  const placeholders = postPlaceholders(input);
  // Document#permalink: any front matter value, even "", wins over the collection's template.
  if (input.postPermalink !== undefined) return fillTemplate(input.postPermalink, placeholders);
  const style = input.sitePermalink ?? 'date';
  const template = Object.hasOwn(JEKYLL_PERMALINK_STYLES, style)
    ? JEKYLL_PERMALINK_STYLES[style]!
    : style;
  return fillTemplate(template, placeholders);
}

/**
 * The URL Jekyll gives a page (a markdown or HTML file outside _posts): about.md → /about.html,
 * projects/index.md → /projects/, with the site permalink "pretty" → /about/; a page's own `permalink`
 * wins. Pages know only :path, :basename and :output_ext; other placeholders stay as written.
 */
export function jekyllPageUrl(input: {
  relativePath: string;
  sitePermalink: string | undefined;
  pagePermalink?: string;
}): string {
  const slash = input.relativePath.lastIndexOf('/');
  const directory = slash < 0 ? '' : input.relativePath.slice(0, slash);
  const name = input.relativePath.slice(slash + 1);
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot) : '';
  const basename = name.slice(0, name.length - extension.length).replace(/\.+$/, '');
  const outputExtension = jekyllOutputExtension(extension);
  const style = input.sitePermalink ?? 'date';

  let template: string;
  if (!['.html', '.xhtml', '.htm'].includes(outputExtension))
    template = '/:path/:basename:output_ext';
  else if (basename === 'index') template = '/:path/';
  else if (style === 'pretty') template = '/:path/:basename/';
  else if (style === 'date' || style === 'ordinal' || style === 'none')
    template = '/:path/:basename:output_ext';
  else
    // Utils.add_permalink_suffix: a custom style (or "weekdate") passes on only its ending.
    template = `/:path/:basename${style.endsWith('/') ? '/' : ''}${style.endsWith(':output_ext') ? ':output_ext' : ''}`;

  // Convertible#validate_permalink!: a page's empty permalink stops the build (a post's gives "/").
  if (input.pagePermalink === '')
    throw new Error(`Jekyll refuses the empty permalink of the page ${input.relativePath}`);
  // URL#generate_url_from_hash: plain text replacement, key by key (path, basename, output_ext).
  let url = input.pagePermalink ?? template;
  for (const [key, value] of [
    ['path', directory],
    ['basename', basename],
    ['output_ext', outputExtension],
  ] as const) {
    if (!url.includes(':')) break;
    url = url.replaceAll(`:${key}`, insertedValue(key, value));
  }
  return unencode(sanitizeUrl(url));
}
