/**
 * Use case: fill a fresh database with a believable sales region so a newcomer sees a
 * living system at once — a manager, a lead with two assistants (prospecting and
 * after-sales), the markets 杭州主城+萧山 / 富阳·桐庐·临安 / 海外, this year's 588万 plan,
 * about 300 customers across A/B/C/new, and the past eleven months of visits, deals and
 * follow-ups: existing customers re-sign after a visit or two, prospects walk the funnel
 * over days and weeks (demo-funnel.ts). Deterministic: the same seed and clock give the
 * same data.
 */
import type { Insertable } from 'kysely';
import type { CustomersTable, Role } from '../../db/schema.js';
import { addDays, dateInTimeZone, toEpochDay, weekdayOfEpochDay } from '../../domain/dates.js';
import { seededRandom } from '../../domain/random.js';
import { initWorkspace } from '../auth/init-workspace.js';
import { createMember } from '../auth/members.js';
import type { Deps, Principal } from '../context.js';
import { savePlan } from '../plans/save-plan.js';
import type { DemoAreaSeeder, DemoContext } from './demo-context.js';
import { type ProspectJourney, prospectJourney } from './demo-funnel.js';
import { seedClose } from './seed-close.js';
import { seedMeetings } from './seed-meetings.js';
import { seedSeminars } from './seed-seminars.js';

/** The demo's logins (all with the same password). */
export interface DemoResult {
  readonly workspaceId: string;
  readonly password: string;
  readonly logins: readonly { readonly email: string; readonly name: string; readonly role: Role }[];
  readonly counts: Readonly<Record<string, number>>;
}

const PASSWORD = 'closer-demo-2026';
const TIME_ZONE = 'Asia/Shanghai';

const MARKETS = [
  { name: '杭州主城+萧山', cities: ['杭州主城', '萧山'], share: 50 },
  { name: '富阳/桐庐/临安', cities: ['富阳', '桐庐', '临安'], share: 40 },
  { name: '海外', cities: ['海外'], share: 10 },
];
const STEMS = ['华', '盛', '宏', '鑫', '恒', '瑞', '丰', '达', '兴', '隆'];
const TRADES = [
  '纺织',
  '五金',
  '茶叶',
  '家具',
  '服装',
  '电子',
  '包装',
  '机械',
  '化工',
  '食品',
  '工艺品',
  '汽配',
];
const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '胡',
  '朱',
  '高',
  '林',
];
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '涛',
  '明',
  '超',
  '霞',
];
const PRODUCTS = [
  {
    name: '出口通',
    price: 29_800_00,
    features: [{ name: '海外买家询盘', pains: ['user_count', 'market_size'] }],
  },
  {
    name: '金品诚企',
    price: 80_000_00,
    features: [{ name: '实力商家认证', pains: ['brand', 'performance'] }],
  },
  {
    name: '网销宝',
    price: 10_000_00,
    features: [{ name: '关键词推广', pains: ['performance', 'trade_form'] }],
  },
];
/** Classes of the 300 customers and, for existing ones, the order value they buy at. */
/**
 * The method's areas, seeded in this order after the base data; each gets its own
 * generator (seed + position) so adding an area leaves the others' data unchanged.
 */
const AREA_SEEDERS: readonly DemoAreaSeeder[] = [seedMeetings, seedClose, seedSeminars];

/** How far back leads enter the prospecting pool (a little before the first field day). */
const POOL_DAYS = 345;

const CLASS_PLAN = [
  { key: 'A', count: 12, order: 80_000_00 },
  { key: 'B', count: 40, order: 40_000_00 },
  { key: 'C', count: 80, order: 20_000_00 },
  { key: 'new', count: 168, order: 29_800_00 },
] as const;

/** Seeds the demo region into an empty database (fails with SETUP.ALREADY_DONE otherwise). */
export async function seedDemo(deps: Deps, options: { seed?: number } = {}): Promise<DemoResult> {
  const rand = seededRandom(options.seed ?? 2013);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const today = dateInTimeZone(deps.clock(), TIME_ZONE);
  const year = Number(today.slice(0, 4));
  const now = deps.clock().toISOString();

  const init = await initWorkspace(deps, {
    workspace: { name: '杭州区域（演示）', currency: 'CNY', timeZone: TIME_ZONE, locale: 'zh-CN' },
    manager: { email: 'manager@demo.closer', name: '张经理', password: PASSWORD },
  });
  const manager: Principal = {
    userId: init.userId,
    workspaceId: init.workspaceId,
    membershipId: init.membershipId,
    role: 'manager',
    worksFor: null,
    via: 'session',
  };
  const lead = await createMember(deps, manager, {
    email: 'lead@demo.closer',
    name: '王磊',
    password: PASSWORD,
    role: 'lead',
  });
  const prospecting = await createMember(deps, manager, {
    email: 'prospecting@demo.closer',
    name: '李娜',
    password: PASSWORD,
    role: 'assistant',
    duty: 'prospecting',
    worksFor: lead.membershipId,
  });
  const afterSales = await createMember(deps, manager, {
    email: 'aftersales@demo.closer',
    name: '张伟',
    password: PASSWORD,
    role: 'assistant',
    duty: 'after_sales',
    worksFor: lead.membershipId,
  });

  await savePlan(deps, manager, {
    target: '588万',
    year,
    fieldDays: ['tue', 'wed', 'thu'],
    markets: MARKETS,
    classes: {
      A: { customers: 12, repeatRate: '80%', averageOrder: '8万' },
      B: { customers: 40, repeatRate: '60%', averageOrder: '4万' },
      C: { customers: 80, repeatRate: '40%', averageOrder: '2万' },
      new: { averageOrder: '2.98万' },
    },
    members: [
      { name: '王磊', role: 'lead', weight: 6 },
      { name: '李娜', role: 'assistant', weight: 2 },
      { name: '张伟', role: 'assistant', weight: 2 },
    ],
    funnel: { meetingClose: [65, 25, 10], winRate: '35%', meetingsPerFieldDay: 4 },
    seminars: { perMonth: 1, invitations: 30, signRate: '15%' },
  });

  let marketIds: string[] = [];
  let productIds: string[] = [];
  const journeys = new Map<string, ProspectJourney['steps']>();
  const counts = { customers: 0, contacts: 0, visits: 0, deals: 0, followUps: 0, products: 0, markets: 0 };
  await deps.db.transaction().execute(async (trx) => {
    const ws = init.workspaceId;
    const stamp = { created_at: now, updated_at: now };
    marketIds = MARKETS.map(() => deps.newId());
    await trx
      .insertInto('markets')
      .values(
        MARKETS.map((m, i) => ({
          id: marketIds[i] as string,
          workspace_id: ws,
          name: m.name,
          cities: JSON.stringify(m.cities),
          share_bp: m.share * 100,
          ...stamp,
        })),
      )
      .execute();
    counts.markets = MARKETS.length;
    productIds = PRODUCTS.map(() => deps.newId());
    await trx
      .insertInto('products')
      .values(
        PRODUCTS.map((p, i) => ({
          id: productIds[i] as string,
          workspace_id: ws,
          name: p.name,
          price_minor: p.price,
          currency: 'CNY',
          features: JSON.stringify(p.features),
          ...stamp,
        })),
      )
      .execute();
    counts.products = PRODUCTS.length;

    // Field days (Tue–Thu) of the last eleven months up to today: when visits happen.
    const start = toEpochDay(addDays(today, -330));
    const fieldDays: string[] = [];
    for (let d = start; d <= toEpochDay(today); d++) {
      const wd = weekdayOfEpochDay(d);
      if (wd >= 2 && wd <= 4) fieldDays.push(addDays(today, d - toEpochDay(today)));
    }

    for (const cls of CLASS_PLAN) {
      for (let n = 0; n < cls.count; n++) {
        const market = rand() < 0.5 ? 0 : rand() < 0.8 ? 1 : 2;
        const m = MARKETS[market] ?? MARKETS[0];
        const city = pick(m?.cities ?? ['杭州主城']);
        const trade = pick(TRADES);
        const existing = cls.key !== 'new';
        // Existing customers have bought before; prospects move through the funnel over the
        // year, their stage today where their journey has got to (demo-funnel.ts). The draw
        // that once picked a status stays, so the existing customers' data is what it was.
        rand();
        const journey = existing
          ? undefined
          : prospectJourney(rand, fieldDays, today, addDays(today, -POOL_DAYS));
        const status: CustomersTable['status'] = journey?.status ?? 'won';
        const customerId = deps.newId();
        if (journey) journeys.set(customerId, journey.steps);
        const customer: Insertable<CustomersTable> = {
          id: customerId,
          workspace_id: ws,
          name: `${city}${pick(STEMS)}${trade}${existing ? '实业' : '贸易'}${n + 1}`,
          company: `${city}${trade}有限公司`,
          market_id: marketIds[market] ?? null,
          city,
          class: cls.key,
          status,
          owner_id: lead.membershipId,
          assistant_id: existing ? afterSales.membershipId : prospecting.membershipId,
          source: existing ? '老客户' : pick(['会销', '转介绍', '电话开发', '展会']),
          tags: JSON.stringify([trade]),
          notes: null,
          ...stamp,
        };
        await trx.insertInto('customers').values(customer).execute();
        counts.customers++;

        const kp = `${pick(SURNAMES)}${pick(GIVEN)}`;
        await trx
          .insertInto('contacts')
          .values({
            id: deps.newId(),
            workspace_id: ws,
            customer_id: customerId,
            name: kp,
            title: pick(['董事长', '总经理', '外贸经理']),
            phone: `13${Math.floor(100_000_000 + rand() * 899_999_999)}`,
            email: null,
            role: 'key_person',
            kp_confirmed: rand() < 0.7 ? 1 : 0,
            ...stamp,
          })
          .execute();
        counts.contacts++;

        // Meetings: a prospect's are its journey's; an existing customer's repeat order closes
        // at the 1st (65 %), 2nd (25 %) or 3rd (10 %) meeting, as in the method's statistics.
        const planned = journey?.meetings;
        if (planned?.length === 0) continue;
        const meetings = planned ? planned.length : rand() < 0.65 ? 1 : rand() < 0.72 ? 2 : 3;
        const first = planned ? 0 : Math.floor(rand() * Math.max(1, fieldDays.length - 4));
        let lastVisit = planned?.[0] ?? fieldDays[first] ?? today;
        for (let v = 0; v < meetings; v++) {
          const day =
            planned?.[v] ??
            fieldDays[Math.min(fieldDays.length - 1, first + v * (3 + Math.floor(rand() * 6)))] ??
            today;
          lastVisit = day;
          await trx
            .insertInto('visits')
            .values({
              id: deps.newId(),
              workspace_id: ws,
              customer_id: customerId,
              owner_id: lead.membershipId,
              visit_on: day,
              attendees: JSON.stringify([kp]),
              purpose: v === 0 ? '了解需求' : '解决顾虑，促成签约',
              outcome:
                v === meetings - 1 && status === 'won'
                  ? '签约'
                  : pick(['考虑一下', '要和董事长商量', '账上暂时没钱']),
              notes: null,
              next_step: v === meetings - 1 && status !== 'won' ? '带案例再次拜访' : null,
              ...stamp,
            })
            .execute();
          counts.visits++;
        }
        if (status === 'won') {
          const dealId = deps.newId();
          const amount = Math.round((cls.order * (0.8 + rand() * 0.5)) / 100_00) * 100_00;
          await trx
            .insertInto('deals')
            .values({
              id: dealId,
              workspace_id: ws,
              customer_id: customerId,
              owner_id: lead.membershipId,
              amount_minor: amount,
              currency: 'CNY',
              signed_on: lastVisit,
              expected_funds_on: addDays(lastVisit, 14),
              funds_received_minor: lastVisit < addDays(today, -14) ? amount : 0,
              notes: null,
              ...stamp,
            })
            .execute();
          await trx
            .insertInto('deal_products')
            .values({ workspace_id: ws, deal_id: dealId, product_id: pick(productIds), quantity: 1 })
            .execute();
          counts.deals++;
        }
        if (status === 'qualified' || status === 'proposal' || (status === 'won' && existing)) {
          await trx
            .insertInto('follow_ups')
            .values({
              id: deps.newId(),
              workspace_id: ws,
              customer_id: customerId,
              assignee_id: existing ? afterSales.membershipId : lead.membershipId,
              due_on: addDays(today, Math.floor(rand() * 21) - 7),
              kind: existing ? 'after_sales' : status === 'proposal' ? 'close_attempt' : 'visit',
              notes: null,
              done: 0,
              done_at: null,
              ...stamp,
            })
            .execute();
          counts.followUps++;
        }
      }
    }
  });

  const ctx: DemoContext = {
    workspaceId: init.workspaceId,
    today,
    manager,
    lead: asPrincipal(lead, 'lead', null),
    prospecting: asPrincipal(prospecting, 'assistant', lead.membershipId),
    afterSales: asPrincipal(afterSales, 'assistant', lead.membershipId),
    marketIds,
    productIds,
    journeys,
  };
  const allCounts: Record<string, number> = { ...counts };
  for (const [i, seed] of AREA_SEEDERS.entries()) {
    const added = await seed(deps, ctx, seededRandom((options.seed ?? 2013) + 1000 * (i + 1)));
    for (const [key, n] of Object.entries(added)) allCounts[key] = (allCounts[key] ?? 0) + n;
  }

  return {
    workspaceId: init.workspaceId,
    password: PASSWORD,
    logins: [
      { email: 'manager@demo.closer', name: '张经理', role: 'manager' },
      { email: 'lead@demo.closer', name: '王磊', role: 'lead' },
      { email: 'prospecting@demo.closer', name: '李娜', role: 'assistant' },
      { email: 'aftersales@demo.closer', name: '张伟', role: 'assistant' },
    ],
    counts: allCounts,
  };

  function asPrincipal(
    member: { userId: string; membershipId: string },
    role: Role,
    worksFor: string | null,
  ): Principal {
    return { ...member, workspaceId: init.workspaceId, role, worksFor, via: 'session' };
  }
}
