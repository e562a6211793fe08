import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createUtilities } from '../../../sandbox/src/services/utilities';
import { errorOf, serviceContext } from './service-context';

const setup = () => {
  const ctx = serviceContext();
  return { ctx, Utilities: createUtilities(ctx) };
};

const signed = (hex: string) => Array.from(Buffer.from(hex, 'hex'), (b) => (b > 127 ? b - 256 : b));

describe('Utilities digests and signatures', () => {
  it('returns signed Java bytes: SHA-256 of "abc" starts with -70 (0xba)', () => {
    const { Utilities } = setup();
    const digest = Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, 'abc');
    expect(digest[0]).toBe(-70);
    expect(digest).toEqual(signed('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'));
    expect(digest.every((b) => b >= -128 && b <= 127)).toBe(true);
  });

  it('digests MD5 and SHA-1, and a byte[] the same as the string it encodes', () => {
    const { Utilities } = setup();
    expect(Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, '')).toEqual(signed('d41d8cd98f00b204e9800998ecf8427e'));
    expect(Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_1, 'abc')).toEqual(signed('a9993e364706816aba3e25717850c26c9cd0d89d'));
    const bytes = Utilities.newBlob('héllo').getBytes();
    expect(Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, bytes)).toEqual(
      Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, 'héllo'),
    );
  });

  it('encodes with the given charset: US_ASCII turns what it cannot hold into "?"', () => {
    const { Utilities } = setup();
    expect(Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, 'é', Utilities.Charset.US_ASCII)).toEqual(
      signed(createHash('md5').update('?').digest('hex')),
    );
    expect(Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, 'é', Utilities.Charset.UTF_8)).toEqual(
      signed(createHash('md5').update('é').digest('hex')),
    );
    expect(errorOf(() => Utilities.computeDigest('SHA256', 'abc'))).toBe(
      "The parameters (String,String) don't match the method signature for Utilities.computeDigest.",
    );
  });

  it('computes HMAC-SHA256 signatures as signed bytes, pairing strings with strings only', () => {
    const { Utilities } = setup();
    const signature = Utilities.computeHmacSha256Signature('The quick brown fox jumps over the lazy dog', 'key');
    expect(signature).toEqual(signed('f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8'));
    expect(signature[0]).toBe(-9);
    expect(Utilities.computeHmacSignature(Utilities.MacAlgorithm.HMAC_SHA_256, [1, 2, -3], [200, -1])).toHaveLength(32);
    expect(errorOf(() => Utilities.computeHmacSha256Signature('value', [1, 2]))).toBe(
      "The parameters (String,Object[]) don't match the method signature for Utilities.computeHmacSha256Signature.",
    );
  });
});

describe('Utilities base64', () => {
  it('round-trips text through base64 and decodes to signed bytes', () => {
    const { Utilities } = setup();
    expect(Utilities.base64Encode('héllo')).toBe('aMOpbGxv');
    const decoded = Utilities.base64Decode('aMOpbGxv');
    expect(decoded).toEqual([104, -61, -87, 108, 108, 111]);
    expect(Utilities.newBlob(decoded).getDataAsString()).toBe('héllo');
    expect(Utilities.base64Encode(decoded)).toBe('aMOpbGxv');
  });

  it('web-safe uses - and _ and keeps the padding', () => {
    const { Utilities } = setup();
    expect(Utilities.base64Encode([-5, -1])).toBe('+/8=');
    expect(Utilities.base64EncodeWebSafe([-5, -1])).toBe('-_8=');
    expect(Utilities.base64DecodeWebSafe('-_8=')).toEqual([-5, -1]);
  });

  it('refuses what is not padded base64 of its own alphabet', () => {
    const { Utilities } = setup();
    expect(errorOf(() => Utilities.base64Decode('-_8='))).toBe('Could not decode string.');
    expect(errorOf(() => Utilities.base64DecodeWebSafe('-_8'))).toBe('Could not decode string.');
    expect(errorOf(() => Utilities.base64Decode('aGk=\n'))).toBe('Could not decode string.');
  });
});

describe('Utilities.formatDate', () => {
  const at = new Date('2026-11-27T05:00:00.042Z');

  it('formats SimpleDateFormat patterns in Asia/Karachi', () => {
    const { Utilities } = setup();
    expect(Utilities.formatDate(at, 'Asia/Karachi', 'yyyy-MM-dd HH:mm:ss.SSS Z')).toBe('2026-11-27 10:00:00.042 +0500');
    expect(Utilities.formatDate(at, 'Asia/Karachi', 'EEE, d MMM yy hh:mm a')).toBe('Fri, 27 Nov 26 10:00 AM');
    expect(Utilities.formatDate(at, 'Asia/Karachi', 'EEEE d MMMM yyyy, h:mm a')).toBe('Friday 27 November 2026, 10:00 AM');
    expect(Utilities.formatDate(at, 'Asia/Karachi', 'M/d/y H:m:s')).toBe('11/27/2026 10:0:0');
    expect(Utilities.formatDate(at, 'Asia/Karachi', 'X XX XXX')).toBe('+05 +0500 +05:00');
    // No abbreviation in en-US data for Karachi: the GMT offset form; the long name matches Java's.
    expect(Utilities.formatDate(at, 'Asia/Karachi', 'z | zzzz')).toBe('GMT+05:00 | Pakistan Standard Time');
    expect(Utilities.formatDate(at, 'UTC', "yyyy-MM-dd'T'HH:mm:ssX")).toBe('2026-11-27T05:00:00Z');
  });

  it('follows the zone across a DST change (America/New_York, 8 March 2026)', () => {
    const { Utilities } = setup();
    const before = new Date('2026-03-08T06:59:59Z');
    const after = new Date('2026-03-08T07:00:00Z');
    expect(Utilities.formatDate(before, 'America/New_York', 'yyyy-MM-dd HH:mm:ss z Z')).toBe('2026-03-08 01:59:59 EST -0500');
    expect(Utilities.formatDate(after, 'America/New_York', 'yyyy-MM-dd HH:mm:ss z Z')).toBe('2026-03-08 03:00:00 EDT -0400');
  });

  it('handles quoted text and the doubled quote', () => {
    const { Utilities } = setup();
    expect(Utilities.formatDate(at, 'Asia/Karachi', "h 'o''clock' ''a''")).toBe("10 o'clock 'AM'");
    expect(Utilities.formatDate(at, 'GMT+05:30', 'HH:mm zzzz')).toBe('10:30 GMT+05:30');
  });

  it('week-based year YYYY differs from yyyy in the last days of December', () => {
    const { Utilities } = setup();
    const monday = new Date('2026-12-28T12:00:00Z');
    expect(Utilities.formatDate(monday, 'UTC', 'yyyy YYYY w D u')).toBe('2026 2027 1 362 1');
    expect(Utilities.formatDate(new Date('2026-06-15T12:00:00Z'), 'UTC', 'w W F E k K')).toBe('25 3 3 Mon 12 0');
  });

  it('refuses illegal letters, an unterminated quote, an unknown zone and a non-Date', () => {
    const { Utilities } = setup();
    expect(errorOf(() => Utilities.formatDate(at, 'UTC', 'yyyy-qq'))).toBe("Illegal pattern character 'q'");
    expect(errorOf(() => Utilities.formatDate(at, 'UTC', "yyyy 'at"))).toBe('Unterminated quote');
    expect(errorOf(() => Utilities.formatDate(at, 'Asia/Karachii', 'yyyy'))).toBe('Invalid argument: timeZone');
    expect(errorOf(() => Utilities.formatDate('2026-11-27', 'UTC', 'yyyy'))).toBe(
      "The parameters (String,String,String) don't match the method signature for Utilities.formatDate.",
    );
  });
});

describe('Utilities blobs, CSV, strings, sleep, uuid', () => {
  it('makes blobs with signed bytes, null content type by default, and converts text to PDF', () => {
    const { Utilities } = setup();
    const blob = Utilities.newBlob([-1, 0, 65]);
    expect(blob.getBytes()).toEqual([-1, 0, 65]);
    expect(blob.getContentType()).toBeNull();
    expect(blob.getName()).toBeNull();
    expect(blob.isGoogleType()).toBe(false);

    const notes = Utilities.newBlob('Week 48\nAll good', 'text/plain', 'notes.2026.txt');
    const pdf = notes.getAs('application/pdf');
    expect(pdf.getName()).toBe('notes.2026.pdf');
    expect(pdf.getContentType()).toBe('application/pdf');
    expect(pdf.getDataAsString('ISO-8859-1').startsWith('%PDF-1.4')).toBe(true);
    expect(pdf.getDataAsString('ISO-8859-1')).toContain('(All good) Tj');
    expect(notes.getName()).toBe('notes.2026.txt'); // getAs leaves the original alone
    expect(errorOf(() => notes.getAs('image/png'))).toBe('Converting from text/plain to image/png is not supported.');

    const copy = notes.copyBlob().setName('copy.txt').setDataFromString('changed');
    expect(notes.getDataAsString()).toBe('Week 48\nAll good');
    expect(copy.getDataAsString()).toBe('changed');
    expect(Utilities.newBlob('x', null, 'report.csv').setContentTypeFromExtension().getContentType()).toBe('text/csv');
    expect(errorOf(() => Utilities.newBlob([300]))).toBe('Invalid argument: value');
  });

  it('parses CSV with quotes, doubled quotes, line breaks in fields, CRLF and other delimiters', () => {
    const { Utilities } = setup();
    expect(Utilities.parseCsv('name,note\r\n"Khan, Ali","said ""hi""\nthen left"\n')).toEqual([
      ['name', 'note'],
      ['Khan, Ali', 'said "hi"\nthen left'],
    ]);
    expect(Utilities.parseCsv('a\tb\n\tc', '\t')).toEqual([
      ['a', 'b'],
      ['', 'c'],
    ]);
    expect(Utilities.parseCsv('')).toEqual([]);
  });

  it('formats strings sprintf-style', () => {
    const { Utilities } = setup();
    expect(Utilities.formatString('%s logged %d hours (%.1f%%) %05d|%-4s|', 'Ali', 5.9, 83.333, 42, 'x')).toBe(
      'Ali logged 5 hours (83.3%) 00042|x   |',
    );
    expect(errorOf(() => Utilities.formatString('%d', 'five'))).toBe('Invalid argument: args');
  });

  it('sleep advances the simulated clock, at most 5 minutes at a time', () => {
    const { ctx, Utilities } = setup();
    Utilities.sleep(1500);
    expect(ctx.now().toISOString()).toBe('2026-11-27T05:00:01.500Z');
    Utilities.sleep(300_000);
    expect(ctx.now().toISOString()).toBe('2026-11-27T05:05:01.500Z');
    expect(errorOf(() => Utilities.sleep(300_001))).toBe('Argument too large: milliseconds (the maximum is 300000).');
    expect(ctx.now().toISOString()).toBe('2026-11-27T05:05:01.500Z');
  });

  it('gives random version 4 UUIDs', () => {
    const { Utilities } = setup();
    const uuid = Utilities.getUuid();
    expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Utilities.getUuid()).not.toBe(uuid);
  });
});
