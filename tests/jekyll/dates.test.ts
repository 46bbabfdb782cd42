/**
 * Post dates as Jekyll 4.3.1 reads them. Every expected value below was produced by real Jekyll
 * (Psych's YAML, then Jekyll::Utils.parse_date, i.e. Time.parse(...).localtime, with ENV["TZ"] set to the
 * site zone), through scripts/jekyll-url-probe.ts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkTimeZone, fileNameDate, parseJekyllDate } from '../../lib/jekyll/dates';

const iso = (raw: string, zone?: string, plain = false) =>
  parseJekyllDate(raw, zone, { yamlPlainScalar: plain }).iso;

describe('parseJekyllDate: the forms posts use', () => {
  const cases: [raw: string, zone: string | undefined, expected: string][] = [
    ['2024-11-15', undefined, '2024-11-15T00:00:00+00:00'],
    ['2024-11-15', 'Europe/Berlin', '2024-11-15T00:00:00+01:00'],
    ['2024-1-5', 'Europe/Berlin', '2024-01-05T00:00:00+01:00'],
    ['24-1-5', 'Europe/Berlin', '2024-01-05T00:00:00+01:00'],
    ['2024-11-15 10:00', 'Europe/Berlin', '2024-11-15T10:00:00+01:00'],
    ['2024-11-15 9:05', undefined, '2024-11-15T09:05:00+00:00'],
    ['  2024-11-15  ', undefined, '2024-11-15T00:00:00+00:00'],
    ['2024-11-15T10:00:00.5', 'Europe/Berlin', '2024-11-15T10:00:00.500+01:00'],
    ['2024/11/15', 'Europe/Berlin', '2024-11-15T00:00:00+01:00'],
    ['20241115', 'Europe/Berlin', '2024-11-15T00:00:00+01:00'],
    ['2024-11-15 10:00 PM', undefined, '2024-11-15T22:00:00+00:00'],
    ['2024-11-15 12:30 am', undefined, '2024-11-15T00:30:00+00:00'],
    ['Nov 15, 2024', undefined, '2024-11-15T00:00:00+00:00'],
    ['15 November 2024 10:00', 'Europe/Berlin', '2024-11-15T10:00:00+01:00'],
    ['15-Nov-2024', undefined, '2024-11-15T00:00:00+00:00'],
    ['Sept 15, 2024', undefined, '2024-09-15T00:00:00+00:00'],
    ['Thu, 4 Jan 2024', undefined, '2024-01-04T00:00:00+00:00'],
    ['2024-11-15 24:00', undefined, '2024-11-16T00:00:00+00:00'],
  ];
  for (const [raw, zone, expected] of cases)
    it(`${raw} in ${zone ?? 'UTC'} is ${expected}`, () => assert.equal(iso(raw, zone), expected));
});

describe('parseJekyllDate: an offset keeps the instant, shown in the site zone (Jekyll calls localtime)', () => {
  const cases: [raw: string, zone: string | undefined, expected: string][] = [
    ['2024-11-15 10:00:00 +0200', 'Europe/Berlin', '2024-11-15T09:00:00+01:00'],
    ['2024-11-15T10:00:00Z', 'Europe/Berlin', '2024-11-15T11:00:00+01:00'],
    ['2024-11-15 10:00:00 -05:00', 'Europe/Berlin', '2024-11-15T16:00:00+01:00'],
    ['2024-11-15 10:00:00.123456789 +02', 'Europe/Berlin', '2024-11-15T09:00:00.123+01:00'],
    ['2024-11-15 10:00:00+0530', 'Europe/Berlin', '2024-11-15T05:30:00+01:00'],
    ['2024-11-15 10:00:00 +14:00', 'Europe/Berlin', '2024-11-14T21:00:00+01:00'],
    ['Fri, 15 Nov 2024 10:00:00 +0000', 'Europe/Berlin', '2024-11-15T11:00:00+01:00'],
    // Ruby's Time::ZoneOffset names.
    ['2024-11-15 10:00:00 EST', 'Europe/Berlin', '2024-11-15T16:00:00+01:00'],
    ['2024-11-15 10:00:00 utc', undefined, '2024-11-15T10:00:00+00:00'],
    // The zone after a bare date is ignored: midnight, site time.
    ['2024-11-15 +0200', 'America/New_York', '2024-11-15T00:00:00-05:00'],
    ['2024-11-15Z', 'America/New_York', '2024-11-15T00:00:00-05:00'],
  ];
  for (const [raw, zone, expected] of cases)
    it(`${raw} in ${zone ?? 'UTC'} is ${expected}`, () => assert.equal(iso(raw, zone), expected));

  it('moves the day and so the URL: 23:30 -0500 is the next day in UTC', () => {
    const date = parseJekyllDate('2024-03-04 23:30:00 -0500', undefined);
    assert.equal(date.day, '2024-03-05');
    assert.deepEqual([date.hour, date.minute], [4, 30]);
  });
});

describe('parseJekyllDate: an unquoted YAML timestamp is read by the YAML parser first', () => {
  it('without an offset it is UTC, not site time', () => {
    assert.equal(iso('2024-03-10 23:30:00', 'Europe/Berlin', true), '2024-03-11T00:30:00+01:00');
    assert.equal(iso('2024-05-01 02:00:00', 'America/New_York', true), '2024-04-30T22:00:00-04:00');
  });
  it('quoted, or without seconds, the same text is site time', () => {
    assert.equal(iso('2024-03-10 23:30:00', 'Europe/Berlin', false), '2024-03-10T23:30:00+01:00');
    assert.equal(iso('2024-03-10 23:30', 'Europe/Berlin', true), '2024-03-10T23:30:00+01:00');
  });
  it('loses its fraction of a second and reads a one-digit offset', () => {
    assert.equal(
      iso('2024-05-06 10:11:12.999999 -04:00', 'America/New_York', true),
      '2024-05-06T10:11:12-04:00',
    );
    assert.equal(
      parseJekyllDate('1969-12-31 23:59:59.999', 'America/New_York', { yamlPlainScalar: true })
        .epochMs,
      -1000,
    );
    assert.equal(
      iso('2024-05-07 10:00:00 +2', 'America/New_York', true),
      '2024-05-07T04:00:00-04:00',
    );
  });
  it('reads "-00:30" as +00:30, as Psych does', () => {
    assert.equal(iso('2024-11-15 10:00:00 -00:30', undefined, true), '2024-11-15T09:30:00+00:00');
    assert.equal(iso('2024-11-15 10:00:00 -00:30', undefined, false), '2024-11-15T10:30:00+00:00');
  });
});

describe('parseJekyllDate: clock changes, as Ruby Time.local resolves them (the later instant)', () => {
  const cases: [raw: string, zone: string, expected: string][] = [
    ['2024-03-10 02:30', 'America/New_York', '2024-03-10T03:30:00-04:00'],
    ['2024-11-03 01:30', 'America/New_York', '2024-11-03T01:30:00-05:00'],
    ['2024-03-31 02:30', 'Europe/Berlin', '2024-03-31T03:30:00+02:00'],
    ['2024-10-27 02:30', 'Europe/Berlin', '2024-10-27T02:30:00+01:00'],
    ['2024-04-07 02:30', 'Australia/Sydney', '2024-04-07T02:30:00+10:00'],
    ['2024-10-06 02:15', 'Australia/Lord_Howe', '2024-10-06T02:45:00+11:00'],
    ['2024-10-27 01:30', 'Europe/Dublin', '2024-10-27T01:30:00+00:00'],
    ['2018-11-04', 'America/Sao_Paulo', '2018-11-04T01:00:00-02:00'],
    ['2011-12-30', 'Pacific/Apia', '2011-12-31T00:00:00+14:00'],
  ];
  for (const [raw, zone, expected] of cases)
    it(`${raw} in ${zone} is ${expected}`, () => assert.equal(iso(raw, zone), expected));
});

describe('parseJekyllDate: the parts URL placeholders read', () => {
  it('gives wall-clock parts, day of year and ISO week in the site zone', () => {
    const date = parseJekyllDate('2021-01-03 07:08:09', 'Asia/Kolkata', { yamlPlainScalar: true });
    assert.deepEqual(
      {
        day: date.day,
        hms: [date.hour, date.minute, date.second],
        dayOfYear: date.dayOfYear,
        week: [date.isoWeekYear, date.isoWeek, date.weekday],
        offset: date.offsetSeconds,
      },
      { day: '2021-01-03', hms: [12, 38, 9], dayOfYear: 3, week: [2020, 53, 7], offset: 19_800 },
    );
  });
  it('counts ISO weeks across the turn of a year', () => {
    const monday = parseJekyllDate('2024-12-30', undefined);
    assert.deepEqual(
      [monday.isoWeekYear, monday.isoWeek, monday.weekday, monday.dayOfYear],
      [2025, 1, 1, 365],
    );
    const leap = parseJekyllDate('2020-12-31', undefined);
    assert.deepEqual(
      [leap.isoWeekYear, leap.isoWeek, leap.weekday, leap.dayOfYear],
      [2020, 53, 4, 366],
    );
  });
});

describe('parseJekyllDate: refusals', () => {
  const refused: [raw: string, message: RegExp][] = [
    // Jekyll refuses these too.
    ['hello', /is not a date/],
    ['2024-11', /is not a date/],
    ['2024-13-01', /no month 13/],
    ['2024-11-15 25:00', /not a time of day/],
    ['2024-11-15 10:00:00 +24:00', /24 hours or more/],
    // Jekyll rolls these into the next month or minute, or ignores part of them: we refuse.
    ['2023-02-29', /2023-02 has no day 29/],
    ['2023-02-30', /has no day 30 \(Jekyll would move it into the next month\)/],
    ['2024-11-15 10:00:60', /not a time of day/],
    ['2024-11-15 10:00:00 CET', /zone "CET" is not one Jekyll applies/],
    ['2024-11-15 10:00:00 +2', /one-digit offset/],
    ['2024-11-15 10 +0200', /has a time Jekyll cannot read/],
    ['2024-11-15 13:00 PM', /hour 13 does not go with pm/],
  ];
  for (const [raw, message] of refused)
    it(`refuses ${JSON.stringify(raw)}`, () =>
      assert.throws(() => parseJekyllDate(raw, undefined), message));

  it('accepts 29 February in a leap year', () =>
    assert.equal(parseJekyllDate('2024-02-29', undefined).day, '2024-02-29'));
});

describe('checkTimeZone', () => {
  it('accepts IANA names', () => {
    for (const name of [
      'UTC',
      'Europe/Berlin',
      'America/Argentina/Buenos_Aires',
      'Asia/Calcutta',
      'Etc/GMT+5',
    ])
      assert.doesNotThrow(() => checkTimeZone(name));
  });
  it('refuses unknown names, which Jekyll silently reads as UTC', () => {
    assert.throws(() => checkTimeZone('Mars/Olympus'), /not a known IANA time zone name/);
    assert.throws(() => parseJekyllDate('2024-11-15', 'Europe/Atlantis'), /not a known IANA/);
  });
  it('refuses a name in the wrong case', () =>
    assert.throws(() => checkTimeZone('europe/berlin'), /must be written "Europe\/Berlin"/));
});

describe('fileNameDate', () => {
  it('is midnight of the name date in the site zone', () => {
    assert.equal(
      fileNameDate('2024-11-15-title.md', 'America/New_York')?.iso,
      '2024-11-15T00:00:00-05:00',
    );
    assert.equal(fileNameDate('_posts/2024-1-5-x.markdown', undefined)?.day, '2024-01-05');
    assert.equal(fileNameDate('24-1-10-two-digit-year.md', undefined)?.day, '2024-01-10');
  });
  it('is null for a name Jekyll does not take as a post', () => {
    for (const name of [
      'about.md',
      '2024-11-15.md',
      '2024-11-15-no-extension',
      'x-2024-11-15-y.md',
    ])
      assert.equal(fileNameDate(name, undefined), null, name);
  });
  it('throws for an impossible date', () =>
    assert.throws(() => fileNameDate('2023-02-30-x.md', undefined), /has no day 30/));
});
