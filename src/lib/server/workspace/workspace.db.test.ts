import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import type { TenantCtx } from '../context';
import { createTestDb, testTenantCtx } from '../db/testing/test-db';
import { actorCtx } from '../db/testing/test-actors';
import {
	buildActionItem,
	buildBody,
	buildMeeting,
	buildOffer,
	buildOrganization,
	buildOrganizationType,
	buildTenant,
	buildUser
} from '../factories';
import { revisions } from '../offers/schema';
import { inquiries } from '../inquiries/schema';
import { papers } from '../papers/schema';
import { meetingInvitations } from '../invitations/schema';
import { addDays, berlinToday } from '../shared';
import { NotFoundError } from '../errors';
import type { Tenant } from '../tenants/schema';
import { byUrgency, getStartPage, getWorkspace, type TaskSection } from './view';
import { startAreas } from './areas';
import { configurePublicCache, invalidatePublicCache } from '../cache/public-cache';
import { openInquiryTasks } from '../inquiries/tasks';
import { dueActionItemTasks, draftMinutesTasks, myActionItemTasks } from '../minutes/tasks';
import { uninvitedMeetingTasks } from '../meetings/tasks';
import { myOpenInvitationTasks } from '../invitations/tasks';
import { papersWaitingTasks } from '../papers/tasks';
import { offersToConfirmTasks, pendingReviewTasks } from '../offers/tasks';

const DAY = 86_400_000;
const inDays = (n: number) => new Date(Date.now() + n * DAY);
const today = berlinToday();

let database: Database;
let tenant: Tenant;
let other: Tenant;
let coordinator: TenantCtx;
let speaker: TenantCtx;
let member: TenantCtx;
let editor: TenantCtx;
const ids: Record<string, string> = {};

async function inquiry(t: Tenant, reference: string, due: number | null, state = 'new') {
	const [row] = await database.db
		.insert(inquiries)
		.values({
			tenantId: t.id,
			reference,
			kind: 'question',
			subject: reference,
			body: 'Frage',
			consentVersion: '1',
			consentAt: new Date(),
			state: state as 'new',
			dueOn: due === null ? null : addDays(today, due)
		})
		.returning();
	return row.id;
}

beforeAll(async () => {
	database = await createTestDb();
	const db = database.db;
	tenant = await buildTenant(db);
	other = await buildTenant(db);
	const body = await buildBody(db, tenant.id, { name: 'AK Sprache' });
	const otherBody = await buildBody(db, other.id, { name: 'AK Fremd' });
	const type = await buildOrganizationType(db, tenant.id);
	const org = await buildOrganization(db, tenant.id, { typeId: type.id, name: 'Sprachschule' });

	coordinator = await actorCtx(db, tenant, 'coordinator');
	speaker = await actorCtx(db, tenant, 'member', { bodies: [{ body, role: 'speaker' }] });
	member = await actorCtx(db, tenant, 'member', { bodies: [{ body }] });
	editor = await actorCtx(db, tenant, 'editor', { orgs: [org.id] });
	const memberId = member.actor!.userId;

	// action items
	ids.overdue = (
		await buildActionItem(db, body, {
			title: 'überfällig',
			dueDate: addDays(today, -3),
			assigneeUserId: memberId
		})
	).id;
	ids.soon = (await buildActionItem(db, body, { title: 'bald', dueDate: addDays(today, 2) })).id;
	ids.later = (
		await buildActionItem(db, body, {
			title: 'später',
			dueDate: addDays(today, 30),
			assigneeUserId: memberId
		})
	).id;
	ids.done = (
		await buildActionItem(db, body, {
			title: 'erledigt',
			dueDate: addDays(today, -5),
			state: 'done',
			assigneeUserId: memberId
		})
	).id;
	ids.orgItem = (
		await buildActionItem(db, body, { title: 'für die Schule', assigneeOrganizationId: org.id })
	).id;
	ids.foreignItem = (
		await buildActionItem(db, otherBody, { title: 'fremd', dueDate: addDays(today, -10) })
	).id;

	// meetings
	ids.urgent = (await buildMeeting(db, body, { startsAt: inDays(10) })).id;
	ids.notYet = (await buildMeeting(db, body, { startsAt: inDays(30) })).id;
	ids.farAway = (await buildMeeting(db, body, { startsAt: inDays(70) })).id;
	const invited = await buildMeeting(db, body, {
		startsAt: inDays(20),
		state: 'invited',
		invitedAt: new Date()
	});
	ids.invited = invited.id;
	await database.db.insert(meetingInvitations).values([
		{ tenantId: tenant.id, meetingId: invited.id, userId: memberId, tokenHash: 'a' },
		{
			tenantId: tenant.id,
			meetingId: invited.id,
			userId: speaker.actor!.userId,
			tokenHash: 'b',
			response: 'yes',
			respondedAt: new Date()
		}
	]);
	ids.draft = (
		await buildMeeting(db, body, { startsAt: inDays(-20), state: 'held', minutesState: 'draft' })
	).id;
	ids.recent = (
		await buildMeeting(db, body, { startsAt: inDays(-3), state: 'held', minutesState: 'none' })
	).id;
	ids.published = (
		await buildMeeting(db, body, {
			startsAt: inDays(-40),
			state: 'held',
			minutesState: 'published'
		})
	).id;
	ids.cancelled = (await buildMeeting(db, body, { startsAt: inDays(-8), state: 'cancelled' })).id;
	ids.foreignMeeting = (await buildMeeting(db, otherBody, { startsAt: inDays(5) })).id;

	// citizens' messages
	ids.inqOverdue = await inquiry(tenant, 'A-1', -1, 'in_progress');
	ids.inqSoon = await inquiry(tenant, 'A-2', 5);
	ids.inqNoDue = await inquiry(tenant, 'A-3', null);
	ids.inqClosed = await inquiry(tenant, 'A-4', -9, 'closed');
	ids.inqForeign = await inquiry(other, 'A-5', -9);

	// offers: one pending review, one due for confirmation, one recently confirmed
	const old = inDays(-200);
	ids.stale = (
		await buildOffer(db, tenant.id, org.id, {
			title: 'Alt',
			createdAt: old,
			publishedAt: old,
			lastConfirmedAt: old
		})
	).id;
	ids.fresh = (await buildOffer(db, tenant.id, org.id, { title: 'Frisch' })).id;
	const [rev] = await db
		.insert(revisions)
		.values({ tenantId: tenant.id, entityType: 'offer', entityId: ids.fresh, proposed: {} })
		.returning();
	ids.revision = rev.id;

	// papers
	const paper = (year: number, number: number, state: string, originatingBodyId: string | null) =>
		db
			.insert(papers)
			.values({
				tenantId: tenant.id,
				year,
				number,
				reference: `${String(number).padStart(3, '0')}/${year}`,
				type: 'proposal',
				title: `Vorlage ${number}`,
				date: today,
				state,
				originatingBodyId
			})
			.returning()
			.then((r) => r[0].id);
	ids.submitted = await paper(2026, 1, 'submitted', null);
	ids.bodyDraft = await paper(2026, 2, 'draft', body.id);
	ids.decided = await paper(2026, 3, 'decided', body.id);
});
afterAll(() => database?.close());

const section = (s: { sections: TaskSection[] }, kind: string) =>
	s.sections.find((x) => x.kind === kind);
const entryIds = (s: { sections: TaskSection[] }, kind: string) =>
	section(s, kind)?.entries.map((e) => e.id) ?? [];
const allIds = (s: { sections: TaskSection[] }) =>
	s.sections.flatMap((x) => x.entries.map((e) => e.id));

describe('coordinator', () => {
	it('sees every kind of open task of the tenant, each with its condition and order', async () => {
		const ws = await getWorkspace(coordinator);
		expect(entryIds(ws, 'reviews')).toEqual([ids.revision]);
		expect(section(ws, 'reviews')!.entries[0].href).toBe(
			`/app/${tenant.slug}/pruefung/${ids.revision}`
		);
		// overdue first, then by due date, without a date last; closed ones left out
		expect(entryIds(ws, 'inquiries')).toEqual([ids.inqOverdue, ids.inqSoon, ids.inqNoDue]);
		expect(section(ws, 'inquiries')!.entries[0].overdue).toBe(true);
		// overdue and due within a week, done ones and later ones left out
		expect(entryIds(ws, 'actionItems')).toEqual([ids.overdue, ids.soon]);
		expect(section(ws, 'actionItems')!.entries[0].href).toContain(`#task-${ids.overdue}`);
		// coming in 6 weeks without invitations: the one in 10 days is urgent
		expect(entryIds(ws, 'uninvited')).toEqual([ids.urgent, ids.notYet]);
		expect(section(ws, 'uninvited')!.entries.map((e) => e.overdue)).toEqual([true, false]);
		expect(section(ws, 'unanswered')!.entries).toEqual([
			expect.objectContaining({ id: ids.invited, count: 1 })
		]);
		// ended meetings with minutes not yet shared, oldest first; not cancelled or published
		expect(entryIds(ws, 'minutes')).toEqual([ids.draft, ids.recent]);
		expect(section(ws, 'minutes')!.entries[0].href).toBe(
			`/app/${tenant.slug}/sitzungen/${ids.draft}/protokoll`
		);
		expect(entryIds(ws, 'papers')).toEqual([ids.submitted]);
		expect(entryIds(ws, 'offers')).toEqual([ids.stale]);
		// the coordinator's own lists stay out (they see the whole tenant)
		expect(section(ws, 'myActionItems')).toBeUndefined();
	});

	it('never sees another tenant’s tasks', async () => {
		const ws = await getWorkspace(coordinator);
		const all = allIds(ws);
		for (const id of [ids.foreignItem, ids.foreignMeeting, ids.inqForeign])
			expect(all).not.toContain(id);
	});

	it('puts sections with overdue entries first', async () => {
		const ws = await getWorkspace(coordinator);
		const firstCalm = ws.sections.findIndex((s) => !s.entries.some((e) => e.overdue));
		const lastUrgent = ws.sections.findLastIndex((s) => s.entries.some((e) => e.overdue));
		expect(lastUrgent).toBeLessThan(firstCalm);
		expect(ws.total).toBe(ws.sections.reduce((n, s) => n + s.total, 0));
	});
});

describe('speaker', () => {
	it('sees their body’s next meeting to prepare, invitations, minutes and papers', async () => {
		const ws = await getWorkspace(speaker);
		expect(section(ws, 'agenda')!.entries).toEqual([
			expect.objectContaining({
				id: ids.urgent,
				href: `/app/${tenant.slug}/sitzungen/${ids.urgent}/tagesordnung`
			})
		]);
		expect(entryIds(ws, 'uninvited')).toEqual([ids.urgent, ids.notYet]);
		expect(entryIds(ws, 'unanswered')).toEqual([ids.invited]);
		expect(entryIds(ws, 'minutes')).toEqual([ids.draft, ids.recent]);
		// the body's draft; not the decided one, not the unrelated submitted paper
		expect(entryIds(ws, 'papers')).toEqual([ids.bodyDraft]);
		for (const kind of ['reviews', 'inquiries', 'actionItems', 'offers'])
			expect(section(ws, kind)).toBeUndefined();
	});
});

describe('member and editor', () => {
	it('a member sees their own action items and invitations, never coordinator tasks', async () => {
		const ws = await getWorkspace(member);
		expect(entryIds(ws, 'myActionItems')).toEqual([ids.overdue, ids.later]);
		expect(section(ws, 'myActionItems')!.entries[0].href).toBe(
			`/app/${tenant.slug}/aufgaben#task-${ids.overdue}`
		);
		expect(section(ws, 'myInvitations')!.entries).toEqual([
			expect.objectContaining({
				id: ids.invited,
				href: `/app/${tenant.slug}/sitzungen/${ids.invited}/einladung`
			})
		]);
		expect(ws.sections.map((s) => s.kind).sort()).toEqual(['myActionItems', 'myInvitations']);
	});

	it('an editor sees their organisation’s action items and offers to confirm', async () => {
		const ws = await getWorkspace(editor);
		expect(entryIds(ws, 'myActionItems')).toEqual([ids.orgItem]);
		expect(entryIds(ws, 'offers')).toEqual([ids.stale]);
		expect(section(ws, 'offers')!.entries[0].overdue).toBe(true);
		expect(section(ws, 'reviews')).toBeUndefined();
	});

	it('someone with nothing open gets no sections (the page says all is done)', async () => {
		const ctx = await actorCtx(database.db, tenant, 'member');
		expect(await getWorkspace(ctx)).toEqual({ sections: [], total: 0 });
	});

	it('refuses a person without a role in the tenant', async () => {
		const stranger = await buildUser(database.db);
		await expect(
			getWorkspace(
				testTenantCtx(database.db, tenant, {
					userId: stranger.id,
					email: stranger.email,
					name: stranger.name,
					isPlatformAdmin: false,
					roles: {},
					editorOf: {},
					bodyRoles: {}
				})
			)
		).rejects.toThrow(NotFoundError);
		const otherCoordinator = await actorCtx(database.db, tenant, 'other', { other });
		await expect(getWorkspace(otherCoordinator)).rejects.toThrow(NotFoundError);
	});
});

describe('a section’s total', () => {
	it('counts every entry of the list, not only the first ones shown', async () => {
		const lists = (limit: number) =>
			Promise.all([
				openInquiryTasks(coordinator, limit),
				pendingReviewTasks(coordinator, limit),
				dueActionItemTasks(coordinator, limit),
				uninvitedMeetingTasks(coordinator, limit, 'all'),
				draftMinutesTasks(coordinator, limit, 'all'),
				papersWaitingTasks(coordinator, limit, 'all'),
				offersToConfirmTasks(coordinator, limit),
				myOpenInvitationTasks(member, limit),
				myActionItemTasks(member, limit)
			]);
		const [first, all] = await Promise.all([lists(1), lists(50)]);
		first.forEach((list, i) => {
			expect(list.total).toBe(all[i].entries.length);
			expect(list.entries).toEqual(all[i].entries.slice(0, 1));
		});
		// the fixture has several entries in several lists: the totals count past the limit
		expect(first.filter((list) => list.total > 1).length).toBeGreaterThanOrEqual(3);
	});
});

describe('start page kept until the next change', () => {
	afterAll(() => configurePublicCache({ maxBytes: 0, ttlMs: 0 }));

	it('is computed once per person, and again after a change through the app', async () => {
		configurePublicCache({ maxBytes: 1024 * 1024, ttlMs: 60_000 });
		const first = await getStartPage(coordinator);
		expect(await getStartPage(coordinator)).toBe(first);
		// another person (other roles, own lists) never gets the coordinator's page
		const speakers = await getStartPage(speaker);
		expect(speakers).not.toBe(first);
		expect(section(speakers.workspace, 'reviews')).toBeUndefined();
		expect(section(first.workspace, 'reviews')).toBeDefined();

		const before = section(first.workspace, 'inquiries')!.total;
		await inquiry(tenant, 'KEPT-1', 1);
		// until a change through the app is announced, the kept page (without it) answers
		const kept = await getStartPage(coordinator);
		expect(kept).toBe(first);
		expect(section(kept.workspace, 'inquiries')!.total).toBe(before);
		await invalidatePublicCache();
		const after = await getStartPage(coordinator);
		expect(after).not.toBe(first);
		expect(section(after.workspace, 'inquiries')!.total).toBe(before + 1);
	});

	it('is computed on every request while the public cache is off', async () => {
		configurePublicCache({ maxBytes: 0, ttlMs: 0 });
		expect(await getStartPage(coordinator)).not.toBe(await getStartPage(coordinator));
	});
});

describe('the areas the start page links to', () => {
	it('lists what each role may use, in the page order', async () => {
		const coordinators = startAreas(coordinator);
		expect(coordinators.slice(0, 3)).toEqual(['gremien', 'kalender', 'aufgaben']);
		expect(coordinators).toEqual(
			expect.arrayContaining(['pruefung', 'anliegen', 'personen', 'aenderungen', 'einstellungen'])
		);
		expect(coordinators.at(-1)).toBe('suchbegriffe');
		// a member sees no administration, and nothing the coordinator does not see
		const members = startAreas(member);
		for (const area of ['pruefung', 'anliegen', 'personen', 'aenderungen', 'einstellungen'])
			expect(members).not.toContain(area);
		expect(members.every((area) => coordinators.includes(area))).toBe(true);
	});

	it('follows the tenant: public page, district areas', async () => {
		const hidden = { ...coordinator, tenant: { ...coordinator.tenant, isPublic: false } };
		const shown = { ...coordinator, tenant: { ...coordinator.tenant, isPublic: true } };
		expect(startAreas(hidden)).not.toContain('public');
		expect(startAreas(shown)).toContain('public');
		// a city on its own has no district view; a municipality in a district has it
		const alone = {
			...coordinator,
			tenant: { ...coordinator.tenant, kind: 'city' as const, parentId: null }
		};
		const inDistrict = { ...coordinator, tenant: { ...alone.tenant, parentId: other.id } };
		for (const area of ['kennzahlen', 'landkreis', 'unterwegs'] as const) {
			expect(startAreas(alone)).not.toContain(area);
			expect(startAreas(inDistrict)).toContain(area);
		}
	});

	it('comes with the kept start page', async () => {
		const page = await getStartPage(coordinator);
		expect(page.areas).toEqual(startAreas(coordinator));
		expect(page.showMeetings).toBe(true);
	});
});

describe('byUrgency', () => {
	const s = (kind: TaskSection['kind'], dates: [string | null, boolean][]): TaskSection => ({
		kind,
		allHref: '',
		total: dates.length,
		entries: dates.map(([date, overdue], i) => ({
			id: `${kind}${i}`,
			title: '',
			detail: null,
			href: '',
			date,
			overdue
		}))
	});
	it('orders overdue sections by their oldest date, then the rest by their earliest date', () => {
		const order = byUrgency([
			s('papers', [['2026-01-10', false]]),
			s('reviews', []),
			s('offers', [['2026-01-05', true]]),
			s('minutes', [['2025-12-01', true]]),
			s('agenda', [[null, false]]),
			s('inquiries', [['2026-01-02', false]])
		]).map((x) => x.kind);
		expect(order).toEqual(['minutes', 'offers', 'inquiries', 'papers', 'agenda']);
	});
});
