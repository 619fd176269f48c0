import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useTestSetup } from '../db/testing/test-db';
import { buildActionItem } from '../factories';
import { actionItems } from './schema';
import { outbox } from '../mail/schema';
import { updateActionItem } from './action-item-changes';
import { sendActionItemReminders } from './action-item-reminders';
import { day, setupActionItems } from './testing';

const setup = useTestSetup(setupActionItems);

describe('sendActionItemReminders', () => {
	it('mails once before the due date: the assignee, or the speakers for an organisation', async () => {
		const s = await setup();
		const soon = await buildActionItem(s.db, s.body, {
			title: 'Flyer drucken',
			assigneeUserId: s.people.assignee.id,
			dueDate: day(2)
		});
		const late = await buildActionItem(s.db, s.body, {
			title: 'Halle buchen',
			assigneeOrganizationId: s.org.id,
			dueDate: day(-1),
			state: 'in_progress'
		});
		const far = await buildActionItem(s.db, s.body, {
			title: 'Jahresplanung',
			assigneeUserId: s.people.assignee.id,
			dueDate: day(10)
		});
		const done = await buildActionItem(s.db, s.body, {
			title: 'Erledigtes',
			assigneeUserId: s.people.assignee.id,
			dueDate: day(1),
			state: 'done'
		});
		const noDate = await buildActionItem(s.db, s.body, {
			title: 'Irgendwann',
			assigneeUserId: s.people.assignee.id
		});
		const mailsOf = async () =>
			(await s.db.select().from(outbox).where(eq(outbox.tenantId, s.tenant.id))).map(
				(o) => o.payload
			);
		const before = (await mailsOf()).length;
		const first = await sendActionItemReminders(s.db, 'https://example.org');
		expect(first.items).toBeGreaterThanOrEqual(2);
		const sent = (await mailsOf()).slice(before);
		const toAssignee = sent.filter((p) => p.to === s.people.assignee.email);
		const toSpeaker = sent.filter((p) => p.to === s.people.speaker.email);
		expect(toAssignee.map((p) => p.subject)).toEqual([
			expect.stringContaining('Erinnerung: Aufgabe „Flyer drucken“')
		]);
		expect(toAssignee[0].text).toContain(`https://example.org/app/${s.tenant.slug}/aufgaben`);
		expect(toSpeaker.map((p) => p.subject)).toEqual(['Aufgabe „Halle buchen“ ist überfällig']);
		expect(toSpeaker[0].text).toContain(`/gremien/${s.body.id}/aufgaben`);
		expect(sent).toHaveLength(2);

		const reminded = async (id: string) =>
			(await s.db.select().from(actionItems).where(eq(actionItems.id, id)))[0].remindedAt;
		expect(await reminded(soon.id)).not.toBeNull();
		expect(await reminded(late.id)).not.toBeNull();
		for (const id of [far.id, done.id, noDate.id]) expect(await reminded(id)).toBeNull();

		// once only
		await sendActionItemReminders(s.db, 'https://example.org');
		expect((await mailsOf()).slice(before)).toHaveLength(2);

		// a week later the far one is due; a new due date arms the reminder again
		await updateActionItem(await s.ctxIn(s.people.speaker), {
			actionItemId: soon.id,
			title: 'Flyer drucken',
			assigneeUserId: s.people.assignee.id,
			dueDate: day(30)
		});
		expect(await reminded(soon.id)).toBeNull();
		await sendActionItemReminders(
			s.db,
			'https://example.org',
			new Date(Date.now() + 8 * 86_400_000)
		);
		const later = (await mailsOf()).slice(before + 2);
		expect(later.map((p) => p.subject)).toEqual([
			expect.stringContaining('Erinnerung: Aufgabe „Jahresplanung“')
		]);
	});
});
