import { describe, expect, it } from 'vitest';
import { contentTypeOf, createContentService } from '../../../sandbox/src/services/content-service';
import { serviceContext } from './service-context';

const setup = () => createContentService(serviceContext());

describe('ContentService', () => {
  it('builds a JSON answer for doPost: content and MimeType enum, which the runtime maps to a Content-Type', () => {
    const ContentService = setup();
    const output = ContentService.createTextOutput(JSON.stringify({ ok: true })).setMimeType(ContentService.MimeType.JSON);
    expect(output.getContent()).toBe('{"ok":true}');
    expect(output.getMimeType()).toBe('JSON');
    expect(contentTypeOf(output.getMimeType())).toBe('application/json');
  });

  it('defaults to empty TEXT, appends, clears, and is shown (not downloaded) unless a file name is set', () => {
    const ContentService = setup();
    const output = ContentService.createTextOutput();
    expect(output.getContent()).toBe('');
    expect(output.getMimeType()).toBe('TEXT');
    expect(output.getFileName()).toBeNull();
    output.append('a,b\n').append('1,2\n').setMimeType(ContentService.MimeType.CSV).downloadAsFile('hours.csv');
    expect(output.getContent()).toBe('a,b\n1,2\n');
    expect(output.getFileName()).toBe('hours.csv');
    expect(output.clear().getContent()).toBe('');
  });

  it('refuses a MIME type that is not a ContentService.MimeType', () => {
    expect(() => setup().createTextOutput('x').setMimeType('application/json' as never)).toThrow('Invalid argument: mimeType');
  });
});
