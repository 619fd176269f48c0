import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useTestSetup } from '../db/testing/test-db';
import type { Db } from '../db/client';
import { actorCtx } from '../db/testing/test-actors';
import { buildContact, buildOrganization, buildTenant } from '../factories';
import { auditLog } from '../audit/schema';
import { NotFoundError, ValidationError } from '../errors';
import {
	addContact,
	DEFAULT_CONSENT_TEXT,
	listContacts,
	publicContacts,
	publicContactsByIds,
	recordConsent,
	removeContact,
	updateContact,
	withdrawConsent
} from './contacts';
import { removeLogo } from './logos';
import { contacts } from './schema';
import { withTenant } from '../context';

const setup = useTestSetup(async (db: Db) => {
	const tenant = await buildTenant(db);
	const org = await buildOrganization(db, tenant.id);
	const otherOrg = await buildOrganization(db, tenant.id);
	const coordinatorCtx = await actorCtx(db, tenant, 'coordinator');
	const editorCtx = await actorCtx(db, tenant, 'editor', { orgs: [org.id] });
	const memberCtx = await actorCtx(db, tenant, 'member');
	return { db, tenant, org, otherOrg, editorCtx, memberCtx, coordinatorCtx };
});

describe('consent decides whether a contact person is public', () => {
	it('without consent: not public; with consent: public; withdrawn: not public again', async () => {
		const s = await setup();
		const { id } = await addContact(withTenant(s.editorCtx, s.tenant), {
			name: 'Aylin Demir',
			role: 'Beratung',
			phone: '0871 123456',
			email: 'Aylin.Demir@Example.org',
			organizationId: s.org.id
		});
		expect(await publicContacts(s.db, s.tenant.id, [s.org.id])).toEqual([]);
		expect(await publicContactsByIds(s.db, s.tenant.id, [id])).toEqual([]);

		await recordConsent(withTenant(s.editorCtx, s.tenant), {
			consentText: DEFAULT_CONSENT_TEXT,
			confirmed: true,
			organizationId: s.org.id,
			contactId: id
		});
		const shown = await publicContacts(s.db, s.tenant.id, [s.org.id]);
		expect(shown).toEqual([
			{
				id,
				organizationId: s.org.id,
				name: 'Aylin Demir',
				role: 'Beratung',
				phone: '0871 123456',
				email: 'aylin.demir@example.org'
			}
		]);
		// the public view carries no consent data
		expect(Object.keys(shown[0])).not.toContain('consentText');
		const [row] = await s.db.select().from(contacts).where(eq(contacts.id, id));
		expect(row.consentText).toBe(DEFAULT_CONSENT_TEXT);
		expect(row.consentGivenAt).not.toBeNull();

		await withdrawConsent(withTenant(s.editorCtx, s.tenant), {
			organizationId: s.org.id,
			contactId: id
		});
		expect(await publicContacts(s.db, s.tenant.id, [s.org.id])).toEqual([]);
		const [after] = await s.db.select().from(contacts).where(eq(contacts.id, id));
		// the record of what was agreed stays
		expect(after.consentText).toBe(DEFAULT_CONSENT_TEXT);
		expect(after.consentWithdrawnAt).not.toBeNull();
		const list = await listContacts(withTenant(s.editorCtx, s.tenant), {
			organizationId: s.org.id
		});
		expect(list.map((c) => c.isPublic)).toEqual([false]);

		const audits = await s.db
			.select({ action: auditLog.action })
			.from(auditLog)
			.where(and(eq(auditLog.tenantId, s.tenant.id), eq(auditLog.entityId, id)));
		expect(audits.map((a) => a.action).sort()).toEqual([
			'contact.consent_record',
			'contact.consent_withdraw',
			'contact.create'
		]);
	});

	it('consent needs the text and the confirmation; a date may not lie ahead', async () => {
		const s = await setup();
		const c = await buildContact(s.db, s.tenant.id, s.org.id);
		await expect(
			recordConsent(withTenant(s.editorCtx, s.tenant), {
				consentText: '',
				confirmed: false,
				organizationId: s.org.id,
				contactId: c.id
			})
		).rejects.toMatchObject({
			fieldErrors: {
				consentText: 'org_error_consent_text_required',
				confirmed: 'org_error_consent_confirm'
			}
		});
		await expect(
			recordConsent(withTenant(s.editorCtx, s.tenant), {
				consentText: DEFAULT_CONSENT_TEXT,
				confirmed: true,
				givenOn: '2999-01-01',
				organizationId: s.org.id,
				contactId: c.id
			})
		).rejects.toMatchObject({ fieldErrors: { givenOn: 'org_error_date_future' } });
		await recordConsent(withTenant(s.editorCtx, s.tenant), {
			consentText: DEFAULT_CONSENT_TEXT,
			confirmed: true,
			givenOn: '2024-05-02',
			organizationId: s.org.id,
			contactId: c.id
		});
		const [row] = await s.db.select().from(contacts).where(eq(contacts.id, c.id));
		expect(row.consentGivenAt!.toISOString().slice(0, 10)).toBe('2024-05-02');
		await expect(
			withdrawConsent(withTenant(s.editorCtx, s.tenant), {
				organizationId: s.org.id,
				contactId: (await buildContact(s.db, s.tenant.id, s.org.id)).id
			})
		).rejects.toBeInstanceOf(ValidationError);
	});

	it('is tenant-scoped and per organisation', async () => {
		const s = await setup();
		const c = await buildContact(s.db, s.tenant.id, s.org.id, { consent: true });
		const elsewhere = await buildTenant(s.db);
		expect(await publicContacts(s.db, elsewhere.id, [s.org.id])).toEqual([]);
		expect(await publicContacts(s.db, s.tenant.id, [s.otherOrg.id])).toEqual([]);
		expect(
			(await publicContacts(s.db, [elsewhere.id, s.tenant.id], [s.org.id])).map((x) => x.id)
		).toEqual([c.id]);
	});
});

describe('who keeps contact persons', () => {
	it('editors only for their own organisation; members not at all', async () => {
		const s = await setup();
		const mine = await buildContact(s.db, s.tenant.id, s.org.id);
		const theirs = await buildContact(s.db, s.tenant.id, s.otherOrg.id);
		await updateContact(withTenant(s.editorCtx, s.tenant), {
			name: 'Neuer Name',
			role: '',
			phone: '',
			email: '',
			organizationId: s.org.id,
			contactId: mine.id
		});
		await expect(
			updateContact(withTenant(s.editorCtx, s.tenant), {
				name: 'X',
				organizationId: s.otherOrg.id,
				contactId: theirs.id
			})
		).rejects.toBeInstanceOf(NotFoundError);
		// nor through their own organisation's id
		await expect(
			removeContact(withTenant(s.editorCtx, s.tenant), {
				organizationId: s.org.id,
				contactId: theirs.id
			})
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(
			listContacts(withTenant(s.memberCtx, s.tenant), { organizationId: s.org.id })
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(
			addContact(withTenant(s.memberCtx, s.tenant), { name: 'X', organizationId: s.org.id })
		).rejects.toBeInstanceOf(NotFoundError);
		await removeContact(withTenant(s.coordinatorCtx, s.tenant), {
			organizationId: s.org.id,
			contactId: mine.id
		});
		expect(await s.db.select().from(contacts).where(eq(contacts.id, mine.id))).toEqual([]);
	});

	it('validates name, phone and e-mail', async () => {
		const s = await setup();
		await expect(
			addContact(withTenant(s.editorCtx, s.tenant), {
				name: ' ',
				role: '',
				phone: 'abc',
				email: 'kein-at',
				organizationId: s.org.id
			})
		).rejects.toMatchObject({
			fieldErrors: {
				name: 'org_error_contact_name_required',
				phone: 'org_error_phone_invalid',
				email: 'error_email_invalid'
			}
		});
	});
});

describe('a contact person is reached only through its own organisation', () => {
	it('update, remove, consent and withdrawal with another organisation in the URL: 404, nothing written', async () => {
		const s = await setup();
		const ctx = withTenant(s.coordinatorCtx, s.tenant);
		const theirs = await buildContact(s.db, s.tenant.id, s.otherOrg.id, { consent: true });
		const [before] = await s.db.select().from(contacts).where(eq(contacts.id, theirs.id));
		const wrong = { organizationId: s.org.id, contactId: theirs.id };
		await expect(
			updateContact(ctx, { ...wrong, name: 'Team Neu', role: '', phone: '', email: '' })
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(removeContact(ctx, wrong)).rejects.toBeInstanceOf(NotFoundError);
		await expect(
			recordConsent(ctx, { ...wrong, consentText: DEFAULT_CONSENT_TEXT, confirmed: true })
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(withdrawConsent(ctx, wrong)).rejects.toBeInstanceOf(NotFoundError);
		const [after] = await s.db.select().from(contacts).where(eq(contacts.id, theirs.id));
		expect(after).toEqual(before);
		const audits = await s.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.entityType, 'contact'), eq(auditLog.entityId, theirs.id)));
		expect(audits).toEqual([]);
	});

	it('an organisation of another tenant in the URL: 404 for its contacts and its logo', async () => {
		const s = await setup();
		const elsewhere = await buildTenant(s.db);
		const ctx = withTenant(s.coordinatorCtx, s.tenant);
		const foreignOrg = await buildOrganization(s.db, elsewhere.id);
		const foreign = await buildContact(s.db, elsewhere.id, foreignOrg.id);
		const ref = { organizationId: foreignOrg.id, contactId: foreign.id };
		await expect(listContacts(ctx, { organizationId: foreignOrg.id })).rejects.toBeInstanceOf(
			NotFoundError
		);
		await expect(
			addContact(ctx, {
				organizationId: foreignOrg.id,
				name: 'Team X',
				role: '',
				phone: '',
				email: ''
			})
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(removeContact(ctx, ref)).rejects.toBeInstanceOf(NotFoundError);
		await expect(removeLogo(ctx, { organizationId: foreignOrg.id })).rejects.toBeInstanceOf(
			NotFoundError
		);
		const rows = await s.db
			.select()
			.from(contacts)
			.where(eq(contacts.organizationId, foreignOrg.id));
		expect(rows.map((r) => r.id)).toEqual([foreign.id]);
	});
});
