/**
 * Builds, once, every view of the posts that pages need: the publish rule,
 * newest-first order, lookups by slug, category and tag, the archive by year,
 * previous/next and related posts. Pure over its input so the rules are
 * unit-tested without a build.
 */
import { categorySlug, ContentError, type ParsedDate } from '../content/rules';
import { withBasePath } from '../markdown/base-path';
import type { TocHeading } from '../markdown/headings';
import type { StagedAuthorProfile } from '../content/authors';
import type { DerivedFields } from '../content/post-fields';
import { rewriteOldLinks } from './old-links';
import { authorPath, categoryPath, postPath, postShareImagePath, tagPath } from './urls';

/** What contentlayer generates for one post (only the fields read here): the derived fields and the title. */
export interface SourcePost extends Omit<
  DerivedFields,
  | 'hasOwnExcerpt'
  | 'updatedAt'
  | 'oldUrls'
  | 'jekyllUrl'
  | 'inSitemap'
  | 'shareImage'
  | 'redirectTo'
  | 'authorRefs'
  | 'hasMath'
  | 'contentPath'
> {
  /** Absent in data staged before it existed. */
  contentPath?: string;
  /** Absent in data staged before it existed. */
  hasMath?: boolean;
  /** Absent in data staged before it existed. */
  authorRefs?: DerivedFields['authorRefs'];
  /** The author's share image; absent in data staged before it existed. */
  shareImage?: string;
  /** Absent in data staged before it existed. */
  inSitemap?: boolean;
  /** Old URLs (lib/content/post-fields.ts); absent in data staged before they existed. */
  oldUrls?: string[];
  jekyllUrl?: string;
  title: string;
  /** Absent (as contentlayer stages it) or null when the post was never updated. */
  updatedAt?: ParsedDate | null;
  /** The excerpt was written in front matter (not taken from the body). */
  hasOwnExcerpt?: boolean;
  /** The body as HTML, or the file it is in (written by the content step, read with `readHtml`). */
  html?: string;
  htmlFile?: string;
}

/** A post as listings, feeds and links to it show it: everything but its body. */
export interface PostListItem {
  slug: string;
  url: string;
  title: string;
  date: ParsedDate;
  updated: ParsedDate | null;
  categories: CategoryLink[];
  tags: TagLink[];
  /** Its authors, as written, else the site's author; shown only on a blog with more than one (`PostIndex.authors`). */
  authors: AuthorLink[];
  excerpt: string;
  readingMinutes: number;
  isDraft: boolean;
  /** Listed in the sitemap (`sitemap: false` leaves it out). */
  inSitemap: boolean;
  /** Dated after the build: published only with FUTURE=1 (Jekyll's --future) or while developing. */
  isFuture: boolean;
  sourcePath: string;
  /** The share image: the author's (`image:`, a site path or a URL), else the one the build draws. */
  shareImage: { url: string; drawn: boolean };
}

export interface Post extends PostListItem {
  html: string;
  /** The author's own excerpt, shown as the post's standfirst; null when the excerpt is the first paragraph. */
  lead: string | null;
  headings: TocHeading[];
  /** Its page loads the math stylesheet. */
  hasMath: boolean;
  /** Where its source is edited (EDIT_URL); null without the setting. */
  editUrl: string | null;
  /** The post published just before this one, and just after. */
  previous: PostListItem | null;
  next: PostListItem | null;
  /** Up to RELATED_COUNT posts: most shared categories and tags first, then newest. */
  related: PostListItem[];
}

/** A category or a tag, as a post links to it. */
export interface TermLink {
  slug: string;
  name: string;
  url: string;
}

/** A category or a tag with its posts. */
export interface Term extends TermLink {
  /** Newest first. */
  posts: PostListItem[];
}

export type CategoryLink = TermLink;
export type TagLink = TermLink;
export type AuthorLink = TermLink;
export type Category = Term;
export type Tag = Term;

/** What an author page shows of an author besides the posts (lib/content/authors.ts checked it). */
export type AuthorProfileData = Omit<StagedAuthorProfile, 'sourcePath'>;

/** An author with their posts and profile (a name no profile describes has a profile of its name only). */
export interface Author extends Term {
  profile: AuthorProfileData;
}

export interface ArchiveYear {
  year: number;
  posts: PostListItem[];
}

export interface PostIndex {
  /** Every visible post, newest first. */
  posts: PostListItem[];
  postBySlug: Map<string, Post>;
  /** Sorted by display name. */
  categories: Category[];
  categoryBySlug: Map<string, Category>;
  /** Sorted by display name. */
  tags: Tag[];
  tagBySlug: Map<string, Tag>;
  /** Sorted by display name; none on a blog whose posts all have one author, which shows no author at all. */
  authors: Author[];
  authorBySlug: Map<string, Author>;
  /** Newest year first, posts newest first. */
  years: ArchiveYear[];
  /** Any body's HTML as the site serves it (a post's or a page's): links to old URLs rewritten, base path added. */
  bodyHtml: (html: string) => string;
}

export interface IndexOptions {
  /** Show drafts (while developing); a production build leaves them out entirely. */
  showDrafts: boolean;
  /** Show posts dated after `now` (FUTURE=1, or while developing). */
  showFuture?: boolean;
  /** The build's clock, in ms since the epoch; posts after it are future posts. */
  now?: number;
  /** Display names by category slug that win over the spelling in posts. */
  categoryLabels: Record<string, string>;
  /** Display names by tag slug that win over the spelling in posts. */
  tagLabels?: Record<string, string>;
  /** The author of every post that names none (site.config.ts `author`). */
  siteAuthor?: { name: string; url?: string };
  /** Profiles by slug (lib/content/authors.ts): their names win over the spelling in posts. */
  authorProfiles?: readonly AuthorProfileData[];
  /** Where a post's source is edited, `{path}` standing for its path in the content folder (EDIT_URL). */
  editUrl?: string;
  /** Sub-path the site is served under, added to root-relative URLs in post bodies. */
  basePath?: string;
  /** The site's origin: links in bodies to a post's old URL with it are rewritten too. */
  origin?: string;
  /**
   * Reads a post's HTML from its `htmlFile`, when a page asks for it: listings never load a body, so the
   * pages' data holds no post body (lib/site/posts.ts).
   */
  readHtml?: (htmlFile: string) => string;
}

export const RELATED_COUNT = 3;
/** Posts with more categories and tags than this are matched on their first ones only (2^n subsets). */
const MAX_MATCHED_TERMS = 6;

function newestFirst(a: SourcePost, b: SourcePost): number {
  return b.publishedAt.epochMs - a.publishedAt.epochMs || a.postSlug.localeCompare(b.postSlug);
}

/**
 * One slug per post: the content step reports it through this index (lib/content/check.ts). An empty title is
 * refused earlier, with the post's other fields (lib/content/post-fields.ts), so no such post reaches here.
 */
function checkSources(sources: readonly SourcePost[]): void {
  const fileBySlug = new Map<string, string>();
  for (const source of sources) {
    const other = fileBySlug.get(source.postSlug);
    if (other !== undefined) {
      throw new ContentError(
        source.sourcePath,
        'slug',
        `"${source.postSlug}" is also the slug of ${other}; give one of them another "slug"`,
      );
    }
    fileBySlug.set(source.postSlug, source.sourcePath);
  }
}

/** Each visible post's old URLs (its author's first, then Jekyll's) and the URL it has now; the first claim wins. */
function oldUrlsOf(visible: readonly SourcePost[]): Map<string, string> {
  const urls = new Map<string, string>();
  const claim = (from: string, source: SourcePost) => {
    if (from && !urls.has(from)) urls.set(from, postPath(source.postSlug));
  };
  for (const source of visible) for (const from of source.oldUrls ?? []) claim(from.trim(), source);
  for (const source of visible) claim(source.jekyllUrl ?? '', source);
  return urls;
}

export function buildPostIndex(sources: readonly SourcePost[], options: IndexOptions): PostIndex {
  checkSources(sources);
  // The publish rule, the one place it is written: no drafts, no future posts, unless asked for.
  const now = options.now ?? Date.now();
  const isFuture = (source: SourcePost) => source.publishedAt.epochMs > now;
  const visible = sources
    .filter(
      (source) =>
        (options.showDrafts || !source.isDraft) && (options.showFuture || !isFuture(source)),
    )
    .sort(newestFirst);

  const categoryLink = termLinker(
    visible,
    (source) => source.categoryRefs,
    options.categoryLabels,
    categoryPath,
  );
  const tagLink = termLinker(visible, (source) => source.tagRefs, options.tagLabels ?? {}, tagPath);
  const profiles = authorProfiles(options);
  const siteAuthorRefs = options.siteAuthor ? [siteAuthorRef(options.siteAuthor, profiles)] : [];
  const authorRefsOf = (source: SourcePost) =>
    source.authorRefs?.length ? source.authorRefs : siteAuthorRefs;
  const authorLink = termLinker(
    visible,
    authorRefsOf,
    Object.fromEntries([...profiles].map(([slug, profile]) => [slug, profile.name])),
    authorPath,
  );

  const posts: PostListItem[] = visible.map((source) => ({
    slug: source.postSlug,
    url: postPath(source.postSlug),
    title: source.title.trim(),
    date: source.publishedAt,
    updated: source.updatedAt ?? null,
    categories: source.categoryRefs.map((ref) => categoryLink(ref.slug)),
    tags: source.tagRefs.map((ref) => tagLink(ref.slug)),
    authors: authorRefsOf(source).map((ref) => authorLink(ref.slug)),
    // contentlayer's field `summary` is the excerpt: the author's, else the first paragraph's text.
    excerpt: source.summary,
    readingMinutes: source.readingMinutes,
    isDraft: source.isDraft,
    inSitemap: source.inSitemap ?? true,
    isFuture: isFuture(source),
    sourcePath: source.sourcePath,
    shareImage: source.shareImage
      ? { url: source.shareImage, drawn: false }
      : { url: postShareImagePath(source.postSlug), drawn: true },
  }));

  const categories = groupByTerm(posts, (post) => post.categories);
  const tags = groupByTerm(posts, (post) => post.tags);
  const byAuthor = groupByTerm(posts, (post) => post.authors);
  // One author is the blog's voice, not a way to browse it: no author pages, no bylines.
  const authors: Author[] =
    byAuthor.terms.length > 1
      ? byAuthor.terms.map((term) => ({
          ...term,
          profile: profiles.get(term.slug) ?? { slug: term.slug, name: term.name, links: [] },
        }))
      : [];

  let relatedOf: ((position: number) => PostListItem[]) | undefined;
  // Links to a post by one of its old URLs go straight to it (lib/site/old-links.ts): rewritten when a body is
  // read, so a post whose URL changes never leaves stale links in another post's cached HTML.
  const oldLinks = {
    oldUrls: oldUrlsOf(visible),
    origin: options.origin ?? '',
    basePath: options.basePath ?? '',
  };
  const bodyHtml = (html: string) =>
    withBasePath(rewriteOldLinks(html, oldLinks), options.basePath ?? '');
  const htmlOf = (source: SourcePost) =>
    bodyHtml(
      source.html ?? (source.htmlFile && options.readHtml ? options.readHtml(source.htmlFile) : ''),
    );
  const postBySlug = new Map<string, Post>();
  posts.forEach((listed, position) => {
    const source = visible[position]!;
    postBySlug.set(listed.slug, {
      ...listed,
      // Read when a page uses it: only the post's own page and the newest posts' feed entries do.
      get html() {
        return htmlOf(source);
      },
      lead: source.hasOwnExcerpt ? listed.excerpt : null,
      headings: source.headings ?? [],
      hasMath: source.hasMath ?? false,
      editUrl:
        options.editUrl && source.contentPath
          ? options.editUrl.replace('{path}', encodeURI(source.contentPath))
          : null,
      previous: posts[position + 1] ?? null,
      next: posts[position - 1] ?? null,
      // Found on first use: only a post's own page shows them, so listing and feed workers never pay.
      get related() {
        relatedOf ??= relatedPostsFinder(posts);
        return relatedOf(position);
      },
    });
  });

  return {
    posts,
    postBySlug,
    categories: categories.terms,
    categoryBySlug: categories.bySlug,
    tags: tags.terms,
    tagBySlug: tags.bySlug,
    authors,
    authorBySlug: new Map(authors.map((author) => [author.slug, author])),
    years: groupByYear(posts),
    bodyHtml,
  };
}

/** Profiles by slug; the site's author has one of its name and URL unless a profile describes it. */
function authorProfiles(options: IndexOptions): Map<string, AuthorProfileData> {
  const profiles = new Map(
    (options.authorProfiles ?? []).map((profile) => [profile.slug, profile]),
  );
  const site = options.siteAuthor;
  if (!site) return profiles;
  const { slug } = siteAuthorRef(site, profiles);
  if (slug && !profiles.has(slug))
    profiles.set(slug, {
      slug,
      name: site.name,
      // A Jekyll `_config.yml` may hold any text here: only a web address becomes a link.
      links:
        site.url && /^https?:\/\//i.test(site.url) ? [{ label: 'Website', url: site.url }] : [],
    });
  return profiles;
}

/**
 * The site's author as a post names it: the profile of that key, or the one of that name (`jane: { name: Jane
 * Doe }` for a site whose author is Jane Doe), so one person never counts as two authors.
 */
function siteAuthorRef(
  site: { name: string },
  profiles: ReadonlyMap<string, AuthorProfileData>,
): { name: string; slug: string } {
  const slug = categorySlug(site.name);
  if (profiles.has(slug)) return { name: site.name, slug };
  const named = [...profiles.values()].find((profile) => categorySlug(profile.name) === slug);
  return { name: site.name, slug: named?.slug ?? slug };
}

/** A term (category or tag) is named as the newest post spells it, unless the site config says otherwise. */
function termLinker(
  visible: readonly SourcePost[],
  refsOf: (source: SourcePost) => readonly { slug: string; name: string }[],
  labels: Record<string, string>,
  pathOf: (slug: string) => string,
): (slug: string) => TermLink {
  const names = new Map<string, string>();
  for (const source of visible) {
    for (const ref of refsOf(source)) {
      // Own keys only: `category: constructor` is a name, not Object.prototype's.
      if (!names.has(ref.slug))
        names.set(ref.slug, Object.hasOwn(labels, ref.slug) ? labels[ref.slug]! : ref.name);
    }
  }
  const links = new Map<string, TermLink>();
  return (slug) => {
    let link = links.get(slug);
    if (!link) {
      link = { slug, name: names.get(slug) ?? slug, url: pathOf(slug) };
      links.set(slug, link);
    }
    return link;
  };
}

/** Each term with its posts (newest first, as `posts` is), sorted by display name. */
function groupByTerm(
  posts: readonly PostListItem[],
  linksOf: (post: PostListItem) => readonly TermLink[],
): { terms: Term[]; bySlug: Map<string, Term> } {
  const bySlug = new Map<string, Term>();
  for (const post of posts) {
    for (const link of linksOf(post)) {
      let term = bySlug.get(link.slug);
      if (!term) {
        term = { ...link, posts: [] };
        bySlug.set(link.slug, term);
      }
      term.posts.push(post);
    }
  }
  const terms = [...bySlug.values()].sort(
    (a, b) =>
      a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }) ||
      a.slug.localeCompare(b.slug),
  );
  return { terms, bySlug };
}

function groupByYear(posts: PostListItem[]): ArchiveYear[] {
  const years: ArchiveYear[] = [];
  for (const post of posts) {
    const year = Number(post.date.day.slice(0, 4));
    const last = years[years.length - 1];
    if (last?.year === year) last.posts.push(post);
    else years.push({ year, posts: [post] });
  }
  return years;
}

/** Every non-empty subset of a post's terms, as sorted keys, grouped by size. */
function termSubsets(terms: string[]): string[][] {
  const sorted = [...terms].sort().slice(0, MAX_MATCHED_TERMS);
  const bySize: string[][] = sorted.map(() => []);
  for (let mask = 1; mask < 1 << sorted.length; mask += 1) {
    const members = sorted.filter((_, bit) => mask & (1 << bit));
    bySize[members.length - 1]!.push(members.join('\u0000'));
  }
  return bySize;
}

/** A post's categories and tags as one set of terms: a shared category and a shared tag count one each. */
const termsOf = (post: PostListItem) => [
  ...post.categories.map((category) => `c:${category.slug}`),
  ...post.tags.map((tag) => `t:${tag.slug}`),
];

/**
 * Related posts without comparing every pair of posts. Each post is filed under
 * every subset of its terms, categories and tags alike (at most 2^6 lists, each newest first). For a
 * post, the lists of its largest subsets are read first: a post found in a list
 * of size k shares at least k terms, and any post sharing more was already
 * found in a larger list, so reading the head of each list is enough. The cost
 * is linear in the number of posts, not quadratic.
 */
function relatedPostsFinder(posts: PostListItem[]): (position: number) => PostListItem[] {
  const positionsBySubset = new Map<string, number[]>();
  const subsetsOf = posts.map((post) => termSubsets(termsOf(post)));
  subsetsOf.forEach((bySize, position) => {
    for (const key of bySize.flat()) {
      const list = positionsBySubset.get(key);
      if (list) list.push(position);
      else positionsBySubset.set(key, [position]);
    }
  });

  return (position) => {
    const chosen: number[] = [];
    const taken = new Set([position]);
    const bySize = subsetsOf[position] ?? [];
    for (let size = bySize.length; size >= 1 && chosen.length < RELATED_COUNT; size -= 1) {
      const wanted = RELATED_COUNT - chosen.length;
      const candidates = new Set<number>();
      for (const key of bySize[size - 1] ?? []) {
        const list = positionsBySubset.get(key) ?? [];
        // Lists are newest first (positions ascending); skipped entries are at most the taken ones.
        let found = 0;
        for (const candidate of list) {
          if (taken.has(candidate)) continue;
          candidates.add(candidate);
          if (++found >= wanted) break;
        }
      }
      for (const candidate of [...candidates].sort((a, b) => a - b).slice(0, wanted)) {
        chosen.push(candidate);
        taken.add(candidate);
      }
    }
    return chosen.map((candidate) => posts[candidate]!);
  };
}
