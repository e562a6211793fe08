import { describe, expect, it } from 'vitest';
import { createPropertiesService } from '../../../sandbox/src/services/properties-service';
import { errorOf, serviceContext } from './service-context';

const setup = (activeSpreadsheetId: string | null = null) => {
  const ctx = serviceContext({ activeSpreadsheetId });
  return { ctx, PropertiesService: createPropertiesService(ctx) };
};

describe('PropertiesService', () => {
  it('stores values as strings and answers null for an absent key', () => {
    const { ctx, PropertiesService } = setup();
    const props = PropertiesService.getScriptProperties();
    props.setProperty('SPREADSHEET_ID', 'abc').setProperty('COUNT', 5 as unknown as string);
    expect(props.getProperty('COUNT')).toBe('5');
    expect(props.getProperty('MISSING')).toBeNull();
    expect(props.getKeys()).toEqual(['SPREADSHEET_ID', 'COUNT']);
    expect(ctx.state.properties.script).toEqual({ SPREADSHEET_ID: 'abc', COUNT: '5' });
    // getProperties is a copy: changing it changes nothing stored.
    const copy = props.getProperties();
    copy.SPREADSHEET_ID = 'changed';
    expect(props.getProperty('SPREADSHEET_ID')).toBe('abc');
  });

  it('keeps script and user stores apart, and deletes', () => {
    const { PropertiesService } = setup();
    PropertiesService.getScriptProperties().setProperty('a', '1');
    PropertiesService.getUserProperties().setProperty('a', '2');
    expect(PropertiesService.getScriptProperties().getProperty('a')).toBe('1');
    PropertiesService.getUserProperties().deleteProperty('a');
    expect(PropertiesService.getUserProperties().getProperty('a')).toBeNull();
    PropertiesService.getScriptProperties().deleteAllProperties();
    expect(PropertiesService.getScriptProperties().getKeys()).toEqual([]);
  });

  it("keeps each person's user properties to them: another account (a trigger's owner) sees only its own", () => {
    const { ctx, PropertiesService } = setup();
    PropertiesService.getUserProperties().setProperty('queue', 'lead');
    const lead = ctx.state.user;
    ctx.state.user = { ...lead, email: 'co-lead@example.org' };
    expect(PropertiesService.getUserProperties().getProperty('queue')).toBeNull();
    PropertiesService.getUserProperties().setProperty('queue', 'co-lead');
    ctx.state.user = lead;
    expect(PropertiesService.getUserProperties().getProperty('queue')).toBe('lead');
    expect(ctx.state.properties.user).toEqual({ [lead.email]: { queue: 'lead' }, 'co-lead@example.org': { queue: 'co-lead' } });
  });

  it('setProperties merges, or replaces everything with deleteAllOthers', () => {
    const { PropertiesService } = setup();
    const props = PropertiesService.getScriptProperties();
    props.setProperties({ a: '1', b: '2' });
    props.setProperties({ c: '3' });
    expect(props.getProperties()).toEqual({ a: '1', b: '2', c: '3' });
    props.setProperties({ d: '4' }, true);
    expect(props.getProperties()).toEqual({ d: '4' });
  });

  it('has document properties only inside a bound document (null elsewhere, as Google returns)', () => {
    expect(setup().PropertiesService.getDocumentProperties()).toBeNull();
    const { ctx, PropertiesService } = setup('sheet-1');
    PropertiesService.getDocumentProperties()!.setProperty('k', 'v');
    expect(ctx.state.properties.document).toEqual({ 'sheet-1': { k: 'v' } });
  });

  it('refuses a value over 9 KB (UTF-8 bytes) and stores nothing', () => {
    const { PropertiesService } = setup();
    const props = PropertiesService.getScriptProperties();
    props.setProperty('fits', 'x'.repeat(9 * 1024));
    expect(errorOf(() => props.setProperty('big', 'é'.repeat(4609)))).toBe('Argument too large: value');
    expect(props.getProperty('big')).toBeNull();
  });

  it('refuses writes past 500 KB per store; setProperties is all-or-nothing', () => {
    const { PropertiesService } = setup();
    const props = PropertiesService.getScriptProperties();
    const value = 'x'.repeat(9000);
    for (let i = 0; i < 56; i++) props.setProperty(`k${String(i).padStart(2, '0')}`, value); // 56 × 9003 bytes = 504,168
    const full = 'You have exceeded the property storage quota. Please remove some properties and try again.';
    expect(errorOf(() => props.setProperties({ small: 'ok', k99: value }))).toBe(full);
    expect(props.getProperty('small')).toBeNull();
    expect(errorOf(() => props.setProperty('k99', value))).toBe(full);
    expect(props.getKeys()).toHaveLength(56);
    // A write that stays within the quota is accepted, including one that makes room.
    props.setProperties({ k99: value }, true);
    expect(props.getKeys()).toEqual(['k99']);
  });

  it('setProperties refuses the whole batch when one value is too large', () => {
    const { PropertiesService } = setup();
    const props = PropertiesService.getScriptProperties();
    expect(errorOf(() => props.setProperties({ ok: '1', big: 'x'.repeat(9 * 1024 + 1) }))).toBe('Argument too large: value');
    expect(props.getKeys()).toEqual([]);
  });
});
