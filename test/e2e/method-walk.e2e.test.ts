/**
 * The method in the browser (headless Chromium via playwright-core, a real server on a free
 * port, fresh SQLite, the built dist/web): set-up → the 588万 plan → a customer → a first,
 * second and third visit logged through the guided flow (the third-meeting warning shows
 * before saving and the server's warning after) → an objection answered with a scripted
 * reply → a signature → Today shows the month's actual risen and the follow-up due.
 * Once in zh-CN, once in en; Today and Log a visit at 375 px. No console errors anywhere.
 * Screenshots: test-output/screenshots/method-*.png. (The README's Today picture comes from
 * the demo data, on a working day: test/e2e/dashboard.e2e.test.ts.)
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DISCOVERY_CHAIN } from '../../src/domain/method/discovery.js';
import {
  Browsers,
  csrfToken,
  missing,
  type Problem,
  pickOption,
  screenshots,
  settled,
  setUpWorkspace,
  signIn,
  useServer,
} from './browser.js';

const MANAGER = { email: 'zhao@example.com', password: 'correct horse 1', name: '赵经理' };

/** The workspace's date (Asia/Shanghai, the set-up's default time zone), shifted by `days`. */
function shanghaiDate(days = 0): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
    new Date(Date.now() + days * 86_400_000),
  );
}

/** The customer page's meeting count, the number alone (the statistic's text also holds its title). */
function meetingCount(page: Page): Promise<string | null> {
  return page.getByTestId('meeting-count').locator('.ant-statistic-content-value').textContent();
}

/** The texts a walk needs, per language. */
const TEXTS = {
  zh: {
    today: '今天',
    customers: '客户',
    start: '按步骤记录',
    saveVisit: '保存拜访',
    saveAnswers: '保存回答',
    category: '类别',
    categoryOption: '业绩',
    need: '客户原话里的需求',
    savePains: '保存痛点并生成推荐清单',
    next: '继续',
    skip: '跳过',
    objection: '拒签问题',
    which: '哪一种',
    price: '价格：没有预算 / 太贵了',
    reply: '您觉得多少合适？我可以给您申请优惠。',
    customerWords: '客户的原话',
    unresolved: '未解决',
    saveAttempt: '保存促成',
    another: '再记一次促成',
    signed: '签约',
    amount: '签约金额（元，可写 12万）',
    amountValue: '12万',
    nextStep: '下一步',
    followUpOn: '跟进日期',
    finish: '保存并完成',
    finished: '本次拜访已记完',
    toCustomer: '回到客户',
    twoMeetings: '已见两次：下次必须成交',
    twiceOnly: '只看已见两次及以上的',
    edit: '编辑',
    saveEdit: '保存',
    meeting: (n: number) => `这将是与该客户的第 ${n} 次见面`,
    attempt: (n: number) => `已保存（第 ${n} 次促成）`,
  },
  en: {
    today: 'Today',
    customers: 'Customers',
    start: 'Step-by-step visit',
    saveVisit: 'Save the visit',
    saveAnswers: 'Save the answers',
    category: 'Category',
    categoryOption: 'Performance',
    need: "The need in the customer's words",
    savePains: 'Save the pains and get the pitch list',
    next: 'Continue',
    skip: 'Skip',
    objection: 'Objection',
    which: 'Which one',
    price: 'Price: no budget / too expensive',
    reply: 'What would you consider fair? I can give you a discount.',
    customerWords: "The customer's words",
    unresolved: 'Unresolved',
    saveAttempt: 'Save the close attempt',
    another: 'Another close attempt',
    signed: 'Signed',
    amount: 'Amount signed (e.g. 120000)',
    amountValue: '120000',
    nextStep: 'Next step',
    followUpOn: 'Follow up on',
    finish: 'Save and finish',
    finished: 'The visit is logged',
    toCustomer: 'Back to the customer',
    twoMeetings: 'Met twice: close at the next meeting',
    twiceOnly: 'Only those met twice or more',
    edit: 'Edit',
    saveEdit: 'Save',
    meeting: (n: number) => `This will be meeting number ${n} with this customer`,
    attempt: (n: number) => `Saved (close attempt ${n})`,
  },
} as const;
type Texts = (typeof TEXTS)[keyof typeof TEXTS];

describe.skipIf(missing !== null)('the method in Chromium', () => {
  const browsers = new Browsers();
  const server = useServer(browsers, 'closer-e2e-method-');
  const shot = screenshots('method-');

  async function post(page: Page, path: string, data: unknown): Promise<{ id: string }> {
    const response = await page.request.post(`${server.url}${path}`, {
      headers: { 'x-csrf-token': await csrfToken(page, server.url) },
      data,
    });
    expect(response.status(), `${path}: ${await response.text()}`).toBe(201);
    return (await response.json()) as { id: string };
  }

  const radio = (page: Page, text: string) =>
    page.locator('.ant-radio-button-wrapper, .ant-radio-wrapper', { hasText: text }).first();

  const pick = (page: Page, combobox: string, option: string) =>
    pickOption(page, page.getByRole('combobox', { name: combobox }), option);

  /** Opens the guided visit from the customer page and saves the meeting step. */
  async function meeting(page: Page, L: Texts, n: number, customerId: string) {
    await page.goto(`${server.url}/customers/${customerId}`);
    await page.getByRole('button', { name: L.start }).click();
    await page.waitForURL(`**/customers/${customerId}/log-visit`);
    await expect.poll(() => page.getByTestId('meeting-number').textContent()).toContain(L.meeting(n));
    // The third meeting is flagged before anything is saved.
    expect(await page.getByTestId('third-meeting-warning').count()).toBe(n >= 3 ? 1 : 0);
  }

  /** The walk of one language: three visits, an objection with its scripted reply, a signature. */
  async function walk(page: Page, L: Texts, lang: 'zh' | 'en', customerId: string) {
    // First visit: every step.
    await meeting(page, L, 1, customerId);
    await page.getByRole('button', { name: L.saveVisit }).click();
    await expect.poll(() => page.getByRole('button', { name: L.saveAnswers }).isVisible()).toBe(true);
    await page
      .locator('textarea')
      .first()
      .fill(lang === 'zh' ? '主要做内销，想开拓海外' : 'Domestic only; wants export');
    await page.getByRole('button', { name: L.saveAnswers }).click();
    await expect.poll(() => page.getByRole('button', { name: L.savePains }).isVisible()).toBe(true);
    await pick(page, L.category, L.categoryOption);
    await page.getByLabel(L.need).fill(lang === 'zh' ? '今年业绩要翻一番' : 'Double the sales this year');
    await page.getByRole('button', { name: L.savePains }).click();
    await expect.poll(() => page.getByTestId('pitch-list').isVisible()).toBe(true);
    await shot(page, `${lang}-02-pitch-list`);
    await page.getByRole('button', { name: L.next, exact: true }).click();
    await page.getByRole('button', { name: L.skip, exact: true }).click();
    await page
      .getByLabel(L.nextStep, { exact: true })
      .fill(lang === 'zh' ? '带案例再来' : 'Come back with a case study');
    await page.getByRole('button', { name: L.finish }).click();
    await expect.poll(() => page.getByText(L.finished).isVisible()).toBe(true);
    await page.getByRole('button', { name: L.toCustomer }).click();
    await page.waitForURL(`**/customers/${customerId}`);
    await expect.poll(() => meetingCount(page)).toBe('1');

    // Second visit: the meeting only; the customer page then warns of two meetings.
    await meeting(page, L, 2, customerId);
    await page.getByRole('button', { name: L.saveVisit }).click();
    await expect.poll(() => page.getByRole('button', { name: L.saveAnswers }).isVisible()).toBe(true);
    await page.goto(`${server.url}/customers/${customerId}`);
    await expect.poll(() => meetingCount(page)).toBe('2');
    await settled(page);
    await shot(page, `${lang}-03-customer-two-meetings`);

    // The timeline shows what the first visit found out: the question with its answer, the pain.
    const firstQuestion = DEFAULT_DISCOVERY_CHAIN.questions[0];
    const discovery = page.getByTestId('visit-discovery');
    await expect.poll(() => discovery.count()).toBe(1);
    expect(await discovery.textContent()).toContain(lang === 'zh' ? firstQuestion?.zh : firstQuestion?.en);
    expect(await discovery.textContent()).toContain(
      lang === 'zh' ? '主要做内销，想开拓海外' : 'Domestic only; wants export',
    );
    expect(await page.getByTestId('visit-pain').textContent()).toContain(
      lang === 'zh' ? '今年业绩要翻一番' : 'Double the sales this year',
    );
    // Change the second visit from the keyboard: focus its edit button, Enter, type, Enter.
    await page
      .getByRole('button', { name: `${L.edit} ${shanghaiDate()}` })
      .first()
      .focus();
    await page.keyboard.press('Enter');
    const purpose = page.getByRole('dialog').getByLabel(lang === 'zh' ? '目的' : 'Purpose');
    await expect.poll(() => purpose.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await page.keyboard.type(lang === 'zh' ? '演示案例' : 'Case study demo');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await expect
      .poll(() =>
        page
          .getByTestId('visit-item')
          .filter({ hasText: lang === 'zh' ? '演示案例' : 'Case study demo' })
          .count(),
      )
      .toBe(1);

    // The customer list carries the meeting count with the two-meeting warning. A customer
    // not met yet is there too (deleted again below), for the filter to leave out.
    const unmet = await post(page, '/api/customers', { name: lang === 'zh' ? '还没见面' : 'Not met yet' });
    await page.goto(`${server.url}/customers`);
    const row = page.locator('tr', { has: page.locator(`a[href="/customers/${customerId}"]`) });
    await expect
      .poll(() => row.getByTestId('meetings').getAttribute('aria-label'))
      .toBe(`2 · ${L.twoMeetings}`);
    await shot(page, `${lang}-03b-customers-two-meetings`);
    // "Met twice or more" leaves exactly the customers the server counts so (the next meeting must close).
    const twice = (await (await page.request.get(`${server.url}/api/customers?minMeetings=2`)).json()) as {
      items: { id: string }[];
    };
    expect(twice.items.map((c) => c.id)).toContain(customerId);
    expect(twice.items.map((c) => c.id)).not.toContain(unmet.id);
    const unmetRow = page.locator('tr', { has: page.locator(`a[href="/customers/${unmet.id}"]`) });
    await expect.poll(() => unmetRow.isVisible()).toBe(true);
    await page.getByRole('checkbox', { name: L.twiceOnly }).check();
    await expect.poll(() => unmetRow.count()).toBe(0);
    await expect.poll(() => page.locator('tbody tr.ant-table-row').count()).toBe(twice.items.length);
    expect(await row.isVisible()).toBe(true);
    const removed = await page.request.delete(`${server.url}/api/customers/${unmet.id}`, {
      headers: { 'x-csrf-token': await csrfToken(page, server.url) },
    });
    expect(removed.status()).toBe(204);

    // Third visit: warned before saving, the server's warning after.
    await meeting(page, L, 3, customerId);
    await shot(page, `${lang}-04-third-meeting`);
    await page.getByRole('button', { name: L.saveVisit }).click();
    await expect.poll(() => page.getByTestId('visit-warning').isVisible()).toBe(true);
    await page.getByRole('button', { name: L.next, exact: true }).click(); // to the questions
    await page.getByRole('button', { name: L.next, exact: true }).click(); // to the pains
    await page.getByRole('button', { name: L.next, exact: true }).click(); // to the close
    // An objection, answered with a scripted reply from the catalog.
    await radio(page, L.objection).click();
    await pick(page, L.which, L.price);
    await radio(page, L.reply).click();
    await page.getByLabel(L.customerWords).fill(lang === 'zh' ? '太贵了' : 'Too expensive');
    await radio(page, L.unresolved).click();
    await shot(page, `${lang}-05-objection`);
    await page.getByRole('button', { name: L.saveAttempt }).click();
    await expect.poll(() => page.getByTestId('attempt-saved').textContent()).toContain(L.attempt(1));
    // Then the signature.
    await page.getByRole('button', { name: L.another }).click();
    await radio(page, L.signed).click();
    await page.getByLabel(L.amount).fill(L.amountValue);
    await page.getByRole('button', { name: L.saveAttempt }).click();
    await expect.poll(() => page.getByTestId('attempt-saved').textContent()).toContain(L.attempt(2));
    await page.getByRole('button', { name: L.next, exact: true }).click();
    // A follow-up due today, so that Today shows it.
    await page.getByLabel(L.followUpOn).click();
    await page.getByLabel(L.followUpOn).fill(shanghaiDate());
    // Enter takes the typed date and submits the step, as a keyboard user would.
    await page.getByLabel(L.followUpOn).press('Enter');
    await expect.poll(() => page.getByText(L.finished).isVisible()).toBe(true);

    // What the server holds: three meetings, the attempts with the scripted reply, the deal.
    const attempts = (await (
      await page.request.get(`${server.url}/api/customers/${customerId}/close-attempts`)
    ).json()) as {
      count: number;
      items: { result: string; objectionKey: string | null; replyId: string | null; dealId: string | null }[];
    };
    expect(attempts.count).toBe(2);
    expect(attempts.items.map((a) => [a.result, a.objectionKey, a.replyId])).toEqual([
      ['objection', 'price', 'price.fair'],
      ['signed', null, null],
    ]);
    // The signature's deal was recorded with it (one request): 12万, signed on the visit's day.
    const deals = (await (
      await page.request.get(`${server.url}/api/deals?customerId=${customerId}`)
    ).json()) as {
      items: { id: string; amountMinor: number; signedOn: string | null }[];
    };
    expect(deals.items).toEqual([
      expect.objectContaining({ amountMinor: 120_000_00, signedOn: shanghaiDate() }),
    ]);
    expect(attempts.items[1]?.dealId).toBe(deals.items[0]?.id);
    const visits = (await (
      await page.request.get(`${server.url}/api/visits?customerId=${customerId}&order=asc`)
    ).json()) as { items: { meetingNumber: number | null }[] };
    expect(visits.items.map((v) => v.meetingNumber).sort()).toEqual([1, 2, 3]);
  }

  it('zh-CN: set-up, plan, three visits with the third-meeting warning, objection, signature, Today', async () => {
    const { page, problems } = await browsers.open({ locale: 'zh-CN', width: 1280, height: 900 });
    const L = TEXTS.zh;
    await setUpWorkspace(page, server.url, '杭州成交团队', MANAGER);
    await expect.poll(() => page.getByTestId('plan-total').textContent()).toContain('588万');
    await page.getByRole('button', { name: '保存计划' }).click();
    await expect.poll(() => page.getByText('已保存为第 1 版').isVisible()).toBe(true);

    // Today is first in the menu; before anything is signed the month's actual is 0.
    const first = page.getByRole('menuitem').first();
    expect(await first.textContent()).toContain(L.today);
    await first.click();
    await page.waitForURL('**/today');
    await expect.poll(() => page.getByTestId('today-actual').textContent()).toMatch(/0/);
    const before = await page.getByTestId('today-actual').textContent();
    await shot(page, 'zh-01-today-empty');

    const customer = await post(page, '/api/customers', { name: '萧山纺织', city: '萧山', class: 'A' });
    await walk(page, L, 'zh', customer.id);

    // Today: the month's actual rose by the 12万 signed, and the follow-up is due.
    await page.getByRole('button', { name: L.today }).first().click();
    await page.waitForURL('**/today');
    await expect.poll(() => page.getByTestId('today-actual').textContent()).toContain('12万');
    expect(await page.getByTestId('today-actual').textContent()).not.toBe(before);
    await expect
      .poll(() => page.getByTestId('today-follow-up').filter({ hasText: '萧山纺织' }).count())
      .toBe(1);
    await shot(page, 'zh-06-today');

    // The dashboard reflects the walk too: the year's actual is the 12万 signed, one customer
    // won at its third meeting, one price objection.
    await page.getByRole('menuitem', { name: '仪表盘' }).click();
    await page.waitForURL('**/dashboard');
    await expect.poll(() => page.getByTestId('pace-actual').textContent()).toContain('12万');
    await expect.poll(() => page.getByTestId('meetings-summary').textContent()).toContain('签单客户 1 个');
    expect(await page.getByTestId('meetings-summary').textContent()).toMatch(/第 3 次及以上\s*100/);
    await expect.poll(() => page.getByTestId('objections-total').textContent()).toBe('合计 1');
    await shot(page, 'zh-06b-dashboard');
    await page.getByRole('menuitem', { name: L.today }).click();
    await page.waitForURL('**/today');

    // Customers with funds arriving, open deals, overdue follow-ups: suggestions and the
    // overdue order; then one follow-up marked done from Today.
    const tea = await post(page, '/api/customers', {
      name: '西湖茶业',
      class: 'A',
      status: 'contacted',
      expectedFundsOn: shanghaiDate(2),
    });
    await post(page, '/api/deals', { customerId: tea.id, amountMinor: 30_000_000 });
    const electronics = await post(page, '/api/customers', {
      name: '滨江电子',
      class: 'B',
      status: 'contacted',
      expectedFundsOn: shanghaiDate(-1),
    });
    await post(page, '/api/deals', { customerId: electronics.id, amountMinor: 18_000_000 });
    await post(page, '/api/follow-ups', {
      customerId: electronics.id,
      dueOn: shanghaiDate(-2),
      kind: '资金到账回访',
      notes: '问清楚款项是否到账',
    });
    await post(page, '/api/follow-ups', { customerId: tea.id, dueOn: shanghaiDate(-5), kind: '送样品' });
    await page.reload();
    await expect.poll(() => page.getByTestId('today-suggestion').count()).toBeGreaterThanOrEqual(2);
    await expect.poll(() => page.getByTestId('today-follow-up').count()).toBe(3);
    // Overdue first: the oldest due date leads.
    expect(await page.getByTestId('today-follow-up').first().textContent()).toContain('逾期 5 天');
    await expect.poll(() => page.getByTestId('today-suggestions-total').isVisible()).toBe(true);
    await page.setViewportSize({ width: 1280, height: 800 });
    await settled(page);
    await shot(page, 'zh-07-today-demo');
    // Mark the 送样品 follow-up done (PATCH with its version): it leaves the list.
    await page
      .getByTestId('today-follow-up')
      .filter({ hasText: '送样品' })
      .getByRole('button', { name: '完成' })
      .click();
    await expect.poll(() => page.getByTestId('today-follow-up').count()).toBe(2);

    // The customer list filtered on overdue follow-ups: only 滨江电子 is left (萧山纺织's is due today).
    await page.goto(`${server.url}/customers`);
    await expect.poll(() => page.locator('tbody tr.ant-table-row').count()).toBe(3);
    await page.getByRole('checkbox', { name: '只看有逾期跟进的' }).check();
    await expect.poll(() => page.locator('tbody tr.ant-table-row').count()).toBe(1);
    expect(await page.locator('tbody tr.ant-table-row').textContent()).toContain('滨江电子');
    expect(await page.getByTestId('overdue-count').textContent()).toBe('1 条逾期');
    await shot(page, 'zh-08-customers-overdue');

    // Qualification on the customer page: save it with the version.
    await page.goto(`${server.url}/customers/${tea.id}`);
    await radio(page, '是').first().click();
    await page.getByLabel('愿意的依据').fill('董事长说今年必须做');
    await page.getByRole('button', { name: '保存资格审查' }).click();
    await expect
      .poll(async () => {
        const c = (await (await page.request.get(`${server.url}/api/customers/${tea.id}`)).json()) as {
          qualification: { willingToSign: string; willingEvidence: string | null };
        };
        return [c.qualification.willingToSign, c.qualification.willingEvidence];
      })
      .toEqual(['yes', '董事长说今年必须做']);

    expect(problems).toEqual([]);
  }, 180_000);

  it('en: sign-in lands on Today; the same walk in English', async () => {
    const { page, problems } = await browsers.open({ locale: 'en-US', width: 1280, height: 900 });
    await signIn(page, server.url, MANAGER, 'en');
    await expect.poll(() => page.getByRole('heading', { name: /Today/ }).isVisible()).toBe(true);
    const customer = await post(page, '/api/customers', { name: 'Binjiang Textiles', class: 'B' });
    await walk(page, TEXTS.en, 'en', customer.id);
    await page.getByRole('menuitem', { name: 'Today' }).click();
    await page.waitForURL('**/today');
    // 12万 signed in Chinese plus 120,000 now: whole yuan in English (format-amount.ts).
    await expect.poll(() => page.getByTestId('today-actual').textContent()).toContain('240,000');
    await expect
      .poll(() => page.getByTestId('today-follow-up').filter({ hasText: 'Binjiang Textiles' }).count())
      .toBe(1);
    await shot(page, 'en-06-today');

    // A planned fourth visit, deleted from the timeline after the confirmation.
    const planned = shanghaiDate(3);
    await post(page, '/api/visits', {
      customerId: customer.id,
      visitOn: planned,
      status: 'planned',
      thirdMeetingReason: 'Sign the framework contract',
    });
    await page.goto(`${server.url}/customers/${customer.id}`);
    await expect.poll(() => page.getByTestId('visit-item').count()).toBe(4);
    await page.getByRole('button', { name: `Delete ${planned}` }).click();
    await page.getByRole('tooltip').getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => page.getByTestId('visit-item').count()).toBe(3);
    const left = (await (
      await page.request.get(`${server.url}/api/visits?customerId=${customer.id}`)
    ).json()) as { items: { visitOn: string }[] };
    expect(left.items.map((v) => v.visitOn)).not.toContain(planned);

    // Someone else changes the first visit while its edit dialog is open: the save is refused
    // (409), the latest visit is loaded with this user's change on top, a second save keeps both.
    const all = (await (
      await page.request.get(`${server.url}/api/visits?customerId=${customer.id}`)
    ).json()) as { items: { id: string; version: number; meetingNumber: number | null }[] };
    const firstVisit = all.items.find((v) => v.meetingNumber === 1);
    if (!firstVisit) throw new Error('no first meeting');
    await page
      .getByTestId('visit-item')
      .filter({ hasText: 'meeting 1' })
      .getByRole('button', { name: /^Edit / })
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Outcome').fill('Budget approved in March');
    const theirs = await page.request.patch(`${server.url}/api/visits/${firstVisit.id}`, {
      headers: { 'x-csrf-token': await csrfToken(page, server.url) },
      data: { purpose: 'Changed by the lead', version: firstVisit.version },
    });
    expect(theirs.status()).toBe(200);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByTestId('stale-alert').isVisible()).toBe(true);
    expect(await dialog.getByLabel('Purpose').inputValue()).toBe('Changed by the lead');
    expect(await dialog.getByLabel('Outcome').inputValue()).toBe('Budget approved in March');
    await shot(page, 'en-07-visit-stale');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    const after = (await (await page.request.get(`${server.url}/api/visits/${firstVisit.id}`)).json()) as {
      purpose: string;
      outcome: string;
      version: number;
    };
    expect([after.purpose, after.outcome, after.version]).toEqual([
      'Changed by the lead',
      'Budget approved in March',
      firstVisit.version + 2,
    ]);
    // The refused save is the one console error expected.
    const refused = (p: Problem) =>
      p.text.includes('409') && p.url === `${server.url}/api/visits/${firstVisit.id}`;
    expect(problems.filter(refused)).toHaveLength(1);
    expect(problems.filter((p) => !refused(p))).toEqual([]);
  }, 180_000);

  it('375 px: Today and Log a visit fit a phone', async () => {
    const { page, problems } = await browsers.open({ locale: 'zh-CN', width: 375, height: 740 });
    await signIn(page, server.url, MANAGER);
    await expect.poll(() => page.getByTestId('today-actual').isVisible()).toBe(true);
    const overflow = async () =>
      Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
    await settled(page);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await shot(page, 'mobile-01-today');
    // One tap from a suggestion to the guided visit.
    await page.getByTestId('today-suggestion').first().getByRole('button').first().click();
    await page.waitForURL(/\/customers\/[0-9a-f-]{36}\/log-visit$/);
    await expect.poll(() => page.getByTestId('meeting-number').isVisible()).toBe(true);
    await settled(page);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await shot(page, 'mobile-02-log-visit');
    await page.getByRole('button', { name: TEXTS.zh.saveVisit }).click();
    await expect.poll(() => page.getByRole('button', { name: TEXTS.zh.saveAnswers }).isVisible()).toBe(true);
    await page.getByRole('button', { name: TEXTS.zh.next, exact: true }).click();
    await page.getByRole('button', { name: TEXTS.zh.next, exact: true }).click();
    await radio(page, TEXTS.zh.objection).click();
    await pick(page, TEXTS.zh.which, TEXTS.zh.price);
    await settled(page);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await shot(page, 'mobile-03-close');
    // A stall: "no money now" without the funds date is refused by the server, shown inline.
    await radio(page, '拖延').click();
    await pick(page, TEXTS.zh.which, '账上暂时没钱');
    await page.getByRole('button', { name: TEXTS.zh.saveAttempt }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('资金什么时候到账');
    await expect
      .poll(() => page.locator('.ant-form-item-explain-error').first().textContent())
      .toContain('资金什么时候到账');
    await shot(page, 'mobile-04-stall-error');
    await page.getByLabel('资金到账日期').click();
    await page.getByLabel('资金到账日期').fill(shanghaiDate(5));
    await page.getByLabel('资金到账日期').press('Enter');
    await expect.poll(() => page.getByTestId('attempt-saved').textContent()).toContain('已自动创建');
    // The one refused request (the missing funds date) is the only console error.
    const unexpected = problems.filter(
      (p) => !(p.text.includes('400') && p.url.endsWith('/api/close-attempts')),
    );
    expect(unexpected).toEqual([]);
  }, 120_000);
});
