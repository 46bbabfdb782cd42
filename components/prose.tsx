/** Typography for rendered markdown: the one prose wrapper. */
export function Prose({ html }: { html: string }) {
  return (
    <div
      className="prose prose-blog max-w-none sm:prose-lg prose-headings:tracking-tight prose-a:underline-offset-2"
      // Built at build time from the author's own markdown; raw HTML is kept as written.
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
