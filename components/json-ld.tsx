import type { JsonLd as JsonLdData } from '@/lib/site/structured-data';

/** Structured data for search engines; `<` is escaped so no text can close the script. */
export function JsonLd({ data }: { data: JsonLdData }) {
  return (
    <script
      type="application/ld+json"
      dangerouslySetInnerHTML={{ __html: JSON.stringify(data).replace(/</g, '\\u003c') }}
    />
  );
}
