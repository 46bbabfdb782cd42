import type { MetadataRoute } from 'next';
import { getCategories, getPosts } from '@/lib/posts';
import { absoluteUrl, categoriesPath, homePath } from '@/lib/urls';

export const dynamic = 'force-static';

export default function sitemap(): MetadataRoute.Sitemap {
  const posts = getPosts();
  const newest = posts[0] ? new Date(posts[0].date.epochMs) : undefined;
  return [
    { url: absoluteUrl(homePath()), lastModified: newest },
    { url: absoluteUrl(categoriesPath()), lastModified: newest },
    ...getCategories().map((category) => ({
      url: absoluteUrl(category.url),
      lastModified: category.posts[0] ? new Date(category.posts[0].date.epochMs) : undefined,
    })),
    ...posts.map((post) => ({
      url: absoluteUrl(post.url),
      lastModified: new Date((post.updated ?? post.date).epochMs),
    })),
  ];
}
