import { describe, expect, it } from 'vitest';
import { MIME } from '../../../sandbox/src/services/drive-items';
import { failure, restClients, spreadsheetApp } from './rest-fixture';

// spreadsheets.get, create and batchUpdate through the real googleapis client.

describe('spreadsheets.create and get', () => {
  it('creates a spreadsheet in My Drive with the sheets asked for, and answers it as get does', async () => {
    const { sheets, state } = await restClients();
    const { data } = await sheets.spreadsheets.create({
      requestBody: {
        properties: { title: 'CIL Karachi' },
        sheets: [{ properties: { title: 'Volunteers', gridProperties: { rowCount: 50, columnCount: 5, frozenRowCount: 1 } } }, { properties: { title: 'Hours' } }],
      },
    });
    const id = data.spreadsheetId!;
    expect(data).toEqual({
      spreadsheetId: id,
      properties: { title: 'CIL Karachi', locale: 'en_US', autoRecalc: 'ON_CHANGE', timeZone: 'Asia/Karachi' },
      sheets: [
        { properties: { sheetId: 0, title: 'Volunteers', index: 0, sheetType: 'GRID', gridProperties: { rowCount: 50, columnCount: 5, frozenRowCount: 1 } } },
        { properties: { sheetId: 1, title: 'Hours', index: 1, sheetType: 'GRID', gridProperties: { rowCount: 1000, columnCount: 26 } } },
      ],
      spreadsheetUrl: `https://docs.google.com/spreadsheets/d/${id}/edit`,
    });
    expect(state.drive.items[id]).toMatchObject({ name: 'CIL Karachi', mimeType: MIME.spreadsheet, parents: ['root'], owner: 'lead@cil-demo.example' });
    expect((await sheets.spreadsheets.get({ spreadsheetId: id })).data).toEqual(data);
    const sheet = spreadsheetApp(state).openById(id).getSheetByName('Volunteers')!;
    expect([sheet.getMaxRows(), sheet.getMaxColumns(), sheet.getFrozenRows()]).toEqual([50, 5, 1]);
  });

  it("makes 'Untitled spreadsheet' with one Sheet1 when nothing is asked, and lists protected ranges", async () => {
    const { sheets, state } = await restClients();
    const { data } = await sheets.spreadsheets.create({ requestBody: {} });
    expect(data.properties?.title).toBe('Untitled spreadsheet');
    expect(data.sheets?.map((s) => s.properties?.title)).toEqual(['Sheet1']);
    const sheet = spreadsheetApp(state).openById(data.spreadsheetId!).getSheets()[0]!;
    sheet.getRange('A1:C1').protect().setDescription('Header');
    const got = await sheets.spreadsheets.get({ spreadsheetId: data.spreadsheetId! });
    expect(got.data.sheets?.[0]?.protectedRanges).toEqual([
      {
        protectedRangeId: expect.any(Number),
        range: { sheetId: 0, startRowIndex: 0, endRowIndex: 1, startColumnIndex: 0, endColumnIndex: 3 },
        description: 'Header',
        requestingUserCanEdit: true,
        editors: { users: ['lead@cil-demo.example'] },
      },
    ]);
  });
});

describe('spreadsheets.batchUpdate', () => {
  async function book() {
    const clients = await restClients();
    const created = await clients.sheets.spreadsheets.create({ requestBody: { properties: { title: 'CIL Quetta' } } });
    return { ...clients, id: created.data.spreadsheetId! };
  }

  it('adds, renames, resizes, freezes and deletes sheets, with a reply per request', async () => {
    const { sheets, id, state } = await book();
    const { data } = await sheets.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        requests: [
          { addSheet: { properties: { title: 'Hours', gridProperties: { rowCount: 10, columnCount: 4 } } } },
          { updateSheetProperties: { properties: { sheetId: 0, title: 'Volunteers', gridProperties: { frozenRowCount: 1 } }, fields: 'title,gridProperties.frozenRowCount' } },
          { addSheet: { properties: { sheetId: 7, title: 'Scratch', index: 0 } } },
          { deleteSheet: { sheetId: 7 } },
        ],
      },
    });
    expect(data).toEqual({
      spreadsheetId: id,
      replies: [{ addSheet: { properties: { sheetId: 1, title: 'Hours', index: 1, sheetType: 'GRID', gridProperties: { rowCount: 10, columnCount: 4 } } } }, {}, { addSheet: { properties: { sheetId: 7, title: 'Scratch', index: 0, sheetType: 'GRID', gridProperties: { rowCount: 1000, columnCount: 26 } } } }, {}],
    });
    const ss = spreadsheetApp(state).openById(id);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Volunteers', 'Hours']);
    expect(ss.getSheetByName('Volunteers')!.getFrozenRows()).toBe(1);
  });

  it('renames the spreadsheet, and its Drive file with it', async () => {
    const { sheets, id, state } = await book();
    await sheets.spreadsheets.batchUpdate({ spreadsheetId: id, requestBody: { requests: [{ updateSpreadsheetProperties: { properties: { title: 'CIL Quetta 2027' }, fields: 'title' } }] } });
    expect(state.drive.items[id]!.name).toBe('CIL Quetta 2027');
    expect(spreadsheetApp(state).openById(id).getName()).toBe('CIL Quetta 2027');
  });

  it("refuses the whole batch when one request fails, with Google's texts", async () => {
    const { sheets, id, state } = await book();
    const refused = async (requests: object[]) => (await failure(sheets.spreadsheets.batchUpdate({ spreadsheetId: id, requestBody: { requests } }))).body;
    expect(await refused([{ addSheet: { properties: { title: 'Hours' } } }, { addSheet: { properties: { title: 'sheet1' } } }])).toEqual({
      error: { code: 400, message: 'Invalid requests[1].addSheet: A sheet with the name "sheet1" already exists. Please enter another name.', status: 'INVALID_ARGUMENT' },
    });
    expect(spreadsheetApp(state).openById(id).getSheets().map((s) => s.getName())).toEqual(['Sheet1']);
    expect(await refused([{ deleteSheet: { sheetId: 42 } }])).toMatchObject({ error: { message: 'Invalid requests[0].deleteSheet: No grid with id: 42' } });
    expect(await refused([{ deleteSheet: { sheetId: 0 } }])).toMatchObject({ error: { message: "Invalid requests[0].deleteSheet: You can't remove all the sheets in a document." } });
    expect(await refused([{ mergeCells: {} }])).toMatchObject({
      error: { message: 'Invalid requests[0]: the sandbox answers addSheet, deleteSheet, updateSheetProperties, updateSpreadsheetProperties; not mergeCells.' },
    });
    expect(await refused([{}])).toMatchObject({ error: { message: 'Invalid requests[0]: No request set.' } });
  });
});
