const longDate = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' });

/** "November 15, 2024" for the calendar day the author wrote (YYYY-MM-DD). */
export function formatDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return longDate.format(new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, date ?? 1)));
}

export function pluralize(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

/** Text made safe inside HTML, attribute values included. */
export const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
