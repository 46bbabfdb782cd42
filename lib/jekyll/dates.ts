/**
 * Post dates as Jekyll 4.3 reads them, so that a post keeps the day and URL Jekyll gave it.
 *
 * Jekyll sets `ENV["TZ"]` to `_config.yml`'s `timezone` and reads a front-matter date with
 * `Time.parse(value.to_s).localtime`: a date without an offset is wall-clock time in that zone, a date
 * with an offset is that instant, shown (and put in URLs) in the site zone. One exception comes from
 * Ruby's YAML reader (Psych): an UNQUOTED `2024-03-10 23:30:00` (a YAML timestamp, seconds required)
 * without an offset is read as UTC before Jekyll sees it; quoted, or without seconds, it is site time.
 * Checked against Jekyll 4.3.1 (scripts/jekyll-url-probe.ts).
 */

export interface JekyllDate {
  /** The instant, in milliseconds since 1970 (sub-millisecond fractions are dropped). */
  epochMs: number;
  /** ISO 8601 with the site zone's offset at that instant, e.g. 2024-03-10T09:00:00+01:00 (milliseconds only when not 0). */
  iso: string;
  /** YYYY-MM-DD in the site zone: the day Jekyll shows and puts in URLs. */
  day: string;
  /** The site zone (IANA name) the parts below are in; 'UTC' when the site sets none. */
  timeZone: string;
  /** UTC offset of the site zone at that instant, in seconds (east positive). */
  offsetSeconds: number;
  // Wall-clock parts in the site zone, as Jekyll's URL placeholders read them (strftime).
  year: number;
  /** 1-12 */
  month: number;
  /** 1-31 */
  dayOfMonth: number;
  hour: number;
  minute: number;
  second: number;
  /** 1-366 (:y_day, %j) */
  dayOfYear: number;
  /** ISO 8601 week, 1-53 (:week, %V) */
  isoWeek: number;
  /** ISO 8601 week-numbering year (:w_year, %G); differs from `year` in the first and last days of a year. */
  isoWeekYear: number;
  /** 1 = Monday … 7 = Sunday (:w_day, %u) */
  weekday: number;
}

export interface ParseJekyllDateOptions {
  /**
   * The value was written as an unquoted (plain) YAML scalar. Jekyll's YAML reader then takes
   * `2024-03-10 23:30:00` (a YAML 1.1 timestamp: date, time with seconds, no offset) as UTC.
   * Quoted, the same text is site time. Its fraction of a second is dropped (Jekyll re-reads it from
   * Time#to_s), and a one-digit offset ("+2") counts. Callers with the YAML node know:
   * `isScalar(node) && node.type === 'PLAIN'`.
   */
  yamlPlainScalar?: boolean;
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** Zone names Ruby's Time.parse applies (Time::ZoneOffset, not counting military letters), in hours. */
const RUBY_ZONE_HOURS: Record<string, number> = {
  UTC: 0,
  Z: 0,
  UT: 0,
  GMT: 0,
  EST: -5,
  EDT: -4,
  CST: -6,
  CDT: -5,
  MST: -7,
  MDT: -6,
  PST: -8,
  PDT: -7,
};

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

function offsetFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = offsetFormatters.get(timeZone);
  if (!formatter) {
    // longOffset ("GMT+05:30") gives the offset without going through ICU's calendar, which turns
    // Julian before 1582; the wall-clock parts are then computed with Date's proleptic Gregorian
    // calendar, as Ruby's Time does.
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    offsetFormatters.set(timeZone, formatter);
  }
  return formatter;
}

const checkedTimeZones = new Set<string>();

/** Throws a clear Error when the IANA zone name is unknown. */
export function checkTimeZone(name: string): void {
  if (checkedTimeZones.has(name)) return;
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    throw new Error(
      `timezone "${name}" is not a known IANA time zone name (like Europe/Berlin or America/New_York)`,
    );
  }
  // Intl accepts "europe/berlin"; Jekyll hands the name to the C library, which looks for a file of
  // exactly that name, finds none and silently uses UTC. Refuse rather than guess which was meant.
  if (resolved !== name && resolved.toLowerCase() === name.toLowerCase()) {
    throw new Error(
      `timezone "${name}" must be written "${resolved}" (Jekyll reads a zone name case-sensitively and would fall back to UTC)`,
    );
  }
  checkedTimeZones.add(name);
}

/** The site zone's UTC offset at an instant, in seconds. */
function zoneOffsetSeconds(epochMs: number, timeZone: string | undefined): number {
  if (timeZone === undefined) return 0;
  const name =
    offsetFormatter(timeZone)
      .formatToParts(epochMs)
      .find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /^GMT(?:([+-])(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?)?$/.exec(name);
  if (!match) throw new Error(`cannot read the UTC offset "${name}" of time zone ${timeZone}`);
  if (!match[1]) return 0;
  const seconds = Number(match[2]) * 3600 + Number(match[3] ?? 0) * 60 + Number(match[4] ?? 0);
  return match[1] === '-' ? -seconds : seconds;
}

/** Milliseconds of a wall-clock time read as if it were UTC (years 0-99 are not shifted to 1900). */
function wallAsUtcMs(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  ms: number,
): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, ms);
  return date.getTime();
}

const HOUR_MS = 3_600_000;

/**
 * The instant of a wall-clock time in a zone. Where the clock jumps, Ruby's Time.local (and so Jekyll)
 * takes the later of the two candidate instants: a time skipped by a jump forward is read with the
 * offset from before the jump (02:30 on a spring-forward night becomes 03:30), a time repeated by a
 * jump back is the second one (standard time in most zones). Verified for New York, Berlin, Sydney,
 * Lord Howe, Dublin, São Paulo (midnight jumps) and Apia (a skipped day).
 */
function instantOfWallTime(wallMs: number, timeZone: string | undefined): number {
  if (timeZone === undefined) return wallMs;
  const offsets = new Set<number>();
  for (const probe of [wallMs - 30 * HOUR_MS, wallMs, wallMs + 30 * HOUR_MS])
    offsets.add(zoneOffsetSeconds(probe, timeZone));
  // No clock change within 30 hours either side: the one offset holds.
  if (offsets.size === 1) return wallMs - [...offsets][0]! * 1000;
  const candidates = [...offsets].map((offset) => ({ offset, instant: wallMs - offset * 1000 }));
  const valid = candidates.filter(
    ({ offset, instant }) => zoneOffsetSeconds(instant, timeZone) === offset,
  );
  const pool = valid.length > 0 ? valid : candidates;
  return Math.max(...pool.map(({ instant }) => instant));
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

function formatOffset(offsetSeconds: number): string {
  const sign = offsetSeconds < 0 ? '-' : '+';
  const minutes = Math.floor(Math.abs(offsetSeconds) / 60);
  // ISO 8601 has no seconds in offsets; local mean times before ~1900 (+00:53:28) are cut as Ruby prints them.
  return `${sign}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** The JekyllDate of an instant, with its parts in the site zone. */
function dateAt(epochMs: number, timeZone: string | undefined): JekyllDate {
  const offsetSeconds = zoneOffsetSeconds(epochMs, timeZone);
  const wall = new Date(epochMs + offsetSeconds * 1000);
  const year = wall.getUTCFullYear();
  const month = wall.getUTCMonth() + 1;
  const dayOfMonth = wall.getUTCDate();
  const hour = wall.getUTCHours();
  const minute = wall.getUTCMinutes();
  const second = wall.getUTCSeconds();
  const millisecond = wall.getUTCMilliseconds();
  const dayOfYear =
    Math.round(
      (wallAsUtcMs(year, month, dayOfMonth, 0, 0, 0, 0) - wallAsUtcMs(year, 1, 1, 0, 0, 0, 0)) /
        86_400_000,
    ) + 1;
  const weekday = ((wall.getUTCDay() + 6) % 7) + 1;
  // ISO week: the week (Monday first) that holds this week's Thursday, counted in the Thursday's year.
  const thursday = new Date(wallAsUtcMs(year, month, dayOfMonth + 4 - weekday, 0, 0, 0, 0));
  const isoWeekYear = thursday.getUTCFullYear();
  const thursdayOfYear =
    Math.round((thursday.getTime() - wallAsUtcMs(isoWeekYear, 1, 1, 0, 0, 0, 0)) / 86_400_000) + 1;
  const isoWeek = Math.floor((thursdayOfYear - 1) / 7) + 1;
  const yearText = year >= 0 && year <= 9999 ? pad(year, 4) : String(year);
  const day = `${yearText}-${pad(month)}-${pad(dayOfMonth)}`;
  const fraction = millisecond === 0 ? '' : `.${pad(millisecond, 3)}`;
  return {
    epochMs,
    iso: `${day}T${pad(hour)}:${pad(minute)}:${pad(second)}${fraction}${formatOffset(offsetSeconds)}`,
    day,
    timeZone: timeZone ?? 'UTC',
    offsetSeconds,
    year,
    month,
    dayOfMonth,
    hour,
    minute,
    second,
    dayOfYear,
    isoWeek,
    isoWeekYear,
    weekday,
  };
}

interface DateTimeFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** Fraction of a second as written, e.g. "5" for .5 */
  fraction: string;
  /** Seconds east of UTC, or undefined for wall-clock time in the site zone. */
  offsetSeconds: number | undefined;
}

const daysInMonth = (year: number, month: number) =>
  new Date(wallAsUtcMs(year, month + 1, 0, 0, 0, 0, 0)).getUTCDate();

/** Ruby reads a two-digit year as 1969-2068; three digits are taken as written. */
function fullYear(text: string): number {
  const year = Number(text);
  if (text.length === 2) return year >= 69 ? 1900 + year : 2000 + year;
  return year;
}

/** A month name as Ruby's Date._parse takes it: its first three letters, then any letters of the name ("Sept"). */
function monthNumber(name: string): number | undefined {
  const lower = name.toLowerCase().replace(/\.$/, '');
  if (lower.length < 3) return undefined;
  const index = MONTHS.findIndex((month) => month.startsWith(lower));
  return index < 0 ? undefined : index + 1;
}

/** Seconds of a numeric offset: +02, +0200, +02:00, +02:00:00 (Ruby ignores a one-digit "+2"). */
function numericOffset(text: string): number | undefined {
  const match = /^([+-])(\d{2})(?::?(\d{2})(?::?(\d{2}))?)?$/.exec(text);
  if (!match) return undefined;
  const seconds = Number(match[2]) * 3600 + Number(match[3] ?? 0) * 60 + Number(match[4] ?? 0);
  return match[1] === '-' ? -seconds : seconds;
}

function zoneOffset(text: string, raw: string): number {
  const named = RUBY_ZONE_HOURS[text.toUpperCase()];
  if (named !== undefined) return named * 3600;
  const numeric = numericOffset(text);
  if (numeric !== undefined) return numeric;
  if (/^[+-]\d$/.test(text))
    throw new Error(
      `date "${raw}": Jekyll ignores the one-digit offset "${text}" and reads the time as site time; write it as ${text[0]}0${text[1]}:00`,
    );
  throw new Error(
    `date "${raw}": the zone "${text}" is not one Jekyll applies (it would read the time as site time); write an offset like +01:00 instead`,
  );
}

const TIME_PART =
  /^(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:[.,](\d+))?)?(?:\s*([AaPp])\.?[Mm]\.?)?(?:\s*(\S+))?$/;

/** Parses "10:00", "10:00:00.5 +0200", "10:00 PM", "10:00:00Z" into time fields. */
function parseTimePart(
  text: string,
  raw: string,
): Pick<DateTimeFields, 'hour' | 'minute' | 'second' | 'fraction' | 'offsetSeconds'> {
  const match = TIME_PART.exec(text);
  if (!match)
    throw new Error(
      `date "${raw}" has a time Jekyll cannot read the same way; write it as HH:MM or HH:MM:SS`,
    );
  let hour = Number(match[1]);
  const meridiem = match[5]?.toLowerCase();
  if (meridiem) {
    if (hour < 1 || hour > 12)
      throw new Error(
        `date "${raw}": hour ${hour} does not go with ${meridiem}m; write a 24-hour time`,
      );
    hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
  }
  return {
    hour,
    minute: Number(match[2]),
    second: Number(match[3] ?? 0),
    fraction: match[4] ?? '',
    offsetSeconds: match[6] === undefined ? undefined : zoneOffset(match[6], raw),
  };
}

/** Splits "2024-11-15T10:00Z" or "2024-11-15 10:00 +0200" after a numeric date. */
function splitAfterDate(rest: string): string | undefined {
  if (rest === '') return undefined;
  const match = /^(?:[Tt]|\s+)(\d.*)$/.exec(rest);
  return match ? match[1] : rest;
}

const NOT_A_DATE = (raw: string) =>
  new Error(
    `"${raw}" is not a date Jekyll reads; write it as YYYY-MM-DD, optionally with a time and an offset: 2024-11-15 10:00:00 +0200`,
  );

/** Reads the forms of Ruby's Time.parse that posts use; refuses the rest rather than guess. */
function parseTimeText(raw: string): DateTimeFields {
  const text = raw.trim().replace(/\s+/g, ' ');
  let year: number;
  let month: number;
  let day: number;
  let timeText: string | undefined;

  const numeric =
    /^(\d{2,4})-(\d{1,2})-(\d{1,2})(.*)$/.exec(text) ??
    /^(\d{4})\/(\d{1,2})\/(\d{1,2})(.*)$/.exec(text);
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  // "Nov 15, 2024", "November 15 2024 10:00", "Fri, 15 Nov 2024 10:00:00 +0000", "15-Nov-2024"
  const monthFirst = /^(?:([A-Za-z]+),?\s)?([A-Za-z]+\.?)\s(\d{1,2}),?\s(\d{4})(?:\s(.+))?$/.exec(
    text,
  );
  const dayFirst = /^(?:([A-Za-z]+),?\s)?(\d{1,2})[\s-]([A-Za-z]+\.?)[\s-](\d{4})(?:\s(.+))?$/.exec(
    text,
  );
  if (numeric) {
    year = fullYear(numeric[1]!);
    month = Number(numeric[2]);
    day = Number(numeric[3]);
    const rest = numeric[4]!;
    timeText = splitAfterDate(rest);
    if (timeText !== undefined && !/^\d/.test(timeText)) {
      // A zone after a bare date ("2024-11-15 +0200", "2024-11-15Z") is ignored by Ruby's Time.parse:
      // the post is at midnight site time. Only a zone is accepted there, not any other text.
      parseTimePart(`00:00 ${timeText.trim()}`, raw);
      timeText = undefined;
    }
  } else if (compact) {
    year = Number(compact[1]);
    month = Number(compact[2]);
    day = Number(compact[3]);
  } else if (monthFirst || dayFirst) {
    const weekdayName = (monthFirst ?? dayFirst)![1];
    if (weekdayName !== undefined) {
      const lower = weekdayName.toLowerCase();
      if (
        !WEEKDAYS.some((name) => name === lower || (lower.length === 3 && name.startsWith(lower)))
      )
        throw NOT_A_DATE(raw);
    }
    const monthName = monthFirst ? monthFirst[2]! : dayFirst![3]!;
    const found = monthNumber(monthName);
    if (found === undefined) throw NOT_A_DATE(raw);
    month = found;
    day = Number(monthFirst ? monthFirst[3] : dayFirst![2]);
    year = Number(monthFirst ? monthFirst[4] : dayFirst![4]);
    timeText = (monthFirst ?? dayFirst)![5];
  } else {
    throw NOT_A_DATE(raw);
  }

  const time =
    timeText === undefined
      ? { hour: 0, minute: 0, second: 0, fraction: '', offsetSeconds: undefined }
      : parseTimePart(timeText, raw);
  return { year, month, day, ...time };
}

/** Refuses what Ruby would roll over (2023-02-30 → March 2) or reject. */
function checkFields(fields: DateTimeFields, raw: string): void {
  const { year, month, day, hour, minute, second, offsetSeconds } = fields;
  if (year < 1 || year > 9999)
    throw new Error(`date "${raw}": year ${year} is out of range (1-9999)`);
  if (month < 1 || month > 12) throw new Error(`date "${raw}": there is no month ${month}`);
  const lastDay = daysInMonth(year, month);
  if (day < 1 || day > lastDay)
    throw new Error(
      `date "${raw}": ${year}-${pad(month)} has no day ${day} (Jekyll would move it into the next month); correct the date`,
    );
  // 24:00 (end of the day) is valid ISO 8601 and Jekyll reads it as the next midnight.
  const endOfDay = hour === 24 && minute === 0 && second === 0 && !/[1-9]/.test(fields.fraction);
  if ((hour > 23 && !endOfDay) || minute > 59 || second > 59)
    throw new Error(
      `date "${raw}": ${pad(hour)}:${pad(minute)}:${pad(second)} is not a time of day`,
    );
  if (offsetSeconds !== undefined && Math.abs(offsetSeconds) >= 86_400)
    throw new Error(`date "${raw}": the offset is 24 hours or more`);
}

/** Psych's YAML 1.1 timestamp (scalar_scanner.rb TIME): read by the YAML parser, before Jekyll. */
const YAML_TIMESTAMP =
  /^-?\d{4}-\d{1,2}-\d{1,2}(?:[Tt]|\s+)\d{1,2}:\d\d:\d\d(?:\.\d*)?(?:\s*(?:Z|[-+]\d{1,2}:?(?:\d\d)?))?$/;

function parseYamlTimestamp(text: string, raw: string): DateTimeFields {
  // Psych: `date, time = string.split(/[ tT]/, 2)`, then an unanchored match in the time.
  const split = text.search(/[ Tt]/);
  const [year, month, day] = /^(\d{4})-(\d{1,2})-(\d{1,2})/
    .exec(text.slice(0, split))!
    .slice(1)
    .map(Number) as [number, number, number];
  const match = /(\d+):(\d+):(\d+)(?:\.(\d*))?\s*(Z|[-+]\d+(?::\d\d)?)?/.exec(
    text.slice(split + 1),
  )!;
  const zone = match[5];
  let offsetSeconds = 0; // no offset, or Z: Psych makes it UTC
  if (zone !== undefined && zone !== 'Z') {
    const parts = /^([+-]?\d{1,2}):?(\d{1,2})?$/.exec(zone);
    if (!parts) throw new Error(`date "${raw}": cannot read the offset "${zone}"`);
    // Psych adds the minutes away from zero only when the hours are negative, so "-00:30" is +00:30.
    const hours = Number(parts[1]);
    const minutes = Number(parts[2] ?? 0);
    offsetSeconds = hours * 3600 + (hours < 0 ? -minutes : minutes) * 60;
  }
  return {
    year,
    month,
    day,
    hour: Number(match[1]),
    minute: Number(match[2]),
    second: Number(match[3]),
    fraction: match[4] ?? '',
    offsetSeconds,
  };
}

/**
 * Parses a front-matter date as Jekyll does. A date without offset is wall-clock time in `timeZone`
 * (IANA name from _config.yml `timezone`; undefined = UTC), but see `yamlPlainScalar`. A date with an
 * offset keeps its instant; its day and URL parts are those of the site zone. Throws an Error with a
 * clear message for text that is not a date and for impossible dates (2023-02-30), which Ruby would
 * roll over into the next month.
 */
export function parseJekyllDate(
  raw: string,
  timeZone: string | undefined,
  options: ParseJekyllDateOptions = {},
): JekyllDate {
  if (timeZone !== undefined) checkTimeZone(timeZone);
  const text = raw.trim();
  const fields =
    options.yamlPlainScalar && YAML_TIMESTAMP.test(text)
      ? parseYamlTimestamp(text, raw)
      : parseTimeText(text);
  checkFields(fields, raw);
  // A YAML timestamp reaches Jekyll's Time.parse as Time#to_s, which has no fraction of a second.
  const fraction = options.yamlPlainScalar && YAML_TIMESTAMP.test(text) ? '' : fields.fraction;
  const milliseconds = Math.floor(Number(`0.${fraction || '0'}`) * 1000);
  const wallMs = wallAsUtcMs(
    fields.year,
    fields.month,
    fields.day,
    fields.hour,
    fields.minute,
    fields.second,
    milliseconds,
  );
  const epochMs =
    fields.offsetSeconds === undefined
      ? instantOfWallTime(wallMs, timeZone)
      : wallMs - fields.offsetSeconds * 1000;
  return dateAt(epochMs, timeZone);
}

/** Jekyll's post file name: date, slug, extension (Document::DATE_FILENAME_MATCHER on the name). */
const DATED_FILE_NAME = /^(\d{2,4}-\d{1,2}-\d{1,2})-(.*)(\.[^.]+)$/s;

/** The date of a post file name (2024-11-15-title.md) at midnight in the time zone, or null when the
 * name has no date prefix (Jekyll does not read such a file in _posts). Throws for an impossible date. */
export function fileNameDate(fileName: string, timeZone: string | undefined): JekyllDate | null {
  const match = DATED_FILE_NAME.exec(fileName.slice(fileName.lastIndexOf('/') + 1));
  if (!match) return null;
  return parseJekyllDate(match[1]!, timeZone);
}
