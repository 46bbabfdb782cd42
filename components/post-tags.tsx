import { SiteLink } from '@/components/site-link';
import type { TagLink } from '@/lib/site/posts';

/** A post's tags, under its categories on the post's page; nothing when it has none. */
export function PostTags({ tags }: { tags: readonly TagLink[] }) {
  if (tags.length === 0) return null;
  return (
    <ul className="mt-2 flex flex-wrap gap-x-3 gap-y-1 text-sm" aria-label="Tags">
      {tags.map((tag) => (
        <li key={tag.slug}>
          <SiteLink href={tag.url} className="text-muted hover:text-accent">
            <span aria-hidden="true">#</span>
            {tag.name}
          </SiteLink>
        </li>
      ))}
    </ul>
  );
}
