import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { createTestDb, testCtx } from '../db/testing/test-db';
import { buildActionItem, grantRole } from '../factories';
import { NotFoundError } from '../errors';
import { recordAudit } from '../audit/record';
import { CONSENT_TEXT_VERSION } from '../oparl/consent';
import { exportMyData, personalDataFile } from './export';
import { buildPersonWithData } from './testing';
import { SECTION_KEYS } from './types';

let database: Database;
beforeAll(async () => {
	database = await createTestDb();
});
afterAll(() => database?.close());

describe('exportMyData', () => {
	let alice: Awaited<ReturnType<typeof buildPersonWithData>>;
	let bob: Awaited<ReturnType<typeof buildPersonWithData>>;
	beforeAll(async () => {
		alice = await buildPersonWithData(database.db, 'Stadt Alpha', 'AliceXq7');
		bob = await buildPersonWithData(database.db, 'Landkreis Beta', 'BobZk4');
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
