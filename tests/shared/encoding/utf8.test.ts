import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8Decode, utf8Encode, Utf8Error, utf8Length } from '../../../shared/encoding/utf8';

// Node's TextEncoder is the reference the hand-written codec must match.
const reference = new TextEncoder();

describe('utf8', () => {
  it('encodes ASCII, Urdu and emoji', () => {
    expect(utf8Encode('A')).toEqual([0x41]);
    expect(utf8Encode('é')).toEqual([0xc3, 0xa9]);
    expect(utf8Encode('پ')).toEqual([0xd9, 0xbe]);
    expect(utf8Encode('€')).toEqual([0xe2, 0x82, 0xac]);
    expect(utf8Encode('😀')).toEqual([0xf0, 0x9f, 0x98, 0x80]);
  });

  it('matches TextEncoder on any string, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const expected = [...reference.encode(text)];
        expect(utf8Encode(text)).toEqual(expected);
        expect(utf8Length(text)).toBe(expected.length);
      }),
    );
    expect(utf8Encode('\ud800x')).toEqual([...reference.encode('\ud800x')]);
    expect(utf8Length('a\udc00')).toBe(4);
  });

  it('decodes what it encodes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(utf8Decode(utf8Encode(text))).toBe(text);
      }),
    );
  });

  it('decodes long text', () => {
    const text = 'لاہور '.repeat(5000);
    expect(utf8Decode(utf8Encode(text))).toBe(text);
  });

  it.each([
    ['a lone continuation byte', [0x80]],
    ['a cut-short sequence', [0xe2, 0x82]],
    ['an overlong form', [0xc0, 0xaf]],
    ['an overlong three-byte form', [0xe0, 0x80, 0xaf]],
    ['an encoded surrogate', [0xed, 0xa0, 0x80]],
    ['a code point past U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['an invalid lead byte', [0xff]],
  ])('refuses %s', (_, bytes) => {
    expect(() => utf8Decode(bytes)).toThrow(Utf8Error);
  });
});
