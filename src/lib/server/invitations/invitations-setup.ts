/** Shared setup of the invitation db tests: a body with members, a meeting and its agenda. */
import { asc, eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { testTenantCtx } from '../db/testing/test-db';
import type { Db } from '../db/client';
import {
	buildAgendaItem,
	buildBody,
	buildMeeting,
	buildMembership,
	buildOrganization,
	buildTenant,
	buildUser,
	grantRole
} from '../factories';
import { loadActor } from '../auth/sessions';
import type { Role } from '../auth/schema';
import { outbox } from '../mail/schema';
import { agendaItemSpeakers } from '../meetings/schema';

export const START = new Date('2030-12-10T13:00:00Z'); // Tuesday 14:00 in Berlin

export async function setupInvitations(db: Db) {
	const tenant = await buildTenant(db, { kind: 'city' });
	const org = await buildOrganization(db, tenant.id, { name: 'VHS Landshut' });
	const body = await buildBody(db, tenant.id, {
		name: 'Arbeitskreis Bildung',
		shortName: 'AK Bildung',
		visibility: 'members'
	});
	const person = async (
		name: string,
		role: Role | null,
		bodyRole?: 'speaker' | 'member' | 'guest'
	) => {
		const user = await buildUser(db, { name });
		if (role) await grantRole(db, tenant.id, user.id, role);
		if (bodyRole)
			await buildMembership(
				db,
				body,
				user.id,
				bodyRole,
				bodyRole === 'member' ? { organizationId: org.id } : {}
			);
		return user;
	};
	const coordinator = await person('Clara Koordination', 'coordinator');
	const speaker = await person('Sven Sprecher', 'member', 'speaker');
	const member = await person('Mia Mitglied', 'member', 'member');
	const guest = await person('Gerd Gast', 'guest', 'guest');
	const outsider = await person('Otto Außen', 'member');
	const former = await person('Frieda Früher', 'member');
	await buildMembership(db, body, former.id, 'member', {
		startDate: '2020-01-01',
		endDate: new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10)
	});
	const meeting = await buildMeeting(db, body, {
		startsAt: START,
		endsAt: new Date(START.getTime() + 2 * 3_600_000),
		location: 'Rathaus, Raum 1'
	});
	await buildAgendaItem(db, meeting, 1, { title: 'Begrüßung' });
	const item = await buildAgendaItem(db, meeting, 2, { title: 'Sprachkurse für Eltern' });
	await db.insert(agendaItemSpeakers).values({
		tenantId: tenant.id,
		agendaItemId: item.id,
		name: 'Dr. Ayşe Yılmaz',
		affiliation: 'VHS',
		email: 'referentin@example.org'
	});
	const ctxOf = async (user: { id: string }) =>
		testTenantCtx(db, tenant, await loadActor(db, user.id));
	return {
		db,
		tenant,
		body,
		meeting,
		coordinator,
		speaker,
		member,
		guest,
		outsider,
		former,
		ctxOf
	};
}

export async function mailsOf(db: Db, tenantId: string) {
	const rows = await db
		.select()
		.from(outbox)
		.where(eq(outbox.tenantId, tenantId))
		.orderBy(asc(outbox.createdAt), asc(outbox.id));
	return rows.map((r) => r.payload);
}

export function tokenOf(text: string): string {
	const match = /\/antwort\/([A-Za-z0-9_-]+)\?antwort=ja/.exec(text);
	if (!match) throw new Error(`no answer link in:\n${text}`);
	return match[1];
}

export function parseIcs(content: string) {
	const calendar = new ICAL.Component(ICAL.parse(content));
	const vevent = calendar.getFirstSubcomponent('vevent')!;
	return { calendar, vevent, event: new ICAL.Event(vevent) };
}
