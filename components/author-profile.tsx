import type { AuthorProfileData } from '@/lib/site/posts';
import { sitePath } from '@/lib/site/urls';

/** An author's avatar, bio and links, above their posts on their page. */
export function AuthorProfile({ profile }: { profile: AuthorProfileData }) {
  if (!profile.avatar && !profile.bio && profile.links.length === 0) return null;
  return (
    <section
      aria-label={`About ${profile.name}`}
      className="mb-10 flex items-start gap-5 rounded-lg border border-border p-5"
    >
      {profile.avatar ? (
        // The name is the page's heading: the picture adds nothing a screen reader should repeat.
        // eslint-disable-next-line @next/next/no-img-element
        <img
          src={sitePath(profile.avatar)}
          alt=""
          width={72}
          height={72}
          className="h-18 w-18 shrink-0 rounded-full object-cover"
        />
      ) : null}
      <div className="min-w-0">
        {profile.bio ? <p className="leading-relaxed">{profile.bio}</p> : null}
        {profile.links.length > 0 ? (
          <ul className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-label="Links">
            {profile.links.map((link) => (
              <li key={link.url}>
                <a
                  href={sitePath(link.url)}
                  rel="me noopener"
                  className="font-medium text-accent hover:text-accent-hover"
                >
                  {link.label}
                </a>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </section>
  );
}
