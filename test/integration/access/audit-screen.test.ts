import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { expectOk, startAccessHarness, type AccessHarness } from '../../support/access-harness';

/** The Audit log screen's channels: search in main, the verifier, and the CSV and xlsx exports. */
const harnesses: AccessHarness[] = [];
afterEach(() => {
  for (const h of harnesses.splice(0)) {
    h.close();
    fs.rmSync(h.dataDir, { recursive: true, force: true });
  }
});

async function harness(): Promise<AccessHarness> {
  const h = await startAccessHarness();
  harnesses.push(h);
  return h;
}

type Row = { seq: number; actor: string; action: string; target: string; result: string; details: string };
type Page = { rows: Row[]; total: number; page: number; pageCount: number };
type ExportFile = { fileName: string; mimeType: string; contentBase64: string; rows: number };

/** A small RFC 4180 reader (quoted fields, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r') continue;
    else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  return rows;
}

describe('the audit log screen', () => {
  it('lists newest first, searches over all rows in main, and pages', async () => {
    const h = await harness();
    const admin = await h.admin();
    const page = expectOk(await admin.call<Page>('audit.list', {}));
    expect(page.rows.length).toBeGreaterThan(5);
    expect(page.rows[0]?.seq).toBeGreaterThan(page.rows[1]?.seq ?? Infinity);
    const keys = expectOk(await admin.call<Page>('audit.list', { search: 'keys.load', sort: { column: 'seq', direction: 'asc' } }));
    expect(keys.rows.map((r) => [r.action, r.target])).toEqual([
      ['keys.load', 'vk:123456:1:2:DKGA02:2014'],
      ['keys.load', 'vk:123456:1:2:DKGA04:2014'],
    ]);
    const byDetails = expectOk(await admin.call<Page>('audit.list', { search: 'DKGA04' }));
    expect(byDetails.total).toBeGreaterThanOrEqual(1);
  });

  it('verifies the chain (audited) and names the first broken row after tampering', async () => {
    const h = await harness();
    const admin = await h.admin();
    const good = expectOk(await admin.call<{ ok: boolean; rows: number; message: string }>('audit.verify'));
    expect(good.ok).toBe(true);
    expect(good.message).toBe(`The audit log is intact: ${good.rows} rows, each following the one before, up to the anchored head.`);
    h.core.database.sqlite.prepare("UPDATE audit_log SET actor = 'nobody' WHERE seq = 2").run();
    const bad = expectOk(await admin.call<{ ok: boolean; brokenAtSeq: number; message: string }>('audit.verify'));
    expect(bad).toMatchObject({ ok: false, brokenAtSeq: 2, message: expect.stringContaining('broken at row 2') });
    const verifications = h.core.database.sqlite.prepare("SELECT result FROM audit_log WHERE action = 'audit.verify' ORDER BY seq").all();
    expect(verifications).toEqual([{ result: 'ok' }, { result: 'failed' }]);
  });

  it('exports CSV with formulas neutralised and Unicode kept, and audits the export', async () => {
    const h = await harness();
    const admin = await h.admin();
    await h.caller().call('session.login', { username: '=cmd|calc', password: 'x' });
    const roleId = await h.roleId('OnlyVending');
    expectOk(await admin.call('roles.create', { code: 'Staff', name: '员工', permissions: ['vend'] }));
    expectOk(await admin.call('users.create', { loginId: '009', name: 'Allen', phone: '', roleId }));
    const file = expectOk(await admin.call<ExportFile>('audit.export', { format: 'csv', search: '' }));
    expect(file.fileName).toMatch(/^audit-log-\d{8}-\d{6}Z\.csv$/);
    expect(file.mimeType).toContain('text/csv');
    const text = Buffer.from(file.contentBase64, 'base64').toString('utf8');
    expect(text.startsWith('\ufeff')).toBe(true);
    const rows = parseCsv(text.slice(1));
    expect(rows[0]).toEqual(['Seq', 'Time (UTC)', 'Station', 'Actor', 'Action', 'Target', 'Result', 'Details']);
    expect(rows).toHaveLength(file.rows + 1);
    expect(rows.some((r) => r[3] === "'=cmd|calc")).toBe(true);
    expect(rows.some((r) => r[3] === '=cmd|calc')).toBe(false);
    expect(text).toContain('员工');
    const audited = h.core.database.sqlite.prepare("SELECT details_json AS d FROM audit_log WHERE action = 'audit.export'").get() as { d: string };
    expect(JSON.parse(audited.d)).toEqual({ format: 'csv', rows: file.rows, search: '' });
  });

  it('exports the rows matching a keyword as xlsx, written with the streaming writer', async () => {
    const h = await harness();
    const admin = await h.admin();
    const file = expectOk(await admin.call<ExportFile>('audit.export', { format: 'xlsx', search: 'keys.load' }));
    expect(file.fileName).toMatch(/\.xlsx$/);
    expect(file.rows).toBe(2);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Audit log');
    expect(sheet?.rowCount).toBe(3);
    expect(sheet?.getRow(1).getCell(5).value).toBe('Action');
    expect(sheet?.getRow(2).getCell(5).value).toBe('keys.load');
    expect(sheet?.getRow(3).getCell(6).value).toBe('vk:123456:1:2:DKGA04:2014');
    expect(typeof sheet?.getRow(2).getCell(1).value).toBe('number');
  });
});
