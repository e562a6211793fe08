import { describe, expect, it } from 'vitest';
import { cilTabs } from '../../../shared/records/cil-tabs';
import { SETTINGS_TAB_NAME } from '../../../shared/records/settings';

describe('cilTabs', () => {
  it('lists the record tabs in sheet order', () => {
    expect(cilTabs.map((tab) => tab.name)).toEqual([
      'Volunteers',
      'Hours',
      'Meetings',
      'Attendance',
      'Notices',
      'Projects',
      'Deliverables',
      'Citizens',
      'Stories',
      'Accountability log',
    ]);
    expect(cilTabs.map((tab) => tab.name)).not.toContain(SETTINGS_TAB_NAME);
  });

  it('gives every tab a required id column first', () => {
    for (const tab of cilTabs) {
      expect(tab.columns[0]).toMatchObject({ key: 'id', kind: 'id', required: true });
      expect(tab.columns[0]?.header).toMatch(/ ID$/);
    }
  });

  it('gives every choice column its options', () => {
    for (const tab of cilTabs) {
      for (const column of tab.columns) {
        if (column.kind === 'choice') expect(column.options?.length).toBeGreaterThan(1);
        else expect(column.options).toBeUndefined();
      }
    }
  });
});
