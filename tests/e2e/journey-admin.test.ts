/**
 * The admin's journey, on the built apps at 1440×900 in Chinese, with screenshots of the key screens
 * under test-results/journeys/admin/. On a first start with the demo and its months of history, an admin
 * imports the member ledger (GB18030) and then the same ledger again (UTF-8): the second time nobody is added,
 * the report says who was unchanged; prints member cards; pairs a kiosk and a hall display by opening the
 * pairing link the QR code holds in a second browser (the tablets), and sees them online in the device list;
 * opens the reports on the demo history (charts not empty, this month marked "so far"); and downloads the
 * attendance as CSV and Excel and reads them back: local times, kinds in words, real dates and numbers.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpSignIn, startServerProcess, type ServerProcess } from '../support/processes.ts';
import { builtAppsEnv, chromiumPath, collectErrors, launchBrowser, signInPage } from './browser.ts';
import { journeyShots } from './screenshots.ts';

const ADMIN_PASSWORD = 'journey-admin-pass';
const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
const CITY = '市老干部活动中心';

describe.runIf(chromiumPath)('admin journey', () => {
  let server: ServerProcess;
  let browser: Browser;
  let dataDir = '';
  const collectors: string[][] = [];

  beforeAll(async () => {
    // openSuite's server, with the demo history the other e2e servers leave out (browser.ts), and more time
    // for the first start that writes it on a busy 2-core machine.
    dataDir = mkdtempSync(path.join(tmpdir(), 'centre-ops-journey-admin-'));
    server = await startServerProcess({ ...builtAppsEnv, DATA_DIR: dataDir, ADMIN_PASSWORD, DEMO_HISTORY: '1' }, 180_000);
    browser = await launchBrowser();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('imports the ledger twice, prints cards, pairs a kiosk and a display, reads and exports the reports', async () => {
    const shots = journeyShots('admin');
    const cookie = await httpSignIn(server.url, 'admin', ADMIN_PASSWORD);
    const api = async <T>(url: string): Promise<T> => (await (await fetch(`${server.url}${url}`, { headers: { cookie } })).json()) as T;
    const memberTotal = async () => (await api<{ total: number }>('/api/members?limit=1')).total;
    const page = await signInPage(browser, server.url, 'admin', ADMIN_PASSWORD, collectors, { viewport: { width: 1440, height: 900 }, acceptDownloads: true });

    // Members: the list says how many there are.
    const before = await memberTotal();
    await page.goto(`${server.url}/#/members`);
    await page.getByTestId('members-total').filter({ hasText: `共 ${before} 位会员` }).waitFor();

    // The ledger as the office saves it from Excel (GB18030): 61 added, 3 lines to correct.
    await page.getByRole('button', { name: '导入名册（CSV）' }).click();
    const importOnce = async (file: string) => {
      await page.getByLabel('选择 CSV 文件').setInputFiles(path.join(FIXTURES, file));
      await page.getByRole('button', { name: '导入', exact: true }).click();
      await page.getByTestId('import-counts').waitFor();
      return (await page.getByTestId('import-counts').innerText()).replace(/\s+/g, ' ');
    };
    expect(await importOnce('members-gb18030.csv')).toMatch(/^新增 61 位会员$/);
    await page.getByText('3 行未导入').waitFor();
    await shots.take(page, 'import-first');
    expect(await memberTotal()).toBe(before + 61);

    // The same ledger again (UTF-8 this time): nobody added twice, every member said unchanged.
    expect(await importOnce('members-utf8-bom.csv')).toMatch(/^新增 0 位会员 61 位已在名册中、无变化$/);
    await page.getByText('没有重复添加任何人').waitFor();
    await shots.take(page, 'import-again');
    await page.getByText('逐行结果（64 行）').click();
    await page.getByTestId('import-lines').getByText('第 2 行 · 杜荣 · 无变化').waitFor();
    await shots.take(page, 'import-again-lines');
    expect(await memberTotal()).toBe(before + 61);
    await page.getByTestId('members-total').filter({ hasText: `共 ${before + 61} 位会员` }).waitFor();

    // Cards for a member found by name, and for the rest of the first page.
    await page.getByRole('button', { name: '关闭导入' }).click();
    await page.getByLabel('查找会员').fill('杜荣');
    await page.getByTestId('members-total').filter({ hasText: '找到 1 位' }).waitFor();
    await page.getByLabel('选择本页全部会员').check();
    await shots.take(page, 'members-found');
    await page.getByRole('button', { name: '清除查找' }).click();
    await page.getByTestId('members-total').filter({ hasText: '共' }).waitFor();
    await page.getByLabel('选择本页全部会员').check();
    await page.getByRole('button', { name: '打印会员卡' }).click();
    await page.getByRole('button', { name: '返回会员列表' }).waitFor();
    await shots.take(page, 'cards');
    await page.getByRole('button', { name: '返回会员列表' }).click();

    // Devices: a kiosk and a display, each paired by opening the link its QR code holds on the tablet.
    await page.goto(`${server.url}/#/admin`);
    const devices = page.locator('section[aria-labelledby="devices-admin"]');
    await devices.getByLabel('场馆').selectOption({ label: CITY });
    const pair = async (kind: 'kiosk' | 'display', name: string, viewport: { width: number; height: number }): Promise<Page> => {
      await devices.getByLabel('设备类型').selectOption(kind);
      await devices.getByLabel('设备名称').fill(name);
      await devices.getByRole('button', { name: '添加设备并生成配对码' }).click();
      const qr = page.getByTestId('pairing-qr');
      await qr.waitFor();
      const box = (await qr.boundingBox())!;
      expect(box.width).toBeGreaterThanOrEqual(250); // scannable across a desk
      await shots.take(page, `pairing-${kind}`);
      const link = (await qr.getAttribute('data-link'))!;
      expect(link).toMatch(new RegExp(`/${kind}/.*#pair=\\d{8}$`));
      const tablet = await (await browser.newContext({ viewport, locale: 'zh-CN' })).newPage();
      collectors.push(collectErrors(tablet, kind));
      await tablet.goto(link);
      await tablet.getByText(CITY).first().waitFor({ timeout: 20_000 });
      expect(tablet.url()).not.toContain('#pair='); // the code leaves the address once used
      await page.getByRole('button', { name: '关闭' }).click();
      return tablet;
    };
    const kiosk = await pair('kiosk', '前台签到机', { width: 1280, height: 800 });
    await shots.take(kiosk, 'kiosk-paired');
    const display = await pair('display', '二楼走廊显示屏', { width: 1920, height: 1080 });
    await shots.take(display, 'display-paired');
    // The list shows both online (it refreshes itself; a reload is quicker here).
    await page.reload();
    await devices.getByLabel('场馆').selectOption({ label: CITY });
    for (const name of ['前台签到机', '二楼走廊显示屏']) {
      await devices.getByRole('row', { name: new RegExp(name) }).getByTestId('device-presence').filter({ hasText: '在线' }).waitFor();
    }
    await devices.getByRole('table').scrollIntoViewIfNeeded();
    await shots.take(page, 'devices-online');

    // Reports on the demo history: figures, a chart, this month marked as not over.
    await page.goto(`${server.url}/#/reports`);
    const visits = page.locator('[data-figure="visits"]');
    await visits.waitFor();
    await page.waitForFunction(() => Number(document.querySelector('[data-figure="visits"]')?.textContent?.replace(/\D/g, '') ?? 0) > 1000);
    await page.locator('canvas').first().waitFor();
    await page.getByTestId('partial-month').waitFor();
    await shots.take(page, 'reports-year');
    await page.locator('#report-attendance').scrollIntoViewIfNeeded();
    await page.locator('.attendance-table tbody tr').first().waitFor();
    await shots.take(page, 'reports-attendance');
    const headerHeights = await page.locator('.attendance-table thead th').evaluateAll((ths) => ths.map((th) => th.getBoundingClientRect().height));
    expect(Math.max(...headerHeights)).toBeLessThan(40); // one line, not "次/数"

    // Attendance as CSV and as Excel, read back.
    const download = async (name: string) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
      return readFile((await file.path())!);
    };
    const csv = (await download('导出出勤 CSV')).toString('utf8').slice(1).split('\r\n');
    expect(csv[0]).toBe('"活动","开始时间","类型","预计人数","人次","会员人数","来宾人次","编号"');
    const first = csv[1]!.split('","');
    expect(first[1]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(csv.join('\n')).not.toMatch(/T\d{2}:\d{2}:\d{2}\.\d{3}Z|"(class|lecture|exhibition|competition)"/);
    expect(csv.some((line) => line.includes('"课程"'))).toBe(true);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await download('导出出勤 Excel')) as unknown as ExcelJS.Buffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getCell('B2').value).toBeInstanceOf(Date);
    expect(sheet.getCell('B2').numFmt).toBe('yyyy-mm-dd hh:mm');
    // The same wall clock as the CSV's first line.
    expect((sheet.getCell('B2').value as Date).toISOString().slice(0, 16).replace('T', ' ')).toBe(first[1]);
    expect(typeof sheet.getCell('E2').value).toBe('number');
    const kinds = new Set(sheet.getColumn(3).values.slice(2).map(String));
    expect(kinds.has('课程')).toBe(true);
    await shots.take(page, 'reports-exported');

    await kiosk.context().close();
    await display.context().close();
    await page.context().close();
  }, 300_000);

  it('logs no error in any page', () => {
    expect(collectors.flat()).toEqual([]);
  });
});
