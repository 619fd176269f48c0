import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { createTestDb, testCtx, testTenantCtx } from '../db/testing/test-db';
import { buildUser } from '../factories';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, isEmpty, seedDemo } from './seed';
import { tenants, type Tenant } from '../tenants/schema';
import { users } from '../auth/schema';
import { organizations } from '../organizations/schema';
import { signIn } from '../auth/sign-in';
import { loadActor } from '../auth/sessions';
import { listPeople } from '../auth/people';
import { NotFoundError } from '../errors';
import { contacts } from '../organizations/schema';
import { offers, offerTexts } from '../offers/schema';
import { fieldsOfAction } from '../fields-of-action/schema';
import { isPubliclyVisible } from '../offers/visibility';
import { needs } from '../needs/schema';
import { listCoverage } from '../needs/coverage';
import { bodies } from '../bodies/schema';
import { agendaItems, meetings } from '../meetings/schema';
import { actionItems } from '../minutes/schema';
import { listPublicNews } from '../news/views';
import { listPublicEvents } from '../events/public';

let database: Database;
let bySlug: Record<string, Tenant>;
/** A first seed run that fails at its very last account, to show it leaves nothing behind. */
let failedRun: { error: unknown; emptyAfter: boolean; usersAfter: number };

beforeAll(async () => {
	database = await createTestDb();
	const db = database.db;
	const clash = await buildUser(db, { email: DEMO_ACCOUNTS[DEMO_ACCOUNTS.length - 1].email });
	failedRun = {
		error: await seedDemo(db).then(
			() => undefined,
			(e: unknown) => e
		),
		emptyAfter: await isEmpty(db),
		usersAfter: (await db.select().from(users)).length
	};
	await db.delete(users).where(eq(users.id, clash.id));

	expect(await isEmpty(db)).toBe(true);
	expect(await seedDemo(db)).toEqual(DEMO_ACCOUNTS);
	bySlug = Object.fromEntries((await database.db.select().from(tenants)).map((t) => [t.slug, t]));
});
afterAll(() => database?.close());

async function actorFor(email: string) {
	const [user] = await database.db.select().from(users).where(eq(users.email, email));
	expect(user).toBeDefined();
	return (await loadActor(database.db, user.id))!;
}

describe('seedDemo', () => {
	it('fills the database', async () => {
		expect(await isEmpty(database.db)).toBe(false);
	});

	it.each([
		['landshut', 'Stadt Landshut', '09261000', 'BY', 'city'],
		['landkreis-gifhorn', 'Landkreis Gifhorn', '03151000', 'NI', 'district'],
		['landkreis-freising', 'Landkreis Freising', '09178000', 'BY', 'district'],
		['laatzen', 'Stadt Laatzen', '03241010', 'NI', 'city'],
		['emmerich', 'Stadt Emmerich am Rhein', '05154012', 'NW', 'city']
	])('creates %s (%s, AGS %s, %s)', (slug, name, ags, land, kind) => {
		expect(bySlug[slug]).toMatchObject({ name, ags, land, kind, parentId: null, isPublic: true });
	});

	it('places the municipalities under their districts, each with its verified 8-digit key', () => {
		const freising = bySlug['landkreis-freising'];
		const gifhorn = bySlug['landkreis-gifhorn'];
		const children = Object.values(bySlug).filter((t) => t.parentId !== null);
		const of = (parent: Tenant) => children.filter((c) => c.parentId === parent.id);
		expect(of(freising).length).toBeGreaterThanOrEqual(6);
		expect(of(gifhorn).length).toBeGreaterThanOrEqual(3);
		expect(of(freising).length + of(gifhorn).length).toBe(children.length);
		for (const child of of(freising)) {
			expect(child.land).toBe('BY');
			expect(child.ags).toMatch(/^09178\d{3}$/);
		}
		for (const child of of(gifhorn)) {
			expect(child.land).toBe('NI');
			expect(child.ags).toMatch(/^03151\d{3}$/);
		}
		for (const child of children) expect(['city', 'municipality']).toContain(child.kind);
		expect(new Set(children.map((c) => c.ags)).size).toBe(children.length);
		expect(bySlug.freising).toMatchObject({ name: 'Stadt Freising', ags: '09178124' });
		expect(bySlug.moosburg).toMatchObject({ name: 'Stadt Moosburg a.d.Isar', ags: '09178143' });
		expect(bySlug.neufahrn.ags).toBe('09178145');
		expect(bySlug.eching.ags).toBe('09178120');
		expect(bySlug.gifhorn).toMatchObject({ name: 'Stadt Gifhorn', ags: '03151009' });
		expect(Object.keys(bySlug)).toHaveLength(5 + children.length);
	});

	it('gives every tenant organisations of its own', async () => {
		for (const slug of ['landshut', 'landkreis-gifhorn', 'landkreis-freising']) {
			const [row] = await database.db
				.select({ n: count() })
				.from(organizations)
				.where(eq(organizations.tenantId, bySlug[slug].id));
			expect(Number(row.n)).toBeGreaterThan(0);
		}
	});

	it.each(DEMO_ACCOUNTS.map((a) => a.email))(
		'%s signs in with the demo password',
		async (email) => {
			const result = await signIn(testCtx(database.db), { email, password: DEMO_PASSWORD });
			const actor = await actorFor(email);
			expect(result.userId).toBe(actor.userId);
		}
	);

	it('uses the documented demo password', () => {
		expect(DEMO_PASSWORD).toBe('miteinander-demo');
	});

	it('makes admin@miteinander.example the platform admin and no one else', async () => {
		const admin = await actorFor('admin@miteinander.example');
		expect(admin.isPlatformAdmin).toBe(true);
		const admins = await database.db
			.select({ email: users.email })
			.from(users)
			.where(eq(users.isPlatformAdmin, true));
		expect(admins.map((a) => a.email)).toEqual(['admin@miteinander.example']);
	});

	it('gives each account exactly its documented role', async () => {
		const expected: Record<string, Record<string, string>> = {
			'admin@miteinander.example': {},
			'koordination@landshut.example': { [bySlug.landshut.id]: 'coordinator' },
			'koordination@gifhorn.example': { [bySlug['landkreis-gifhorn'].id]: 'coordinator' },
			'koordination@freising.example': { [bySlug['landkreis-freising'].id]: 'coordinator' },
			'koordination@laatzen.example': { [bySlug.laatzen.id]: 'coordinator' },
			'koordination@emmerich.example': { [bySlug.emmerich.id]: 'coordinator' },
			'rathaus@moosburg.example': { [bySlug.moosburg.id]: 'coordinator' },
			'mitglied@landshut.example': { [bySlug.landshut.id]: 'member' },
			'sprecherin@landshut.example': { [bySlug.landshut.id]: 'member' },
			'redaktion@landshut.example': { [bySlug.landshut.id]: 'editor' }
		};
		expect(Object.keys(expected).sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.email).sort());
		for (const [email, roles] of Object.entries(expected)) {
			expect((await actorFor(email)).roles, email).toEqual(roles);
		}
		const editor = await actorFor('redaktion@landshut.example');
		const editable = editor.editorOf[bySlug.landshut.id] ?? [];
		expect(editable).toHaveLength(1);
		const [org] = await database.db
			.select()
			.from(organizations)
			.where(eq(organizations.id, editable[0]));
		expect(org.tenantId).toBe(bySlug.landshut.id);
	});

	it('lets koordination@landshut.example coordinate Landshut and nothing else', async () => {
		const ctx = testCtx(database.db, await actorFor('koordination@landshut.example'));
		const people = await listPeople(testTenantCtx(database.db, bySlug.landshut, ctx.actor));
		expect(people.map((p) => p.email)).toEqual(
			expect.arrayContaining([
				'koordination@landshut.example',
				'mitglied@landshut.example',
				'redaktion@landshut.example'
			])
		);
		for (const slug of Object.keys(bySlug).filter((s) => s !== 'landshut')) {
			await expect(
				listPeople(testTenantCtx(database.db, bySlug[slug], ctx.actor))
			).rejects.toBeInstanceOf(NotFoundError);
		}
	});

	it('gives every network its fields of action; Gifhorn the four Lebensfelder of its Arbeitskreise', async () => {
		const names = async (slug: string) =>
			(
				await database.db
					.select({ names: fieldsOfAction.names })
					.from(fieldsOfAction)
					.where(eq(fieldsOfAction.tenantId, bySlug[slug].id))
					.orderBy(fieldsOfAction.position)
			).map((f) => f.names.de);
		expect(await names('landkreis-gifhorn')).toEqual([
			'Bildung',
			'Familienleben',
			'Integration in Ausbildung und Arbeit',
			'Gesellschaftliche Teilhabe'
		]);
		expect(await names('landshut')).toEqual(
			expect.arrayContaining(['Sprache', 'Bildung', 'Wohnen', 'Gesundheit', 'Sport'])
		);
		expect(await names('landkreis-freising')).toEqual(
			expect.arrayContaining(['Sprache', 'Familie', 'Wohnen'])
		);
	});

	it('publishes at least 40 offers across fields, target groups and languages', async () => {
		const published = await database.db
			.select({
				tenantId: offers.tenantId,
				fieldOfActionId: offers.fieldOfActionId,
				targetGroups: offers.targetGroups,
				languages: offers.languages,
				scheduleKind: offers.scheduleKind,
				childcare: offers.childcare,
				costKind: offers.costKind
			})
			.from(offers)
			.where(isPubliclyVisible());
		expect(published.length).toBeGreaterThanOrEqual(40);
		for (const slug of ['landshut', 'landkreis-gifhorn', 'landkreis-freising'])
			expect(published.filter((o) => o.tenantId === bySlug[slug].id).length).toBeGreaterThan(10);
		const fields = new Set(published.map((o) => o.fieldOfActionId));
		const groups = new Set(published.flatMap((o) => o.targetGroups));
		const languages = new Set(published.flatMap((o) => o.languages));
		expect(fields.size).toBeGreaterThanOrEqual(15);
		expect(fields.has(null)).toBe(false);
		for (const g of ['all', 'children', 'youth', 'women', 'parents', 'refugees', 'newcomers'])
			expect(groups, g).toContain(g);
		for (const l of ['de', 'en', 'ar', 'uk', 'tr', 'ru', 'fa']) expect(languages, l).toContain(l);
		expect(new Set(published.map((o) => o.scheduleKind))).toEqual(
			new Set(['recurring', 'once', 'appointment'])
		);
		expect(published.some((o) => o.childcare)).toBe(true);
		expect(published.some((o) => o.costKind === 'paid')).toBe(true);
		// Every published offer has its German text; some have translations in several states.
		const texts = await database.db.select().from(offerTexts);
		const german = new Set(texts.filter((t) => t.locale === 'de').map((t) => t.offerId));
		const all = await database.db.select({ id: offers.id }).from(offers);
		expect(all.every((o) => german.has(o.id))).toBe(true);
		const translated = texts.filter((t) => t.locale !== 'de');
		expect(new Set(translated.map((t) => t.locale))).toEqual(
			new Set(['en', 'ar', 'uk', 'tr', 'ru', 'fa'])
		);
		expect(new Set(translated.map((t) => t.state))).toEqual(
			new Set(['reviewed', 'draft', 'machine', 'outdated'])
		);
	});

	it('sends the Beratungsbus to the municipalities of its weekly stops in Landkreis Freising', async () => {
		const freising = bySlug['landkreis-freising'];
		const rows = await database.db
			.select({ offer: offers, title: offerTexts.title })
			.from(offers)
			.innerJoin(offerTexts, eq(offerTexts.offerId, offers.id))
			.where(eq(offers.tenantId, freising.id));
		const bus = rows.filter(
			(r) => r.title.includes('Beratungsbus') && r.offer.locationKind === 'mobile'
		);
		// its weekly stops (demo/network.ts); the district has more municipalities than stops
		const stops = ['freising', 'moosburg', 'neufahrn', 'eching'].map((slug) => bySlug[slug]);
		for (const stop of stops) expect(stop.parentId).toBe(freising.id);
		expect(new Set(bus.flatMap((b) => b.offer.municipalityIds))).toEqual(
			new Set(stops.map((c) => c.id))
		);
	});

	it('keeps contact persons as teams, some with consent', async () => {
		const rows = await database.db.select().from(contacts);
		expect(rows.filter((c) => c.consentGivenAt !== null).length).toBeGreaterThan(3);
		expect(rows.some((c) => c.consentGivenAt === null)).toBe(true);
		for (const c of rows) expect(c.name).toMatch(/^(Team|Kursbüro|Übungsleitung|Koordination)/);
		for (const c of rows) expect(c.email ?? '').toMatch(/\.example$/);
	});

	it('records needs, with gaps the coverage view shows first', async () => {
		const freising = bySlug['landkreis-freising'];
		const ctx = testTenantCtx(
			database.db,
			freising,
			await actorFor('koordination@freising.example')
		);
		const { rows, summary } = await listCoverage(ctx);
		expect(summary.gaps).toBeGreaterThanOrEqual(2);
		const gaps = rows.filter((r) => r.matches === 0).map((r) => r.title);
		expect(gaps).toEqual(
			expect.arrayContaining([
				'Sprachförderung in Kindertagesstätten in Eching',
				'Unterstützung bei der Wohnungssuche in Moosburg'
			])
		);
		expect(rows.find((r) => r.title === 'Elternberatung auf Arabisch in Neufahrn')?.matches).toBe(
			1
		);
		for (const slug of ['landshut', 'landkreis-gifhorn']) {
			const [row] = await database.db
				.select({ n: count() })
				.from(needs)
				.where(eq(needs.tenantId, bySlug[slug].id));
			expect(Number(row.n)).toBeGreaterThan(2);
		}
	});

	it('is all or nothing: a run that fails at its last account leaves the database empty', () => {
		expect(failedRun.error).toBeInstanceOf(Error);
		expect(failedRun.emptyAfter).toBe(true);
		expect(failedRun.usersAfter).toBe(1);
	});

	it('refuses to run twice', async () => {
		const before = await database.db.select({ n: count() }).from(organizations);
		await expect(seedDemo(database.db)).rejects.toThrow();
		const after = await database.db.select({ n: count() }).from(organizations);
		expect(Number(after[0].n)).toBe(Number(before[0].n));
		expect(await database.db.select().from(tenants)).toHaveLength(Object.keys(bySlug).length);
	});
});

describe('demo bodies and meetings (seeds 000, 002, 004)', () => {
	async function bodiesOf(slug: string) {
		return database.db.select().from(bodies).where(eq(bodies.tenantId, bySlug[slug].id));
	}

	it('gives Gifhorn four quarterly Arbeitskreise, a half-yearly steering group and a yearly network', async () => {
		const list = await bodiesOf('landkreis-gifhorn');
		const groups = list.filter((b) => b.kind === 'working_group');
		expect(groups.map((b) => b.name).sort()).toEqual([
			'Arbeitskreis Bildung',
			'Arbeitskreis Familienleben',
			'Arbeitskreis Integration in Ausbildung und Arbeit',
			'Arbeitskreis gesellschaftliche Teilhabe'
		]);
		expect(groups.every((b) => b.cadenceKind === 'quarterly' && b.fieldOfActionId)).toBe(true);
		expect(list.find((b) => b.kind === 'steering_group')?.cadenceKind).toBe('half_yearly');
		expect(list.find((b) => b.kind === 'network')?.cadenceKind).toBe('yearly');
	});

	it('lets Landshut meet every six to eight weeks with rotating hosts, minutes and open action items', async () => {
		const [network] = (await bodiesOf('landshut')).filter((b) => b.kind === 'network');
		expect([network.cadenceKind, network.cadenceMinWeeks, network.cadenceMaxWeeks]).toEqual([
			'weeks',
			6,
			8
		]);
		expect(network.rotateHost).toBe(true);
		const list = await database.db
			.select()
			.from(meetings)
			.where(eq(meetings.bodyId, network.id))
			.orderBy(meetings.startsAt);
		const held = list.filter((m) => m.state === 'held');
		expect(held.length).toBeGreaterThanOrEqual(3);
		expect(held.filter((m) => m.minutesState === 'published').length).toBeGreaterThanOrEqual(2);
		// a different host each time, nobody twice in a row
		for (let i = 1; i < list.length; i++)
			expect(list[i].hostOrganizationId).not.toBe(list[i - 1].hostOrganizationId);
		const upcoming = list.filter((m) => m.startsAt > new Date());
		expect(upcoming.map((m) => m.state)).toEqual(['invited']);
		const open = await database.db
			.select()
			.from(actionItems)
			.where(and(eq(actionItems.bodyId, network.id), eq(actionItems.state, 'open')));
		expect(open.length).toBeGreaterThan(0);
		// the demo member belongs to the network and can answer the invitation in the app
		const member = await actorFor('mitglied@landshut.example');
		expect(member.bodyRoles[network.id]).toBe('member');
		// the demo speaker signs in and may plan the network's meetings
		const speaker = await actorFor('sprecherin@landshut.example');
		expect(speaker.bodyRoles[network.id]).toBe('speaker');
	});

	it('records the Freising Vernetzungstreffen with its guest speakers and published minutes', async () => {
		const [treffen] = await bodiesOf('landkreis-freising');
		expect(treffen.kind).toBe('municipal_network');
		const [m] = await database.db.select().from(meetings).where(eq(meetings.bodyId, treffen.id));
		expect(m.minutesState).toBe('published');
		const items = await database.db
			.select()
			.from(agendaItems)
			.where(eq(agendaItems.meetingId, m.id));
		expect(items.some((i) => i.decision?.includes('regelmäßig'))).toBe(true);
	});

	it('publishes news in Landshut (joint press work) and Freising (the Vernetzungstreffen report), and events', async () => {
		const db = database.db;
		const landshut = testTenantCtx(db, bySlug.landshut, null);
		const freising = testTenantCtx(db, bySlug['landkreis-freising'], null);
		const landshutNews = (await listPublicNews(landshut)).items.map((i) => i.title);
		expect(landshutNews).toContain('Netzwerk Integration startet gemeinsame Öffentlichkeitsarbeit');
		expect((await listPublicNews(freising)).items.map((i) => i.title)).toContain(
			'Vernetzungstreffen der Gemeinden zum Thema Integration'
		);
		const events = (await listPublicEvents(landshut, { size: 50 })).items;
		expect(
			events.some((e) => e.kind === 'event' && e.title === 'Interkulturelle Woche Landshut')
		).toBe(true);
		expect(events.some((e) => e.kind === 'meeting')).toBe(true);
	});
});
