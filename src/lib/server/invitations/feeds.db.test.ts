import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { testCtx, testTenantCtx, useTestDb } from '../db/testing/test-db';
import { withTenant } from '../context';
import {
	buildAgendaItem,
	buildBody,
	buildMeeting,
	buildMembership,
	buildTenant,
	buildUser,
	grantRole
} from '../factories';
import { loadActor } from '../auth/sessions';
import { auditLog } from '../audit/schema';
import { NotFoundError } from '../errors';
import { calendarTokens } from './schema';
import {
	bodyFeed,
	calendarTokenInfo,
	deleteCalendarToken,
	meetingCalendarFile,
	personalFeed,
	resetCalendarToken,
	tenantFeed
} from './feeds';

const database = useTestDb();

const origin = 'http://localhost:3000';
const DAY = 86_400_000;

async function setup() {
	const db = database.db;
	const tenant = await buildTenant(db, { isPublic: true });
	const hidden = await buildTenant(db, { isPublic: false });
	const publicBody = await buildBody(db, tenant.id, {
		shortName: 'Netzwerk',
		visibility: 'public'
	});
	const networkBody = await buildBody(db, tenant.id, {
		shortName: 'AK Intern',
		visibility: 'network'
	});
	const membersBody = await buildBody(db, tenant.id, {
		shortName: 'Steuerung',
		visibility: 'members'
	});
	const hiddenBody = await buildBody(db, hidden.id, { visibility: 'public' });
	const soon = new Date(Date.now() + 10 * DAY);
	const open = await buildMeeting(db, publicBody, {
		startsAt: soon,
		onlineUrl: 'https://meet.example.org/netzwerk-geheim'
	});
	await buildAgendaItem(db, open, 1, { title: 'Bericht aus den AKs' });
	await buildAgendaItem(db, open, 2, { title: 'Vertrauliche Personalsache', isPublic: false });
	const cancelled = await buildMeeting(db, publicBody, {
		startsAt: new Date(soon.getTime() + 7 * DAY),
		state: 'cancelled',
		sequence: 2
	});
	const old = await buildMeeting(db, publicBody, { startsAt: new Date(Date.now() - 400 * DAY) });
	const internal = await buildMeeting(db, networkBody, { startsAt: soon });
	const secret = await buildMeeting(db, membersBody, { startsAt: soon });
	await buildAgendaItem(db, secret, 1, { title: 'Haushalt 2031', isPublic: false });
	const elsewhere = await buildMeeting(db, hiddenBody, { startsAt: soon });
	return {
		db,
		tenant,
		hidden,
		publicBody,
		networkBody,
		membersBody,
		hiddenBody,
		open,
		cancelled,
		old,
		internal,
		secret,
		elsewhere
	};
}

function parse(ics: string) {
	const calendar = new ICAL.Component(ICAL.parse(ics));
	const vevents = calendar.getAllSubcomponents('vevent');
	return {
		calendar,
		vevents,
		uids: vevents.map((v) => String(v.getFirstPropertyValue('uid')))
	};
}

const uid = (m: { id: string }) => `meeting-${m.id}@localhost`;

/** The calendar with folded lines joined again, for looking for text. */
const unfold = (ics: string) => ics.replace(/\r\n /g, '');

describe('public feeds', () => {
	it('a public body’s feed lists its meetings (cancelled ones as CANCELLED), public items only, no online link', async () => {
		const s = await setup();
		const ics = unfold(
			(await bodyFeed(testTenantCtx(s.db, s.tenant, null, { origin: origin }), {
				bodyId: s.publicBody.id
			}))!
		);
		const { calendar, vevents, uids } = parse(ics);
		expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
		expect(uids).toEqual([uid(s.open), uid(s.cancelled)]);
		expect(vevents[1].getFirstPropertyValue('status')).toBe('CANCELLED');
		expect(vevents[1].getFirstPropertyValue('sequence')).toBe(2);
		expect(ics).toContain('Bericht aus den AKs');
		expect(ics).not.toContain('Vertrauliche Personalsache');
		expect(ics).not.toContain('netzwerk-geheim');
		expect(vevents[0].getFirstPropertyValue('url')).toBe(
			`${origin}/${s.tenant.slug}/gremien/${s.publicBody.id}`
		);
	});

	it('network and members-only bodies, and bodies of hidden tenants, have no public feed', async () => {
		const s = await setup();
		expect(
			await bodyFeed(testTenantCtx(s.db, s.tenant, null, { origin: origin }), {
				bodyId: s.networkBody.id
			})
		).toBeNull();
		expect(
			await bodyFeed(testTenantCtx(s.db, s.tenant, null, { origin: origin }), {
				bodyId: s.membersBody.id
			})
		).toBeNull();
		expect(
			await bodyFeed(testTenantCtx(s.db, s.hidden, null, { origin: origin }), {
				bodyId: s.hiddenBody.id
			})
		).toBeNull();
		// a body of another tenant under this tenant's address
		expect(
			await bodyFeed(testTenantCtx(s.db, s.tenant, null, { origin: origin }), {
				bodyId: s.hiddenBody.id
			})
		).toBeNull();
		expect(
			await bodyFeed(testTenantCtx(s.db, s.tenant, null, { origin: origin }), {
				bodyId: 'not-a-uuid'
			})
		).toBeNull();
		expect(await tenantFeed(testTenantCtx(s.db, s.hidden, null, { origin: origin }))).toBeNull();
	});

	it('the tenant feed lists the public bodies’ meetings only', async () => {
		const s = await setup();
		const ics = unfold(
			(await tenantFeed(testTenantCtx(s.db, s.tenant, null, { origin: origin })))!
		);
		const { calendar, uids } = parse(ics);
		expect(uids).toEqual([uid(s.open), uid(s.cancelled)]);
		expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe(`Sitzungen – ${s.tenant.name}`);
		expect(ics).not.toContain('Haushalt 2031');
	});
});

describe('personal feed', () => {
	it('shows the meetings of the person’s bodies with the full agenda; a reset makes the old address invalid', async () => {
		const s = await setup();
		const user = await buildUser(s.db, { name: 'Mia Mitglied' });
		await grantRole(s.db, s.tenant.id, user.id, 'member');
		await buildMembership(s.db, s.membersBody, user.id);
		await buildMembership(s.db, s.publicBody, user.id);
		const ctx = testCtx(s.db, await loadActor(s.db, user.id));
		expect(await calendarTokenInfo(ctx)).toBeNull();
		const first = await resetCalendarToken(ctx);
		expect(first.url).toBe(`${origin}/kalender/${first.token}.ics`);
		expect(await calendarTokenInfo(ctx)).not.toBeNull();
		const [stored] = await s.db
			.select()
			.from(calendarTokens)
			.where(eq(calendarTokens.userId, user.id));
		expect(stored.tokenHash).not.toBe(first.token);
		expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);
		const ics = unfold(
			(await personalFeed(testCtx(s.db, null, { origin: origin }), { token: first.token }))!
		);
		const { uids } = parse(ics);
		// member bodies only: not the network body the person could see
		expect(uids.sort()).toEqual([uid(s.open), uid(s.cancelled), uid(s.secret)].sort());
		expect(ics).toContain('Haushalt 2031');
		expect(ics).toContain('Vertrauliche Personalsache');
		expect(ics).toContain('netzwerk-geheim');
		expect(ics).toContain(`${origin}/app/${s.tenant.slug}/sitzungen/${s.secret.id}`);
		const second = await resetCalendarToken(ctx);
		expect(
			await personalFeed(testCtx(s.db, null, { origin: origin }), { token: first.token })
		).toBeNull();
		expect(
			await personalFeed(testCtx(s.db, null, { origin: origin }), { token: second.token })
		).not.toBeNull();
		await deleteCalendarToken(ctx);
		expect(
			await personalFeed(testCtx(s.db, null, { origin: origin }), { token: second.token })
		).toBeNull();
		const audits = await s.db
			.select({ action: auditLog.action })
			.from(auditLog)
			.where(and(eq(auditLog.entityType, 'calendar_feed'), eq(auditLog.entityId, user.id)));
		expect(audits.map((a) => a.action).sort()).toEqual(
			['calendar_feed.create', 'calendar_feed.delete', 'calendar_feed.reset'].sort()
		);
	});

	it('unknown tokens and ended memberships show nothing', async () => {
		const s = await setup();
		expect(
			await personalFeed(testCtx(s.db, null, { origin: origin }), { token: 'x'.repeat(43) })
		).toBeNull();
		const user = await buildUser(s.db);
		await grantRole(s.db, s.tenant.id, user.id, 'member');
		await buildMembership(s.db, s.membersBody, user.id, 'member', {
			startDate: '2020-01-01',
			endDate: '2020-12-31'
		});
		const { token } = await resetCalendarToken(testCtx(s.db, await loadActor(s.db, user.id)));
		expect(
			parse((await personalFeed(testCtx(s.db, null, { origin: origin }), { token }))!).uids
		).toEqual([]);
		await expect(resetCalendarToken(testCtx(s.db, null))).rejects.toBeInstanceOf(NotFoundError);
	});
});

describe('meetingCalendarFile', () => {
	it('gives members the whole meeting and others who may see it the public part; hidden meetings are not found', async () => {
		const s = await setup();
		const member = await buildUser(s.db);
		await grantRole(s.db, s.tenant.id, member.id, 'member');
		await buildMembership(s.db, s.publicBody, member.id);
		const visitor = await buildUser(s.db);
		await grantRole(s.db, s.tenant.id, visitor.id, 'member');
		const asMember = unfold(
			await meetingCalendarFile(
				withTenant(testCtx(s.db, await loadActor(s.db, member.id)), s.tenant),
				{ meetingId: s.open.id }
			)
		);
		expect(asMember).toContain('Vertrauliche Personalsache');
		expect(asMember).toContain('netzwerk-geheim');
		const visitorCtx = testCtx(s.db, await loadActor(s.db, visitor.id));
		const asVisitor = unfold(
			await meetingCalendarFile(withTenant(visitorCtx, s.tenant), { meetingId: s.open.id })
		);
		expect(parse(asVisitor).uids).toEqual([uid(s.open)]);
		expect(asVisitor).not.toContain('Vertrauliche Personalsache');
		expect(asVisitor).not.toContain('netzwerk-geheim');
		await expect(
			meetingCalendarFile(withTenant(visitorCtx, s.tenant), { meetingId: s.secret.id })
		).rejects.toBeInstanceOf(NotFoundError);
	});
});
