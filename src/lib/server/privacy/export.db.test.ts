import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { createTestDb, testCtx } from '../db/testing/test-db';
import { buildActionItem, buildContact, buildOrganization, grantRole } from '../factories';
import { setupSpeakerMeeting } from '../minutes/testing';
import { loadActor } from '../auth/sessions';
import { NotFoundError } from '../errors';
import { recordAudit } from '../audit/record';
import { meetingInvitations } from '../invitations/schema';
import { meetingAttendance } from '../minutes/schema';
import { personPublications } from '../oparl/schema';
import { CONSENT_TEXT_VERSION } from '../oparl/consent';
import { consultationProcesses, contributions } from '../participation/schema';
import { inquiries, inquiryEntries } from '../inquiries/schema';
import { paperComments, papers } from '../papers/schema';
import { exportMyData, personalDataFile } from './export';
import { SECTION_KEYS } from './types';

let database: Database;
beforeAll(async () => {
	database = await createTestDb();
});
afterAll(() => database?.close());

/**
 * One person's data in every domain the export covers, each text carrying `marker`, so that a
 * search of the export for another person's marker finds any leak.
 */
async function personWithData(tenantName: string, marker: string) {
	const db = database.db;
	const { tenant, user, body, meeting } = await setupSpeakerMeeting(db, {
		tenant: tenantName,
		email: `${marker.toLowerCase()}@example.org`,
		user: `Name ${marker}`,
		body: `Arbeitskreis ${marker}`,
		meeting: `Sitzung ${marker}`
	});
	await db.insert(meetingInvitations).values({
		tenantId: tenant.id,
		meetingId: meeting.id,
		userId: user.id,
		tokenHash: `token-${marker}`,
		response: 'yes',
		comment: `Zusage ${marker}`,
		respondedAt: new Date()
	});
	await db
		.insert(meetingAttendance)
		.values({ tenantId: tenant.id, meetingId: meeting.id, userId: user.id, status: 'present' });
	await buildActionItem(db, body, { title: `Aufgabe ${marker}`, assigneeUserId: user.id });
	const organization = await buildOrganization(db, tenant.id, { name: `Verein ${marker}` });
	await buildContact(db, tenant.id, organization.id, {
		name: `Kontakt ${marker}`,
		email: user.email.toUpperCase(),
		consent: true
	});
	await db.insert(personPublications).values({
		tenantId: tenant.id,
		userId: user.id,
		consentedAt: new Date(),
		consentTextVersion: CONSENT_TEXT_VERSION
	});
	const [process] = await db
		.insert(consultationProcesses)
		.values({ tenantId: tenant.id, title: `Verfahren ${marker}` })
		.returning();
	await db.insert(contributions).values({
		tenantId: tenant.id,
		processId: process.id,
		body: `Beitrag ${marker}`,
		source: 'online',
		authorId: user.id
	});
	const [inquiry] = await db
		.insert(inquiries)
		.values({
			tenantId: tenant.id,
			reference: `A-${marker}`,
			kind: 'question',
			body: `Anliegen ${marker}`,
			name: `Name ${marker}`,
			email: user.email,
			consentVersion: '1',
			consentAt: new Date()
		})
		.returning();
	await db.insert(inquiryEntries).values({
		tenantId: tenant.id,
		inquiryId: inquiry.id,
		kind: 'note',
		body: `Notiz ${marker}`,
		authorId: user.id
	});
	const [paper] = await db
		.insert(papers)
		.values({
			tenantId: tenant.id,
			number: 1,
			year: 2026,
			reference: `001/2026`,
			type: 'proposal',
			title: `Vorlage ${marker}`,
			date: '2026-12-01'
		})
		.returning();
	await db.insert(paperComments).values({
		tenantId: tenant.id,
		paperId: paper.id,
		bodyId: body.id,
		authorId: user.id,
		text: `Kommentar ${marker}`
	});
	await recordAudit(
		db,
		{ actor: { userId: user.id } },
		{
			tenantId: tenant.id,
			action: 'user.rename',
			entityType: 'user',
			entityId: user.id,
			before: { name: `Alt ${marker}` },
			after: { name: `Name ${marker}` }
		}
	);
	const actor = (await loadActor(db, user.id))!;
	return { tenant, user, actor, body, marker };
}

describe('exportMyData', () => {
	let alice: Awaited<ReturnType<typeof personWithData>>;
	let bob: Awaited<ReturnType<typeof personWithData>>;
	beforeAll(async () => {
		alice = await personWithData('Stadt Alpha', 'AliceXq7');
		bob = await personWithData('Landkreis Beta', 'BobZk4');
		// Bob also acts in Alice's tenant: he coordinates it, created an action item for Alice and
		// is recorded in its audit log; none of that is Alice's data.
		await grantRole(database.db, alice.tenant.id, bob.user.id, 'coordinator');
		await buildActionItem(database.db, alice.body, {
			title: 'Aufgabe für AliceXq7',
			description: 'Nachfragen bei BobZk4-Kontakt',
			assigneeUserId: alice.user.id,
			createdBy: bob.user.id
		});
		await recordAudit(
			database.db,
			{ actor: { userId: bob.user.id } },
			{
				tenantId: alice.tenant.id,
				action: 'member.role_change',
				entityType: 'user',
				entityId: bob.user.id,
				after: { role: 'coordinator' }
			}
		);
	});

	it("contains the person's data in every section and a readable summary in their language", async () => {
		const result = await exportMyData(testCtx(database.db, alice.actor, { locale: 'de' }));
		const { data, summary } = result;

		expect(data.account).toEqual([
			expect.objectContaining({ id: alice.user.id, email: alice.user.email, hasPassword: true })
		]);
		expect(JSON.stringify(data.account)).not.toContain('$argon2');
		expect(data.tenant_roles).toEqual([
			expect.objectContaining({ tenant: 'Stadt Alpha', role: 'member' })
		]);
		expect(data.body_memberships).toEqual([
			expect.objectContaining({ body: 'Arbeitskreis AliceXq7', role: 'speaker' })
		]);
		expect(data.meeting_invitations).toEqual([
			expect.objectContaining({ meeting: 'Sitzung AliceXq7', response: 'yes' })
		]);
		expect(data.meeting_attendance).toEqual([
			expect.objectContaining({ meeting: 'Sitzung AliceXq7', status: 'present' })
		]);
		expect(data.action_items.map((r) => r.title).sort()).toEqual([
			'Aufgabe AliceXq7',
			'Aufgabe für AliceXq7'
		]);
		expect(data.contact_entries).toEqual([
			expect.objectContaining({
				organization: 'Verein AliceXq7',
				consentText: expect.stringContaining('einverstanden')
			})
		]);
		expect(data.publication_consents).toEqual([
			expect.objectContaining({
				tenant: 'Stadt Alpha',
				consentTextVersion: CONSENT_TEXT_VERSION,
				consentedAt: expect.any(Date),
				consentText: expect.stringContaining('Ich bin damit einverstanden')
			})
		]);
		expect(data.contributions).toEqual([
			expect.objectContaining({ process: 'Verfahren AliceXq7', body: 'Beitrag AliceXq7' })
		]);
		expect(data.messages_sent).toEqual([
			expect.objectContaining({ reference: 'A-AliceXq7', body: 'Anliegen AliceXq7' })
		]);
		expect(data.message_entries_written).toEqual([
			expect.objectContaining({ body: 'Notiz AliceXq7' })
		]);
		expect(data.paper_comments).toEqual([expect.objectContaining({ text: 'Kommentar AliceXq7' })]);
		expect(data.audit_about_person).toEqual([
			expect.objectContaining({ action: 'user.rename', before: { name: 'Alt AliceXq7' } })
		]);
		expect(data.audit_by_person).toEqual([
			expect.objectContaining({ action: 'user.rename', entityId: alice.user.id })
		]);

		expect(summary.title).toBe('Auskunft über Ihre gespeicherten Daten (Art. 15 DSGVO)');
		expect(summary.person).toEqual({ name: 'Name AliceXq7', email: alice.user.email });
		expect(summary.sections.map((s) => s.key)).toEqual([...SECTION_KEYS]);
		expect(summary.sections.find((s) => s.key === 'action_items')).toEqual({
			key: 'action_items',
			title: 'Ihnen zugewiesene Aufgaben',
			entries: 2
		});
		const english = await exportMyData(testCtx(database.db, alice.actor, { locale: 'en' }));
		expect(english.summary.sections[0].title).toBe('Account');
	});

	it("holds nothing of another person or another tenant, even where they act on the person's data", async () => {
		const file = personalDataFile(
			await exportMyData(testCtx(database.db, alice.actor, { locale: 'de' }))
		);
		expect(file.name).toMatch(/^miteinander-daten-\d{4}-\d\d-\d\d\.json$/);
		expect(JSON.parse(file.body).data.account[0].id).toBe(alice.user.id);
		// Bob's id, name, e-mail, tenant and every text of his are absent; the one text that
		// names him is the description of Alice's own action item, which she may see.
		const withoutOwnItem = file.body.replace('Nachfragen bei BobZk4-Kontakt', '');
		for (const foreign of [bob.user.id, bob.user.email, 'BobZk4', 'Landkreis Beta', bob.tenant.id])
			expect(withoutOwnItem).not.toContain(foreign);
	});

	it('refuses an anonymous request', async () => {
		await expect(exportMyData(testCtx(database.db, null))).rejects.toThrow(NotFoundError);
	});
});
