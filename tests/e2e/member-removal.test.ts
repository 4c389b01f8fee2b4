/**
 * Removing a member in the coordinator app: an admin finds the member, opens them, removes them after a
 * confirmation that says their visits are kept, and the member is gone from the list; a coordinator is not
 * offered the action. The member played in a tournament: the tournament page open on another screen replaces
 * their name with the placeholder at once, and shows it nowhere after a reload (docs/security.md "Audit log and
 * privacy").
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpSignIn, postJson, type ServerProcess } from '../support/processes.ts';
import { chromiumPath, openSuite, signInPage } from './browser.ts';

const ADMIN_PASSWORD = 'browser-admin-pass';

describe.runIf(chromiumPath)('removing a member in the browser', () => {
  let server: ServerProcess;
  let browser: Browser;
  let stop: (() => Promise<void>) | undefined;
  const collectors: string[][] = [];
  let tournamentId: string;

  const signedIn = (username: string, password: string): Promise<Page> => signInPage(browser, server.url, username, password, collectors, { viewport: { width: 1280, height: 800 } });

  async function openMember(page: Page, name: string) {
    await page.goto(`${server.url}/#/members`);
    await page.getByLabel('查找会员').fill(name);
    await page.getByRole('button', { name: `编辑 ${name}` }).click();
  }

  beforeAll(async () => {
    ({ server, browser, stop } = await openSuite({ ADMIN_PASSWORD }));
    const cookie = await httpSignIn(server.url, 'admin', ADMIN_PASSWORD);
    const memberIds: string[] = [];
    for (const [name, cardCode] of [['欧阳删除', 'RM0001'], ['欧阳保留', 'RM0002']]) {
      const created = await postJson(`${server.url}/api/members`, cookie, { name, cardCode });
      expect(created.status).toBe(201);
      memberIds.push((created.json as { member: { id: string } }).member.id);
    }
    const venues = (await (await fetch(`${server.url}/api/venues`, { headers: { cookie } })).json()) as { venues: Array<{ id: string }> };
    // Both play a singles tournament (each entry named after its player), started so the bracket shows them.
    const tournament = await postJson(`${server.url}/api/tournaments`, cookie, { venueId: venues.venues[0]!.id, name: '删除测试单打', sport: 'table_tennis', format: 'round_robin', bestOf: 3 });
    expect(tournament.status).toBe(201);
    tournamentId = (tournament.json as { tournament: { id: string } }).tournament.id;
    for (const [i, name] of ['欧阳删除', '欧阳保留'].entries()) {
      expect((await postJson(`${server.url}/api/tournaments/${tournamentId}/participants`, cookie, { name, memberIds: [memberIds[i]] })).status).toBe(201);
    }
    expect((await postJson(`${server.url}/api/tournaments/${tournamentId}/participants`, cookie, { name: '来宾' })).status).toBe(201);
    expect((await postJson(`${server.url}/api/tournaments/${tournamentId}/start`, cookie, {})).status).toBe(200);
    const user = await postJson(`${server.url}/api/users`, cookie, { username: 'coordrm', password: 'coordinator-pass', role: 'coordinator', venueIds: [venues.venues[0]!.id] });
    expect(user.status, JSON.stringify(user.json)).toBe(201);
  });
  afterAll(async () => stop?.());

  it('an admin removes a member after confirming; the member leaves the list and the tournament page', async () => {
    // The tournament page open on another screen, showing the member in the bracket.
    const hall = await signedIn('admin', ADMIN_PASSWORD);
    await hall.goto(`${server.url}/#/tournaments/${tournamentId}`);
    await hall.getByText('欧阳删除').first().waitFor();
    const page = await signedIn('admin', ADMIN_PASSWORD);
    await openMember(page, '欧阳删除');
    await page.getByRole('button', { name: '删除会员（匿名化）' }).click();
    const dialog = page.getByRole('alertdialog');
    await expect(dialog.textContent()).resolves.toContain('签到记录保留');
    await dialog.getByRole('button', { name: '确认删除' }).click();
    await page.getByText('已删除会员“欧阳删除”').waitFor();
    await page.getByLabel('查找会员').fill('欧阳');
    await page.getByRole('button', { name: '编辑 欧阳保留' }).waitFor();
    expect(await page.getByRole('button', { name: '编辑 欧阳删除' }).count()).toBe(0);

    // The open page follows at once (participant.updated), and a fresh load shows the placeholder only.
    await hall.getByText('已删除会员').first().waitFor();
    const fresh = await signedIn('admin', ADMIN_PASSWORD);
    await fresh.goto(`${server.url}/#/tournaments/${tournamentId}`);
    for (const view of [hall, fresh]) {
      await view.getByText('已删除会员').first().waitFor();
      await view.getByText('欧阳保留').first().waitFor();
      await view.getByRole('tab', { name: '参赛名单' }).click();
      await view.getByText('欧阳保留').first().waitFor();
      // The removed member's entry keeps its memberId but is no longer badged 会员; the kept one still is.
      const rosterRow = (name: string) => view.locator('table.entry-table tbody tr', { hasText: name });
      expect(await rosterRow('已删除会员').locator('.badge').count()).toBe(0);
      expect(await rosterRow('欧阳保留').locator('.badge').count()).toBe(1);
      expect(await view.locator('body').textContent()).not.toContain('欧阳删除');
    }
  });

  it('a coordinator is not offered the removal', async () => {
    const page = await signedIn('coordrm', 'coordinator-pass');
    await openMember(page, '欧阳保留');
    await page.getByRole('button', { name: /保存/ }).waitFor();
    expect(await page.getByRole('button', { name: '删除会员（匿名化）' }).count()).toBe(0);
  });

  it('logs no error in either page', () => {
    expect(collectors.flat()).toEqual([]);
  });
});
