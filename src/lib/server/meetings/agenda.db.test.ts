import { describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { useTestSetup } from '../db/testing/test-db';
import type { Db } from '../db/client';
import { inBody, tenantScenario, type TestRole } from '../db/testing/test-actors';
import type { Database } from '../db/client';
import {
	buildActionItem,
	buildAgendaItem,
	buildBody,
	buildMeeting,
	buildOrganization,
	buildUser,
	grantRole
} from '../factories';
import { auditLog } from '../audit/schema';
import type { MembershipRole } from '../bodies/schema';
import { NotFoundError, ValidationError } from '../errors';
import { agendaItems, agendaItemSpeakers, files } from './schema';
import { actionItems } from '../minutes/schema';
import { fullAgenda, openActionItemsForAgenda } from './agenda';
import { addAgendaItem, deleteAgendaItem, moveAgendaItem, updateAgendaItem } from './agenda-items';
import { addSpeaker, removeSpeaker } from './speakers';

const setup = useTestSetup(async (db: Db) => {
	const s = await tenantScenario(db);
	const body = await buildBody(s.db, s.tenant.id, { name: 'AK Bildung' });
	const meeting = await buildMeeting(s.db, body);
	const ctxFor = (role: TestRole, bodyRole?: MembershipRole) =>
		s.ctxFor(role, inBody(body, bodyRole));
	return { ...s, body, meeting, ctxFor };
});

async function positions(db: Database['db'], meetingId: string) {
	const rows = await db
		.select({ title: agendaItems.title, position: agendaItems.position })
		.from(agendaItems)
		.where(eq(agendaItems.meetingId, meetingId))
		.orderBy(asc(agendaItems.position));
	return rows.map((r) => `${r.position}:${r.title}`);
}

const item = (title: string, extra: Record<string, unknown> = {}) => ({
	title,
	description: '',
	responsibleUserId: '',
	plannedMinutes: '',
	isPublic: 'on',
	...extra
});

describe('agenda items', () => {
	it('adds items at the end, numbered 1..n; moves and deletes keep them without gaps', async () => {
		const { db, meeting, ctxFor } = await setup();
		const ctx = await ctxFor('coordinator');
		const a = await addAgendaItem(ctx, { ...item('Begrüßung'), meetingId: meeting.id });
		const b = await addAgendaItem(ctx, { ...item('Bericht'), meetingId: meeting.id });
		const c = await addAgendaItem(ctx, { ...item('Verschiedenes'), meetingId: meeting.id });
		expect(await positions(db, meeting.id)).toEqual([
			'1:Begrüßung',
			'2:Bericht',
			'3:Verschiedenes'
		]);

		await moveAgendaItem(ctx, { meetingId: meeting.id, itemId: c.id, direction: 'up' });
		expect(await positions(db, meeting.id)).toEqual([
			'1:Begrüßung',
			'2:Verschiedenes',
			'3:Bericht'
		]);
		// the first cannot go up, the last not down: nothing changes
		await moveAgendaItem(ctx, { meetingId: meeting.id, itemId: a.id, direction: 'up' });
		await moveAgendaItem(ctx, { meetingId: meeting.id, itemId: b.id, direction: 'down' });
		expect(await positions(db, meeting.id)).toEqual([
			'1:Begrüßung',
			'2:Verschiedenes',
			'3:Bericht'
		]);

		await deleteAgendaItem(ctx, { meetingId: meeting.id, itemId: a.id });
		expect(await positions(db, meeting.id)).toEqual(['1:Verschiedenes', '2:Bericht']);
		await addAgendaItem(ctx, { ...item('Termine'), meetingId: meeting.id });
		expect(await positions(db, meeting.id)).toEqual(['1:Verschiedenes', '2:Bericht', '3:Termine']);

		const moves = await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.entityId, c.id), eq(auditLog.action, 'agenda_item.move')));
		expect(moves[0].after).toMatchObject({ position: 2 });
	});

	it('repairs gaps left by others when it writes', async () => {
		const { db, meeting, ctxFor } = await setup();
		await buildAgendaItem(db, meeting, 2, { title: 'A' });
		await buildAgendaItem(db, meeting, 5, { title: 'B' });
		const ctx = await ctxFor('coordinator');
		await addAgendaItem(ctx, { ...item('C'), meetingId: meeting.id });
		expect(await positions(db, meeting.id)).toEqual(['1:A', '2:B', '3:C']);
	});

	it('keeps details: description, responsible person of the tenant, minutes, public flag', async () => {
		const { db, tenant, other, meeting, ctxFor } = await setup();
		const ctx = await ctxFor('coordinator');
		const person = await buildUser(db, { name: 'Anna Berger' });
		await grantRole(db, tenant.id, person.id, 'member');
		const outsider = await buildUser(db);
		await grantRole(db, other.id, outsider.id, 'member');
		const { id } = await addAgendaItem(ctx, {
			...item('Sprachkurse', {
				description: 'Stand der Kurse',
				responsibleUserId: person.id,
				plannedMinutes: '20',
				isPublic: undefined
			}),
			meetingId: meeting.id
		});
		const [row] = await db.select().from(agendaItems).where(eq(agendaItems.id, id));
		expect(row).toMatchObject({
			description: 'Stand der Kurse',
			responsibleUserId: person.id,
			plannedMinutes: 20,
			isPublic: false
		});
		await expect(
			updateAgendaItem(ctx, {
				...item('Sprachkurse', { responsibleUserId: outsider.id }),
				meetingId: meeting.id,
				itemId: id
			})
		).rejects.toThrow(ValidationError);
		await expect(
			updateAgendaItem(ctx, {
				...item('', { plannedMinutes: '0' }),
				meetingId: meeting.id,
				itemId: id
			})
		).rejects.toMatchObject({
			fieldErrors: {
				title: 'meetings_error_item_title_required',
				plannedMinutes: 'meetings_error_minutes_invalid'
			}
		});
		await updateAgendaItem(ctx, { ...item('Sprachkurse 2026'), meetingId: meeting.id, itemId: id });
		const agenda = await fullAgenda(db, tenant.id, meeting.id);
		expect(agenda!.items[0]).toMatchObject({
			number: '1',
			title: 'Sprachkurse 2026',
			responsible: null,
			isPublic: true
		});
	});

	it('guest speakers need no account; their e-mail stays off the public view', async () => {
		const { db, tenant, meeting, ctxFor } = await setup();
		const ctx = await ctxFor('member', 'speaker');
		const { id } = await addAgendaItem(ctx, {
			...item('Vortrag Ausbildung'),
			meetingId: meeting.id
		});
		const s = await addSpeaker(ctx, {
			name: 'Dr. Leyla Aydın',
			affiliation: 'IHK Niederbayern',
			email: 'Leyla@Example.org',
			meetingId: meeting.id,
			itemId: id
		});
		await expect(
			addSpeaker(ctx, { name: '', email: 'kein-mail', meetingId: meeting.id, itemId: id })
		).rejects.toMatchObject({
			fieldErrors: {
				name: 'meetings_error_speaker_name_required',
				email: 'meetings_error_speaker_email_invalid'
			}
		});
		const internal = await fullAgenda(db, tenant.id, meeting.id);
		expect(internal!.items[0].speakers).toEqual([
			{
				id: s.id,
				name: 'Dr. Leyla Aydın',
				affiliation: 'IHK Niederbayern',
				email: 'leyla@example.org'
			}
		]);
		const pub = await fullAgenda(db, tenant.id, meeting.id, { publicOnly: true });
		expect(pub!.items[0].speakers[0].email).toBeNull();

		await removeSpeaker(ctx, { meetingId: meeting.id, speakerId: s.id });
		expect(
			await db.select().from(agendaItemSpeakers).where(eq(agendaItemSpeakers.id, s.id))
		).toEqual([]);
	});

	it('public view leaves out non-public items and files and keeps the original TOP numbers', async () => {
		const { db, tenant, meeting } = await setup();
		await buildAgendaItem(db, meeting, 1, { title: 'Öffentlich' });
		const secret = await buildAgendaItem(db, meeting, 2, { title: 'Personal', isPublic: false });
		await buildAgendaItem(db, meeting, 3, { title: 'Auch öffentlich' });
		await db.insert(files).values({
			tenantId: tenant.id,
			agendaItemId: secret.id,
			fileName: 'intern.pdf',
			mediaType: 'application/pdf',
			size: 5,
			sha256: 'x',
			content: Buffer.from('%PDF-')
		});
		const pub = await fullAgenda(db, tenant.id, meeting.id, { publicOnly: true });
		// TOP 2 is simply left out: the public agenda numbers as the minutes and the invitation do
		expect(pub!.items.map((i) => `${i.number} ${i.title}`)).toEqual([
			'1 Öffentlich',
			'3 Auch öffentlich'
		]);
		const internal = await fullAgenda(db, tenant.id, meeting.id);
		expect(internal!.items.map((i) => i.number)).toEqual(['1', '2', '3']);
		expect(internal!.items[1].files.map((f) => f.fileName)).toEqual(['intern.pdf']);
	});

	it('only managers of the body change the agenda; items of another meeting are not found', async () => {
		const { db, body, meeting, ctxFor } = await setup();
		const own = await buildAgendaItem(db, meeting, 1);
		const otherMeeting = await buildMeeting(db, body);
		const foreign = await buildAgendaItem(db, otherMeeting, 1);
		for (const ctx of [await ctxFor('member', 'member'), await ctxFor('other')]) {
			await expect(addAgendaItem(ctx, { ...item('X'), meetingId: meeting.id })).rejects.toThrow(
				NotFoundError
			);
			await expect(
				deleteAgendaItem(ctx, { meetingId: meeting.id, itemId: own.id })
			).rejects.toThrow(NotFoundError);
		}
		const ctx = await ctxFor('coordinator');
		await expect(
			deleteAgendaItem(ctx, { meetingId: meeting.id, itemId: foreign.id })
		).rejects.toThrow(NotFoundError);
		await expect(
			moveAgendaItem(ctx, { meetingId: meeting.id, itemId: own.id, direction: 'sideways' })
		).rejects.toThrow(NotFoundError);
	});

	it('a cancelled meeting or approved minutes freeze the agenda', async () => {
		const { db, body, ctxFor } = await setup();
		const ctx = await ctxFor('coordinator');
		const cancelled = await buildMeeting(db, body, { state: 'cancelled' });
		await expect(addAgendaItem(ctx, { ...item('X'), meetingId: cancelled.id })).rejects.toThrow(
			ValidationError
		);
		const approved = await buildMeeting(db, body, { state: 'held', minutesState: 'approved' });
		await expect(addAgendaItem(ctx, { ...item('X'), meetingId: approved.id })).rejects.toThrow(
			ValidationError
		);
	});
});

describe('open action items on the next agenda', () => {
	it('come onto the agenda of a meeting not yet held, as the last item, and leave when done', async () => {
		const { db, tenant, body } = await setup();
		const earlier = await buildMeeting(db, body, {
			startsAt: new Date(Date.now() - 40 * 86_400_000),
			state: 'held'
		});
		const assignee = await buildUser(db, { name: 'Murat Yıldız' });
		const org = await buildOrganization(db, tenant.id, { name: 'Jobcenter' });
		const open = await buildActionItem(db, body, {
			title: 'Raumliste erstellen',
			meetingId: earlier.id,
			assigneeUserId: assignee.id,
			dueDate: '2026-05-01',
			createdAt: new Date(Date.now() - 40 * 86_400_000)
		});
		const inProgress = await buildActionItem(db, body, {
			title: 'Flyer übersetzen',
			state: 'in_progress',
			assigneeOrganizationId: org.id,
			createdAt: new Date(Date.now() - 40 * 86_400_000)
		});
		await buildActionItem(db, body, { title: 'Erledigt', state: 'done' });
		const otherBody = await buildBody(db, tenant.id);
		await buildActionItem(db, otherBody, { title: 'Anderer AK' });

		const next = await buildMeeting(db, body, { startsAt: new Date(Date.now() + 7 * 86_400_000) });
		await buildAgendaItem(db, next, 1, { title: 'Begrüßung' });
		const agenda = await fullAgenda(db, tenant.id, next.id);
		expect(agenda!.openActions).toMatchObject({
			number: '2',
			title: 'Offene Aufgaben aus früheren Sitzungen'
		});
		expect(
			agenda!.openActions!.items.map((i) => [
				i.title,
				i.assigneeName,
				i.assigneeOrganization,
				i.dueDate,
				i.state
			])
		).toEqual([
			['Raumliste erstellen', 'Murat Yıldız', null, '2026-05-01', 'open'],
			['Flyer übersetzen', null, 'Jobcenter', null, 'in_progress']
		]);
		// not stored: the agenda table holds only the real item
		expect(await positions(db, next.id)).toEqual(['1:Begrüßung']);
		// not on the agenda of the held meeting
		expect((await fullAgenda(db, tenant.id, earlier.id))!.openActions).toBeNull();

		// a task created after the meeting began is not on that meeting's agenda
		const tasks = await openActionItemsForAgenda(db, tenant.id, body.id, {
			startsAt: new Date(Date.now() - 60 * 86_400_000)
		});
		expect(tasks).toEqual([]);

		// done: gone from the next agenda
		await db.update(actionItems).set({ state: 'done' }).where(eq(actionItems.id, open.id));
		await db
			.update(actionItems)
			.set({ state: 'cancelled' })
			.where(eq(actionItems.id, inProgress.id));
		expect((await fullAgenda(db, tenant.id, next.id))!.openActions).toBeNull();
	});
});
