/**
 * The web app in headless Chromium (the system's /usr/bin/chromium through playwright-core)
 * against a real server on a free port with a fresh SQLite database, serving the built
 * dist/web: set-up → the 588万 plan (saved, then exported to Excel: the download is read back
 * with exceljs) → customers → a customer's contacts and visits → the
 * team, in Chinese and English, and one page at 375 px. Every page must log no console
 * error and throw nothing (except where a page's code is refused on purpose: the error state).
 * Screenshots go to test-output/screenshots/.
 *
 * Under CI (CI=true) a missing Chromium or web build fails the suite; locally the suite is
 * skipped with a message.
 */
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addDays, dateInTimeZone } from '../../src/domain/dates.js';
import { showAmount } from '../../src/domain/format-amount.js';
import {
  Browsers,
  csrfToken,
  missing,
  pickOption,
  screenshots,
  settled,
  signIn,
  useServer,
} from './browser.js';

const MANAGER = { email: 'wang@example.com', password: 'correct horse 1', name: '王经理' };

describe.skipIf(missing !== null)('web app in Chromium', () => {
  const browsers = new Browsers();
  const server = useServer(browsers, 'closer-e2e-');
  const shot = screenshots('');
  const csrf = (page: Page) => csrfToken(page, server.url);

  /** A new zh-CN window where the manager (set up by the first test) has signed in and sees Today. */
  async function signedInManager(motion: 'full' | 'reduced' = 'reduced') {
    const window = await browsers.open({ locale: 'zh-CN', width: 1280, height: 900, motion });
    await signIn(window.page, server.url, MANAGER);
    return window;
  }

  /**
   * Clicks the plan page's Excel export, waits for the browser's download and reads the
   * workbook back: its sheet names, the summary's target and year, and the twelve months'
   * amounts in fen (the sheet holds yuan; fen keep the sum exact).
   */
  async function downloadPlan(page: Page, name: RegExp) {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name }).click(),
    ]);
    expect(await download.failure()).toBeNull();
    // Away from the link, so its tooltip is not in the next screenshot.
    await page.mouse.move(0, 0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const sheets = workbook.worksheets.map((w) => w.name);
    const summary = new Map<string, string>();
    workbook.worksheets[0]?.eachRow((row, n) => {
      if (n > 1) summary.set(String(row.getCell(1).value), String(row.getCell(2).value));
    });
    const months: { month: string; fen: number }[] = [];
    workbook.worksheets[2]?.eachRow((row, n) => {
      if (n > 1)
        months.push({
          month: String(row.getCell(1).value),
          fen: Math.round(Number(row.getCell(4).value) * 100),
        });
    });
    return { file: download.suggestedFilename(), url: download.url(), sheets, summary, months };
  }

  it('zh-CN: set-up, the 588万 plan, customers, a customer with a contact and a visit, the team', async () => {
    const { page, problems } = await browsers.open({ locale: 'zh-CN', width: 1280, height: 900 });

    // Set-up (first run), with the client-side check of the server's schema first.
    await page.goto(`${server.url}/setup`);
    await expect
      .poll(() => page.getByRole('heading', { name: '首次使用：创建工作区' }).isVisible())
      .toBe(true);
    await page.getByLabel('工作区名称（公司或团队）').fill('杭州成交团队');
    await page.getByLabel('您的姓名').fill(MANAGER.name);
    await page.getByLabel('邮箱').fill(MANAGER.email);
    await page.getByLabel('密码（至少 8 位）').fill('short');
    await page.getByRole('button', { name: '创建并登录' }).click();
    await expect
      .poll(() =>
        page
          .getByText('密码至少 8 个字符')
          .first()
          .isVisible()
          .catch(() => false),
      )
      .toBe(true);
    await shot(page, 'zh-01-setup');
    await page.getByLabel('密码（至少 8 位）').fill(MANAGER.password);
    await page.getByRole('button', { name: '创建并登录' }).click();

    // The plan: the example 588万 plan is computed in the browser as you type.
    await page.waitForURL('**/plan');
    const total = page.getByTestId('plan-total');
    await expect.poll(() => total.textContent()).toContain('588万');
    // Nothing saved yet: the export is a disabled button, not a link.
    expect(await page.getByRole('button', { name: /导出 Excel/ }).isDisabled()).toBe(true);
    expect(await page.getByRole('link', { name: /导出 Excel/ }).count()).toBe(0);
    await expect.poll(() => page.getByTestId('plan-verdict').textContent()).toMatch(/可行性/);
    await page.getByRole('button', { name: '保存计划' }).click();
    await expect.poll(() => page.getByText('已保存为第 1 版').isVisible()).toBe(true);
    const plans = (await (await page.request.get(`${server.url}/api/plans`)).json()) as {
      year: number;
      revision: number;
      input: { target: string; markets: { name: string }[] };
    }[];
    expect(plans).toHaveLength(1);
    expect(plans[0]?.input.target).toBe('588万');
    expect(plans[0]?.revision).toBe(1);
    // Live recalculation: change the target, the total follows before saving.
    await page.getByLabel('年度目标（元，可写 588万）').fill('600万');
    await expect.poll(() => total.textContent()).toContain('600万');
    // Unsaved edits: the page says the export is still the saved revision.
    await expect
      .poll(() => page.getByTestId('plan-export-unsaved').textContent())
      .toBe('有未保存的修改：导出的是已保存的第 1 版');
    await shot(page, 'zh-02-plan-unsaved');
    await page.getByLabel('年度目标（元，可写 588万）').fill('588万');
    await expect.poll(() => total.textContent()).toContain('588万');
    await expect.poll(() => page.getByTestId('plan-export-unsaved').count()).toBe(0);

    // Export to Excel: the saved revision as a real workbook, read back with exceljs.
    const year = plans[0]?.year ?? 0;
    const xlsx = await downloadPlan(page, /导出 Excel/);
    expect(xlsx.file).toBe('plan.xlsx');
    expect(new URL(xlsx.url).searchParams.get('revision')).toBe('1');
    expect(xlsx.sheets).toEqual(['概要', '季度', '月度', '周', '日', '市场', '漏斗']);
    expect(xlsx.summary.get('目标')).toBe(showAmount(5_880_000_00, 'zh'));
    expect(xlsx.summary.get('年度')).toBe(String(year));
    expect(xlsx.months.map((m) => m.month)).toEqual(
      Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`),
    );
    expect(xlsx.months.every((m) => m.fen > 0)).toBe(true);
    expect(xlsx.months.reduce((sum, m) => sum + m.fen, 0)).toBe(5_880_000_00);
    await settled(page); // the charts are drawn and sized to their cards before the picture
    await shot(page, 'zh-02-plan');

    // The plan's markets became market records, for filing customers.
    const markets = (await (await page.request.get(`${server.url}/api/markets`)).json()) as {
      items: { id: string; name: string }[];
    };
    expect(markets.items.map((m) => m.name).sort()).toEqual(
      ['富阳/桐庐/临安', '杭州主城+萧山', '海外'].sort(),
    );

    // Customers: one through the API, one through the form (with its inline check).
    const token = await csrf(page);
    const viaApi = await page.request.post(`${server.url}/api/customers`, {
      headers: { 'x-csrf-token': token },
      data: {
        name: '萧山纺织',
        company: '萧山纺织有限公司',
        city: '萧山',
        class: 'A',
        marketId: markets.items[0]?.id,
      },
    });
    expect(viaApi.status()).toBe(201);
    await page.getByRole('menuitem', { name: '客户' }).click();
    await page.waitForURL('**/customers');
    await expect.poll(() => page.getByRole('link', { name: '萧山纺织' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: '新建客户' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: '保存' }).click();
    // The server's schema, checked in the browser, explains the empty name beside the field.
    await expect
      .poll(() => dialog.locator('.ant-form-item-explain-error').first().textContent())
      .toBe('请填写客户名称');
    await dialog.getByLabel('名称').fill('富阳造纸 <b>厂</b>');
    await dialog.getByLabel('公司').fill('富阳造纸有限公司');
    await dialog.getByLabel('城市').fill('富阳');
    await dialog.getByRole('button', { name: '保存' }).click();

    // The customer page: user text is text, never HTML.
    await page.waitForURL(/\/customers\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByRole('heading', { name: '富阳造纸 <b>厂</b>' }).isVisible()).toBe(true);
    expect(await page.locator('main b').count()).toBe(0);
    await page.getByRole('button', { name: '添加联系人' }).click();
    await page.getByRole('dialog').getByLabel('姓名').fill('陈总');
    await page.getByRole('dialog').getByLabel('职务').fill('总经理');
    await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.getByText('陈总').isVisible()).toBe(true);
    await page.getByRole('button', { name: '记录拜访' }).click();
    await page.getByRole('dialog').getByLabel('目的').fill('第一次见面：了解需求');
    await page.getByRole('dialog').getByLabel('结果').fill('陈总同意下周看样品');
    await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.getByText('陈总同意下周看样品').isVisible()).toBe(true);
    const customerId = page.url().split('/').pop() ?? '';
    const visits = (await (
      await page.request.get(`${server.url}/api/visits?customerId=${customerId}`)
    ).json()) as {
      items: { purpose: string }[];
    };
    expect(visits.items.map((v) => v.purpose)).toEqual(['第一次见面：了解需求']);
    await settled(page);
    await shot(page, 'zh-04-customer');

    // The list: search and paging state.
    await page.getByRole('link', { name: '客户' }).first().click();
    await page.waitForURL('**/customers');
    await expect.poll(() => page.getByRole('link', { name: '富阳造纸 <b>厂</b>' }).isVisible()).toBe(true);
    await shot(page, 'zh-03-customers');
    await page.getByPlaceholder('搜索名称、公司、城市').fill('萧山');
    await page.getByPlaceholder('搜索名称、公司、城市').press('Enter');
    await expect.poll(() => page.getByRole('link', { name: '富阳造纸 <b>厂</b>' }).count()).toBe(0);
    await expect.poll(() => page.getByRole('link', { name: '萧山纺织' }).isVisible()).toBe(true);
    await page.getByPlaceholder('搜索名称、公司、城市').fill('');
    await page.getByPlaceholder('搜索名称、公司、城市').press('Enter');
    await expect.poll(() => page.locator('tbody tr.ant-table-row').count()).toBe(2);
    // Filter by class, then sort by name (server-side: the list API's sort and order).
    await pickOption(page, page.getByRole('combobox', { name: '分类' }), 'A 类');
    await expect.poll(() => page.locator('tbody tr.ant-table-row').count()).toBe(1);
    await expect.poll(() => page.getByRole('link', { name: '萧山纺织' }).isVisible()).toBe(true);
    await page.getByRole('combobox', { name: '分类' }).press('Escape');
    // The export takes the list as filtered: one class-A customer, Chinese headers.
    const [listFile] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: '导出 Excel', exact: true }).click(),
    ]);
    expect(await listFile.failure()).toBeNull();
    expect(new URL(listFile.url()).searchParams.get('class')).toBe('A');
    const listBook = new ExcelJS.Workbook();
    await listBook.xlsx.readFile(await listFile.path());
    const listRows: string[][] = [];
    listBook.worksheets[0]?.eachRow((row) => {
      listRows.push([String(row.getCell(1).value), String(row.getCell(5).value)]);
    });
    expect(listRows).toEqual([
      ['客户名称', '客户级别'],
      ['萧山纺织', 'A 类'],
    ]);
    await page.locator('.ant-select-clear').first().click({ force: true });
    await expect.poll(() => page.locator('tbody tr.ant-table-row').count()).toBe(2);
    const firstName = () => page.locator('tbody tr.ant-table-row').first().locator('a').textContent();
    await page.getByRole('columnheader', { name: '名称' }).click();
    await expect.poll(firstName).toBe('富阳造纸 <b>厂</b>');
    await page.getByRole('columnheader', { name: '名称' }).click();
    await expect.poll(firstName).toBe('萧山纺织');

    // The team: add a lead; adding the manager's email again shows the server's message.
    await page.getByRole('menuitem', { name: '团队' }).click();
    await page.waitForURL('**/team');
    await page.getByRole('button', { name: '添加成员' }).click();
    await page.getByRole('dialog').getByLabel('姓名').fill('李娜');
    await page.getByRole('dialog').getByLabel('邮箱').fill('li@example.com');
    await page.getByRole('dialog').getByLabel('初始密码（至少 8 位）').fill('another pass 2');
    await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.getByRole('cell', { name: '李娜' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: '添加成员' }).click();
    await page.getByRole('dialog').getByLabel('姓名').fill('重复');
    await page.getByRole('dialog').getByLabel('邮箱').fill(MANAGER.email);
    await page.getByRole('dialog').getByLabel('初始密码（至少 8 位）').fill('another pass 3');
    await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await expect
      .poll(() =>
        page
          .getByRole('dialog')
          .getByText(/邮箱|已/)
          .first()
          .isVisible(),
      )
      .toBe(true);
    await shot(page, 'zh-05-team-error');
    await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();
    await shot(page, 'zh-05-team');

    // The one refused request of this walk (the duplicate email) is the only console error.
    const unexpected = problems.filter((p) => !(p.text.includes('409') && p.url.endsWith('/api/members')));
    expect(unexpected).toEqual([]);
  }, 120_000);

  it('en: sign in, the plan in English amounts, the customer list, and the switch back to 中文', async () => {
    const { page, problems } = await browsers.open({ locale: 'en-US', width: 1280, height: 900 });
    // Pages are loaded on demand: ECharts (about 1 MB) only with a page that draws charts.
    const scripts: string[] = [];
    page.on('request', (request) => {
      // Any way a script is asked for (module import or modulepreload link) counts.
      const path = new URL(request.url()).pathname;
      if (path.endsWith('.js')) scripts.push(path);
    });
    const echarts = () => scripts.filter((path) => /^\/assets\/echarts-[\w-]+\.js$/.test(path));
    await page.goto(`${server.url}/`);
    await expect.poll(() => page.getByRole('heading', { name: 'Sign in' }).isVisible()).toBe(true);
    expect(scripts.length).toBeGreaterThan(0);
    expect(echarts()).toEqual([]);
    await page.getByLabel('Email').fill(MANAGER.email);
    await page.getByLabel('Password (8 characters or more)').fill(MANAGER.password);
    await shot(page, 'en-01-login');
    await page.getByRole('button', { name: 'Sign in' }).click();
    // Sign-in lands on Today; the plan is one menu entry away.
    await page.waitForURL('**/today');
    await expect.poll(() => page.getByTestId('today-actual').isVisible()).toBe(true);
    expect(scripts.some((path) => path.includes('/TodayPage-'))).toBe(true);
    expect(echarts()).toEqual([]);
    await page.getByRole('menuitem', { name: 'Plan' }).click();
    await page.waitForURL('**/plan');
    await expect.poll(() => page.getByTestId('plan-total').textContent()).toContain('5,880,000');
    expect(echarts()).toHaveLength(1);
    await expect.poll(() => page.getByText('Revision 1').isVisible()).toBe(true);
    // The export in English: English sheets and labels, the same amounts.
    const xlsx = await downloadPlan(page, /Export to Excel/);
    expect(xlsx.sheets).toEqual(['Summary', 'Quarters', 'Months', 'Weeks', 'Days', 'Markets', 'Funnel']);
    expect(xlsx.summary.get('Target')).toBe(showAmount(5_880_000_00, 'en'));
    expect(xlsx.months).toHaveLength(12);
    expect(xlsx.months.reduce((sum, m) => sum + m.fen, 0)).toBe(5_880_000_00);
    await settled(page);
    await shot(page, 'en-02-plan');
    await page.getByRole('menuitem', { name: 'Customers' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Customers' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('link', { name: '萧山纺织' }).isVisible()).toBe(true);
    await shot(page, 'en-03-customers');
    await page.getByRole('link', { name: '萧山纺织' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Contacts' }).isVisible()).toBe(true);
    await shot(page, 'en-04-customer');
    await page.getByTestId('language-switch').click();
    await expect.poll(() => page.getByRole('heading', { name: '联系人' }).isVisible()).toBe(true);
    expect(await page.evaluate('document.documentElement.lang')).toBe('zh-CN');
    // Signing out returns to the sign-in page; the session is gone on the server too.
    await page.getByRole('button', { name: '退出登录' }).click();
    await expect.poll(() => page.getByRole('heading', { name: '登录' }).isVisible()).toBe(true);
    expect((await page.request.get(`${server.url}/api/auth/me`)).status()).toBe(401);
    expect(problems).toEqual([]);
  }, 120_000);

  it('a page whose code cannot be loaded shows an error with a reload button, not a blank screen', async () => {
    const { page, problems } = await signedInManager();
    // As when the network drops, or a new version replaced the file names, before a page is opened.
    const teamChunk = /\/assets\/TeamPage-[\w-]+\.js$/;
    await page.route(teamChunk, (route) => route.abort());
    await page.getByRole('menuitem', { name: '团队' }).click();
    await expect
      .poll(() => page.getByText('页面没能打开（网络中断，或系统刚刚更新）').isVisible())
      .toBe(true);
    // The shell stays usable around the error.
    expect(await page.getByRole('menuitem', { name: '客户' }).isVisible()).toBe(true);
    await shot(page, 'zh-06-page-failed');
    await page.unroute(teamChunk);
    await page.getByRole('button', { name: '重新加载' }).click();
    await expect.poll(() => page.getByRole('button', { name: '添加成员' }).isVisible()).toBe(true);
    // The refused file is the only problem the page reported.
    expect(problems.filter((p) => !/TeamPage|dynamically imported module/.test(p.text + p.url))).toEqual([]);
    expect(problems.length).toBeGreaterThan(0);
  }, 120_000);

  it('Today shows a long list ten at a time, with the count on its card', async () => {
    const { page, problems } = await signedInManager();
    const headers = { 'x-csrf-token': await csrf(page) };
    // Twelve calls due today, on a customer of their own (deleted afterwards with them).
    const created = await page.request.post(`${server.url}/api/customers`, {
      headers,
      data: { name: '余杭电话客户' },
    });
    expect(created.status()).toBe(201);
    const customerId = ((await created.json()) as { id: string }).id;
    const today = dateInTimeZone(new Date(), 'Asia/Shanghai');
    for (let i = 1; i <= 12; i++) {
      const made = await page.request.post(`${server.url}/api/follow-ups`, {
        headers,
        data: { customerId, dueOn: today, kind: `电话 ${i}` },
      });
      expect(made.status()).toBe(201);
    }
    await page.reload();
    const items = page.getByTestId('today-follow-up');
    await expect.poll(() => items.count()).toBe(10);
    expect(await page.getByTestId('today-follow-ups').getByText('共 12 条').isVisible()).toBe(true);
    await page.getByTestId('today-follow-ups').locator('.ant-pagination-item-2').click();
    await expect.poll(() => items.count()).toBe(2);
    const removed = await page.request.delete(`${server.url}/api/customers/${customerId}`, { headers });
    expect(removed.status()).toBe(204);
    expect(problems).toEqual([]);
  }, 120_000);

  it("records a seminar's attendance by the workspace's date, not the browser's", async () => {
    const { page, problems } = await signedInManager();
    // A seminar held yesterday (in Shanghai, the workspace's time zone), one customer invited.
    const token = await csrf(page);
    const yesterday = addDays(dateInTimeZone(new Date(), 'Asia/Shanghai'), -1);
    const seminar = await page.request.post(`${server.url}/api/seminars`, {
      headers: { 'x-csrf-token': token },
      data: { title: '昨日会销', heldOn: yesterday, capacity: 30, status: 'held' },
    });
    expect(seminar.status()).toBe(201);
    const seminarId = ((await seminar.json()) as { id: string }).id;
    const customers = (await (await page.request.get(`${server.url}/api/customers?limit=1`)).json()) as {
      items: { id: string; name: string }[];
    };
    const customer = customers.items[0];
    if (!customer) throw new Error('the first test creates customers');
    const invited = await page.request.post(`${server.url}/api/seminars/${seminarId}/invitations`, {
      headers: { 'x-csrf-token': token },
      data: { customerIds: [customer.id] },
    });
    expect(invited.status()).toBe(201);
    // The phone's clock says three days ago (a salesperson abroad, or a clock set wrong).
    await page.clock.setFixedTime(new Date(Date.now() - 3 * 86_400_000));
    await page.goto(`${server.url}/seminars`);
    await page.getByRole('button', { name: '昨日会销', exact: true }).click();
    const attended = page.getByRole('switch', { name: `到场 ${customer.name}` });
    await expect.poll(() => attended.isEnabled()).toBe(true);
    await attended.click();
    await expect
      .poll(async () => {
        const list = await page.request.get(`${server.url}/api/seminars/${seminarId}/invitations`);
        return ((await list.json()) as { attended: boolean }[])[0]?.attended;
      })
      .toBe(true);
    expect(problems).toEqual([]);
  }, 120_000);

  it("follows the system's reduce-motion setting: dialogs zoom in only for those who did not ask for less motion, and open on their first field", async () => {
    /** Signs in, opens the new-customer dialog and returns every motion class seen meanwhile. */
    async function motionClassesWhenOpening(motion: 'full' | 'reduced'): Promise<string[]> {
      const { page, problems } = await signedInManager(motion);
      // Exact names: the icons beside the words are hidden from screen readers ("user 客户" was read).
      await page.getByRole('menuitem', { name: '客户', exact: true }).click();
      await expect
        .poll(() => page.getByRole('button', { name: '新建客户', exact: true }).isVisible())
        .toBe(true);
      // Every class name of an antd zoom that is running (its "active" stage), on nodes added
      // or changed from now on. (Without motion, the first frame still carries the
      // "prepare" class for an instant, but nothing ever runs.)
      // (A string: this file is type-checked without the browser's DOM types.)
      await page.evaluate(`
        window.motionSeen = [];
        const note = (element) => {
          const name = element.className.toString();
          if (/-zoom-(appear|enter)-active/.test(name)) window.motionSeen.push(name);
        };
        new MutationObserver((records) => {
          for (const record of records) {
            if (record.target instanceof Element) note(record.target);
            for (const added of record.addedNodes) {
              if (!(added instanceof Element)) continue;
              note(added);
              for (const inner of added.querySelectorAll('[class*="-zoom-"]')) note(inner);
            }
          }
        }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] });
      `);
      await page.getByRole('button', { name: '新建客户' }).click();
      await expect.poll(() => page.getByRole('dialog').getByLabel('名称').isVisible()).toBe(true);
      // Settled: the dialog carries no zoom class any more. With motion, that is after the zoom ran.
      await expect.poll(() => page.locator('.ant-modal').getAttribute('class')).not.toMatch(/-zoom-/);
      // Either way the first field has the focus, ready for typing.
      const name = page.getByRole('dialog').getByLabel('名称');
      await expect.poll(() => name.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
      expect(problems).toEqual([]);
      return (await page.evaluate('window.motionSeen')) as string[];
    }
    expect((await motionClassesWhenOpening('full')).join(' ')).toContain('ant-zoom-appear-active');
    expect(await motionClassesWhenOpening('reduced')).toEqual([]);
  }, 120_000);

  it('375 px: the customer list and the plan fit a phone, menu in a drawer, keyboard sign-in', async () => {
    const { page, problems } = await browsers.open({ locale: 'zh-CN', width: 375, height: 740 });
    await page.goto(`${server.url}/login`);
    await page.getByLabel('邮箱').focus();
    await page.keyboard.type(MANAGER.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(MANAGER.password);
    await page.keyboard.press('Enter');
    // Sign-in lands on Today; the plan is one menu entry away.
    await page.waitForURL('**/today');
    await page.goto(`${server.url}/plan`);
    await page.waitForURL('**/plan');
    await expect.poll(() => page.getByTestId('plan-total').textContent()).toContain('588万');
    await settled(page);
    await shot(page, 'mobile-01-plan');
    await page.getByRole('button', { name: '打开菜单', exact: true }).click();
    await page.getByRole('menuitem', { name: '客户' }).click();
    await page.waitForURL('**/customers');
    await expect.poll(() => page.getByRole('link', { name: '萧山纺织' }).isVisible()).toBe(true);
    // The drawer closes with an animation: measure the page once it has gone.
    await expect.poll(() => page.locator('.ant-drawer-content-wrapper').isVisible()).toBe(false);
    const overflow = Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
    await shot(page, 'mobile-02-customers');
    expect(overflow).toBeLessThanOrEqual(0);
    expect(problems).toEqual([]);
  }, 120_000);
});
