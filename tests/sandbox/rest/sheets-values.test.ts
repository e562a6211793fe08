import { describe, expect, it } from 'vitest';
import { failure, once, restClients, restWorkspace, serialOfDay, spreadsheetApp } from './rest-fixture';

// spreadsheets.values through the real googleapis client: ranges, render options, RAW vs USER_ENTERED,
// response shapes and Google's error bodies, over the same cells SpreadsheetApp reads.

/** A spreadsheet 'CIL Lahore' with a tab 'Hours log' holding a header, two rows, formats and a formula. */
async function arranged() {
  const state = restWorkspace();
  const SpreadsheetApp = spreadsheetApp(state);
  const ss = SpreadsheetApp.create('CIL Lahore');
  const sheet = ss.getSheets()[0]!;
  sheet.setName('Hours log');
  sheet.getRange('A1:E3').setValues([
    ['Name', 'Hours', 'Day', 'Active', 'Note'],
    ['Ayesha', 1.5, '2026-11-27', true, ''],
    ['Bilal', 1234.5, '2026-11-28', false, 'late'],
  ]);
  sheet.getRange('B2:B3').setNumberFormat('#,##0.00');
  sheet.getRange('F2').setFormula('=B2*2');
  const clients = await restClients(state);
  return { ...clients, ss, sheet, id: ss.getId(), SpreadsheetApp };
}

describe('spreadsheets.values.get and batchGet', () => {
  it('answers a whole tab as shown, quoted, with trailing empty cells and rows left out', async () => {
    const { sheets, id } = await arranged();
    const { data } = await sheets.spreadsheets.values.get({ spreadsheetId: id, range: "'Hours log'" });
    expect(data).toEqual({
      range: "'Hours log'!A1:Z1000",
      majorDimension: 'ROWS',
      values: [
        ['Name', 'Hours', 'Day', 'Active', 'Note'],
        ['Ayesha', '1.50', '2026-11-27', 'TRUE'],
        ['Bilal', '1,234.50', '2026-11-28', 'FALSE', 'late'],
      ],
    });
  });

  it('gives numbers, booleans and date serials UNFORMATTED, formulas with FORMULA, and dates as shown with FORMATTED_STRING', async () => {
    const { sheets, id } = await arranged();
    const get = (valueRenderOption: string, dateTimeRenderOption?: string) =>
      sheets.spreadsheets.values.get({ spreadsheetId: id, range: 'Hours log!A2:F2', valueRenderOption, dateTimeRenderOption }).then((r) => r.data.values);
    expect(await get('UNFORMATTED_VALUE')).toEqual([['Ayesha', 1.5, serialOfDay('2026-11-27'), true]]);
    expect(await get('FORMULA')).toEqual([['Ayesha', 1.5, serialOfDay('2026-11-27'), true, '', '=B2*2']]);
    expect(await get('UNFORMATTED_VALUE', 'FORMATTED_STRING')).toEqual([['Ayesha', 1.5, '2026-11-27', true]]);
    // dateTimeRenderOption is ignored for FORMATTED_VALUE.
    expect(await get('FORMATTED_VALUE', 'SERIAL_NUMBER')).toEqual([['Ayesha', '1.50', '2026-11-27', 'TRUE']]);
  });

  it('reads by columns, open ranges to the grid edge, and the first tab when no tab is named', async () => {
    const { sheets, id } = await arranged();
    const columns = await sheets.spreadsheets.values.get({ spreadsheetId: id, range: "'Hours log'!A1:B3", majorDimension: 'COLUMNS' });
    expect(columns.data.values).toEqual([
      ['Name', 'Ayesha', 'Bilal'],
      ['Hours', '1.50', '1,234.50'],
    ]);
    const open = await sheets.spreadsheets.values.get({ spreadsheetId: id, range: "'Hours log'!A2:B" });
    expect(open.data.range).toBe("'Hours log'!A2:B1000");
    expect(open.data.values).toEqual([
      ['Ayesha', '1.50'],
      ['Bilal', '1,234.50'],
    ]);
    const unnamed = await sheets.spreadsheets.values.get({ spreadsheetId: id, range: 'A1:A1' });
    expect(unnamed.data).toEqual({ range: "'Hours log'!A1", majorDimension: 'ROWS', values: [['Name']] });
    const empty = await sheets.spreadsheets.values.get({ spreadsheetId: id, range: "'Hours log'!H1:H9" });
    expect(empty.data).toEqual({ range: "'Hours log'!H1:H9", majorDimension: 'ROWS' });
  });

  it('answers several ranges in one batchGet, in the order asked', async () => {
    const { sheets, id } = await arranged();
    const { data } = await sheets.spreadsheets.values.batchGet({ spreadsheetId: id, ranges: ["'Hours log'!A1:A2", "'Hours log'!E3"], valueRenderOption: 'UNFORMATTED_VALUE' });
    expect(data).toEqual({
      spreadsheetId: id,
      valueRanges: [
        { range: "'Hours log'!A1:A2", majorDimension: 'ROWS', values: [['Name'], ['Ayesha']] },
        { range: "'Hours log'!E3", majorDimension: 'ROWS', values: [['late']] },
      ],
    });
  });

  it("refuses a range it cannot read, a range past the grid and an unknown render option with Google's 400 bodies", async () => {
    const { sheets, id } = await arranged();
    expect(await failure(sheets.spreadsheets.values.get({ spreadsheetId: id, range: 'Nope!A1' }))).toEqual({
      status: 400,
      body: { error: { code: 400, message: 'Unable to parse range: Nope!A1', status: 'INVALID_ARGUMENT' } },
    });
    expect((await failure(sheets.spreadsheets.values.get({ spreadsheetId: id, range: 'A1:B2:C3' }))).body).toMatchObject({ error: { message: 'Unable to parse range: A1:B2:C3' } });
    expect((await failure(sheets.spreadsheets.values.get({ spreadsheetId: id, range: "'Hours log'!A2000" }))).body).toEqual({
      error: { code: 400, message: "Range ('Hours log'!A2000) exceeds grid limits. Max rows: 1000, max columns: 26", status: 'INVALID_ARGUMENT' },
    });
    expect((await failure(sheets.spreadsheets.values.get({ spreadsheetId: id, range: 'A1', valueRenderOption: 'PRETTY' }))).body).toEqual({
      error: {
        code: 400,
        message: 'Invalid value at \'value_render_option\' (type.googleapis.com/google.apps.sheets.v4.ValueRenderOption), "PRETTY"',
        status: 'INVALID_ARGUMENT',
      },
    });
  });

  it('answers 404 for a spreadsheet that does not exist, and 403 to someone it is not shared with', async () => {
    const { sheets, state, id } = await arranged();
    expect(await failure(sheets.spreadsheets.values.get({ spreadsheetId: 'no-such-id', range: 'A1' }))).toEqual({
      status: 404,
      body: { error: { code: 404, message: 'Requested entity was not found.', status: 'NOT_FOUND' } },
    });
    state.user.email = 'stranger@example.com';
    expect(await failure(sheets.spreadsheets.values.get({ spreadsheetId: id, range: 'A1' }))).toEqual({
      status: 403,
      body: { error: { code: 403, message: 'The caller does not have permission', status: 'PERMISSION_DENIED' } },
    });
  });
});

describe('spreadsheets.values.update, batchUpdate, append, clear and batchClear', () => {
  it('stores RAW values as sent: a formula-looking or number-looking string stays text', async () => {
    const { sheets, id, sheet } = await arranged();
    const { data } = await sheets.spreadsheets.values.update({
      spreadsheetId: id,
      range: "'Hours log'!A5:C5",
      valueInputOption: 'RAW',
      requestBody: { values: [['=HYPERLINK("https://example.com","x")', '42', 7]] },
    });
    expect(data).toEqual({ spreadsheetId: id, updatedRange: "'Hours log'!A5:C5", updatedRows: 1, updatedColumns: 3, updatedCells: 3 });
    const cells = sheet.getRange('A5:C5');
    expect(cells.getValues()).toEqual([['=HYPERLINK("https://example.com","x")', '42', 7]]);
    expect(cells.getFormulas()).toEqual([['', '', '']]);
  });

  it('parses USER_ENTERED strings as typing does: formulas, numbers, dates, and text behind an apostrophe', async () => {
    const { sheets, id, sheet } = await arranged();
    await sheets.spreadsheets.values.update({
      spreadsheetId: id,
      range: "'Hours log'!A6:D6",
      valueInputOption: 'USER_ENTERED',
      requestBody: { values: [['=B2*2', '42', '2026-12-01', "'=not a formula"]] },
    });
    const cells = sheet.getRange('A6:D6');
    expect(cells.getFormulas()[0]![0]).toBe('=B2*2');
    expect(cells.getValues()[0]!.slice(1)).toEqual([42, new Date('2026-11-30T19:00:00Z'), '=not a formula']);
    expect(cells.getDisplayValues()[0]!.slice(2)).toEqual(['2026-12-01', '=not a formula']);
  });

  it('makes a number written into a date cell a date, leaves null cells alone and empties "" cells', async () => {
    const { sheets, id, sheet } = await arranged();
    await sheets.spreadsheets.values.update({
      spreadsheetId: id,
      range: "'Hours log'!A2:C2",
      valueInputOption: 'RAW',
      requestBody: { values: [[null, '', serialOfDay('2026-12-24')]] },
    });
    expect(sheet.getRange('A2:C2').getValues()).toEqual([['Ayesha', '', new Date('2026-12-23T19:00:00Z')]]);
  });

  it('writes a block from a single cell, as far as the values go', async () => {
    const { sheets, id, sheet } = await arranged();
    const { data } = await sheets.spreadsheets.values.update({ spreadsheetId: id, range: "'Hours log'!H5", valueInputOption: 'RAW', requestBody: { values: [['a', 'b'], ['c', 'd']] } });
    expect(data.updatedRange).toBe("'Hours log'!H5:I6");
    expect(sheet.getRange('H5:I6').getValues()).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    const echoed = await sheets.spreadsheets.values.update({
      spreadsheetId: id,
      range: "'Hours log'!H7",
      valueInputOption: 'USER_ENTERED',
      includeValuesInResponse: true,
      responseValueRenderOption: 'UNFORMATTED_VALUE',
      requestBody: { values: [['1,234', 'TRUE']] },
    });
    expect(echoed.data.updatedData).toEqual({ range: "'Hours log'!H7:I7", majorDimension: 'ROWS', values: [[1234, true]] });
  });

  it('takes COLUMNS data, and grows the grid for writes past its edge', async () => {
    const { sheets, id, sheet } = await arranged();
    await sheets.spreadsheets.values.update({
      spreadsheetId: id,
      range: "'Hours log'!H1:I2",
      valueInputOption: 'RAW',
      requestBody: { majorDimension: 'COLUMNS', values: [['h1', 'h2'], ['i1']] },
    });
    expect(sheet.getRange('H1:I2').getValues()).toEqual([
      ['h1', 'i1'],
      ['h2', ''],
    ]);
    const { data } = await sheets.spreadsheets.values.update({ spreadsheetId: id, range: "'Hours log'!A1200", valueInputOption: 'RAW', requestBody: { values: [['far']] } });
    expect(data.updatedRange).toBe("'Hours log'!A1200");
    expect(sheet.getMaxRows()).toBe(1200);
    expect(sheet.getRange('A1200').getValue()).toBe('far');
  });

  it('refuses values past a closed range, and a write without valueInputOption, changing nothing', async () => {
    const { sheets, id, sheet } = await arranged();
    const write = (range: string, values: unknown[][], valueInputOption?: string) =>
      failure(sheets.spreadsheets.values.update({ spreadsheetId: id, range, valueInputOption, requestBody: { values } }));
    expect(await write("'Hours log'!A7:B7", [['a', 'b', 'c']], 'RAW')).toEqual({
      status: 400,
      body: { error: { code: 400, message: "Requested writing within range ['Hours log'!A7:B7], but tried writing to column [C]", status: 'INVALID_ARGUMENT' } },
    });
    expect((await write("'Hours log'!A7:B7", [['a'], ['b']], 'RAW')).body).toMatchObject({
      error: { message: "Requested writing within range ['Hours log'!A7:B7], but tried writing to row [8]" },
    });
    expect((await write("'Hours log'!A7", [['a']])).body).toEqual({
      error: { code: 400, message: "'valueInputOption' is required but not specified", status: 'INVALID_ARGUMENT' },
    });
    expect(sheet.getRange('A7:C8').isBlank()).toBe(true);
  });

  it('writes several ranges in one values.batchUpdate, all or nothing', async () => {
    const { sheets, id, sheet } = await arranged();
    const { data } = await sheets.spreadsheets.values.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        valueInputOption: 'USER_ENTERED',
        data: [
          { range: "'Hours log'!A10:B10", values: [['Chen', '3']] },
          { range: "'Hours log'!A11", values: [['Dina']] },
        ],
      },
    });
    expect(data).toEqual({
      spreadsheetId: id,
      totalUpdatedRows: 2,
      totalUpdatedColumns: 3,
      totalUpdatedCells: 3,
      totalUpdatedSheets: 1,
      responses: [
        { spreadsheetId: id, updatedRange: "'Hours log'!A10:B10", updatedRows: 1, updatedColumns: 2, updatedCells: 2 },
        { spreadsheetId: id, updatedRange: "'Hours log'!A11", updatedRows: 1, updatedColumns: 1, updatedCells: 1 },
      ],
    });
    expect(sheet.getRange('B10').getValue()).toBe(3);
    const refused = await failure(
      sheets.spreadsheets.values.batchUpdate({
        spreadsheetId: id,
        requestBody: { valueInputOption: 'RAW', data: [{ range: "'Hours log'!A12", values: [['kept out']] }, { range: 'Missing!A1', values: [['x']] }] },
      }),
    );
    expect(refused.body).toMatchObject({ error: { code: 400, message: 'Unable to parse range: Missing!A1' } });
    expect(sheet.getRange('A12').getValue()).toBe('');
  });

  it('appends below the table a range holds, answering the table and what it wrote; INSERT_ROWS adds rows', async () => {
    const { sheets, id, sheet } = await arranged();
    const { data } = await sheets.spreadsheets.values.append({
      spreadsheetId: id,
      range: "'Hours log'!A1:E",
      valueInputOption: 'RAW',
      requestBody: { values: [['Chen', 2]] },
    });
    expect(data).toEqual({
      spreadsheetId: id,
      tableRange: "'Hours log'!A1:E3",
      updates: { spreadsheetId: id, updatedRange: "'Hours log'!A4:B4", updatedRows: 1, updatedColumns: 2, updatedCells: 2 },
    });
    expect(sheet.getRange('A4:B4').getValues()).toEqual([['Chen', 2]]);
    expect(sheet.getMaxRows()).toBe(1000);
    await sheets.spreadsheets.values.append({
      spreadsheetId: id,
      range: "'Hours log'",
      valueInputOption: 'RAW',
      insertDataOption: 'INSERT_ROWS',
      requestBody: { values: [['Dina', 1]] },
    });
    expect(sheet.getRange('A5').getValue()).toBe('Dina');
    expect(sheet.getMaxRows()).toBe(1001);
  });

  it('clears values but keeps formats, one range or several', async () => {
    const { sheets, id, sheet } = await arranged();
    const { data } = await sheets.spreadsheets.values.clear({ spreadsheetId: id, range: "'Hours log'!A3:E3" });
    expect(data).toEqual({ spreadsheetId: id, clearedRange: "'Hours log'!A3:E3" });
    expect(sheet.getRange('A3:E3').isBlank()).toBe(true);
    expect(sheet.getRange('C3').getNumberFormat()).toBe('yyyy-mm-dd');
    const batch = await sheets.spreadsheets.values.batchClear({ spreadsheetId: id, requestBody: { ranges: ["'Hours log'!A2", "'Hours log'!F:F"] } });
    expect(batch.data).toEqual({ spreadsheetId: id, clearedRanges: ["'Hours log'!A2", "'Hours log'!F1:F1000"] });
    expect(sheet.getRange('F2').getFormula()).toBe('');
    expect(sheet.getRange('A2').getValue()).toBe('');
  });
});

describe('protected ranges', () => {
  it("refuses someone who is not an editor of the protection with Google's 403, and lets them write elsewhere", async () => {
    const { sheets, id, ss, sheet, state } = await arranged();
    const header = sheet.getRange('A1:F1').protect();
    expect(header.getEditors().map((u) => u.getEmail())).toEqual(['lead@cil-demo.example']);
    ss.addEditor('colead@cil-demo.example');
    state.user.email = 'colead@cil-demo.example';
    const refused = await failure(sheets.spreadsheets.values.update({ spreadsheetId: id, range: "'Hours log'!B1", valueInputOption: 'RAW', requestBody: { values: [['Minutes']] } }));
    expect(refused).toEqual({
      status: 403,
      body: {
        error: {
          code: 403,
          message: 'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
          status: 'PERMISSION_DENIED',
        },
      },
    });
    expect((await failure(sheets.spreadsheets.values.clear({ spreadsheetId: id, range: "'Hours log'" }))).status).toBe(403);
    expect(sheet.getRange('B1').getValue()).toBe('Hours');
    await sheets.spreadsheets.values.update({ spreadsheetId: id, range: "'Hours log'!B2", valueInputOption: 'RAW', requestBody: { values: [[2]] } });
    expect(sheet.getRange('B2').getValue()).toBe(2);
  });

  it("lets the protection's editors and the owner write, and honours a protected sheet's unprotected ranges", async () => {
    const { sheets, id, ss, sheet, state } = await arranged();
    const whole = sheet.protect();
    whole.setUnprotectedRanges([sheet.getRange('A5:E')]);
    ss.addEditor('colead@cil-demo.example');
    const write = (range: string) => sheets.spreadsheets.values.update({ spreadsheetId: id, range, valueInputOption: 'RAW', requestBody: { values: [['x']] } });
    await write("'Hours log'!A1");
    const owner = state.user.email;
    state.user.email = 'colead@cil-demo.example';
    await write("'Hours log'!A6");
    expect((await failure(write("'Hours log'!F6"))).status).toBe(403);
    // Only the owner (or an editor of the protection) may change it.
    state.user.email = owner;
    whole.addEditor('colead@cil-demo.example');
    state.user.email = 'colead@cil-demo.example';
    await write("'Hours log'!F6");
    expect(sheet.getRange('F6').getValue()).toBe('x');
  });

  it('lets a viewer read but not write', async () => {
    const { sheets, id, ss, state } = await arranged();
    ss.addViewer('viewer@example.com');
    state.user.email = 'viewer@example.com';
    expect((await sheets.spreadsheets.values.get({ spreadsheetId: id, range: 'A1' })).data.values).toEqual([['Name']]);
    expect((await failure(sheets.spreadsheets.values.update({ spreadsheetId: id, range: 'A9', valueInputOption: 'RAW', requestBody: { values: [['x']] } }, once))).status).toBe(403);
  });
});
