import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  base64urlFromBytes,
  base64urlFromText,
  Base64urlError,
  bytesFromBase64url,
  textFromBase64url,
} from '../../../shared/encoding/base64url';

describe('base64url', () => {
  it('encodes RFC 4648 test vectors without padding', () => {
    const vectors: [string, string][] = [
      ['', ''],
      ['f', 'Zg'],
      ['fo', 'Zm8'],
      ['foo', 'Zm9v'],
      ['foob', 'Zm9vYg'],
      ['fooba', 'Zm9vYmE'],
      ['foobar', 'Zm9vYmFy'],
    ];
    for (const [text, encoded] of vectors) {
      expect(base64urlFromText(text)).toBe(encoded);
      expect(textFromBase64url(encoded)).toBe(text);
    }
  });

  it('uses - and _ where base64 uses + and /', () => {
    expect(base64urlFromBytes([0xfb, 0xff])).toBe('-_8');
    expect(bytesFromBase64url('-_8')).toEqual([0xfb, 0xff]);
  });

  it('matches Node on any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const encoded = base64urlFromBytes([...bytes]);
        expect(encoded).toBe(Buffer.from(bytes).toString('base64url'));
        expect(bytesFromBase64url(encoded)).toEqual([...bytes]);
      }),
    );
  });

  it('round-trips UTF-8 text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(textFromBase64url(base64urlFromText(text))).toBe(text);
      }),
    );
    expect(textFromBase64url(base64urlFromText('CIL لاہور 🎉'))).toBe('CIL لاہور 🎉');
  });

  it('tolerates padding', () => {
    expect(textFromBase64url('Zm8=')).toBe('fo');
  });

  it('refuses bad characters, naming the position', () => {
    expect(() => bytesFromBase64url('Zm9v+g')).toThrow(/"\+" at position 5/);
    expect(() => bytesFromBase64url('Zm 9v')).toThrow(Base64urlError);
  });

  it('refuses a length that cannot be base64url', () => {
    expect(() => bytesFromBase64url('Zm9vY')).toThrow(/some are missing/);
  });

  it('refuses bytes that are not UTF-8 text', () => {
    expect(() => textFromBase64url(base64urlFromBytes([0xff, 0xfe]))).toThrow(Base64urlError);
  });
});
