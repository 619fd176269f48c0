import { withTenant } from '../context';
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { testCtx, useTestSetup } from '../db/testing/test-db';
import type { Db } from '../db/client';
import { actorCtx } from '../db/testing/test-actors';
import {
	buildContact,
	buildOffer,
	buildOrganization,
	buildTenant,
	buildUser,
	grantRole
} from '../factories';
import { loadActor } from '../auth/sessions';
import { auditLog } from '../audit/schema';
import { outbox } from '../mail/schema';
import { NotFoundError, ValidationError } from '../errors';
import { offers, offerTexts, revisions } from './schema';
import { getOffer } from './get-offer';
import { createOffer, updateOffer } from './save-offer';
import { changeOfferStatus } from './status';
import { offerFormValues } from './state';
import { offerInputFromForm } from './validation';
import { approveRevision, getRevision, listPendingRevisions, rejectRevision } from './revisions';
import { updateOrganization } from '../organizations/organizations';
import { organizations } from '../organizations/schema';
import { organizationFormValues, organizationStateFrom } from '../organizations/state';
import { organizationInput, organizationInputFromForm } from '../organizations/validation';

const setup = useTestSetup(async (db: Db, orgOverrides: { trusted?: boolean } = {}) => {
	const tenant = await buildTenant(db);
	const org = await buildOrganization(db, tenant.id, {
		name: 'Sprachschule Isar',
		...orgOverrides
	});
	const otherOrg = await buildOrganization(db, tenant.id, { name: 'Andere Organisation' });
	const offer = await buildOffer(db, tenant.id, org.id, {
		title: 'Deutschkurs am Vormittag',
		description: 'Für Anfänger:innen',
		texts: [{ locale: 'en', title: 'German course in the morning', state: 'reviewed' }]
	});
	const otherOffer = await buildOffer(db, tenant.id, otherOrg.id, { title: 'Fremdes Angebot' });
	const coordinatorCtx = await actorCtx(db, tenant, 'coordinator', {
		user: { name: 'Koordination' }
	});
	const editorCtx = await actorCtx(db, tenant, 'editor', {
		orgs: [org.id],
		user: { name: 'Redaktion Isar', locale: 'en' }
	});
	const memberCtx = await actorCtx(db, tenant, 'member');
	return {
		db,
		tenant,
		org,
		otherOrg,
		offer,
		otherOffer,
		coordinator: coordinatorCtx.actor!,
		editor: editorCtx.actor!,
		coordinatorCtx,
		editorCtx,
		memberCtx
	};
});

/** The edit form of an offer as it is now, with some fields changed. */
async function formFor(
	s: Awaited<ReturnType<typeof setup>>,
	offerId: string,
	changes: Record<string, string | string[]>
) {
	const detail = await getOffer(withTenant(s.coordinatorCtx, s.tenant), { offerId: offerId });
	// the factory's offers have no place: call them mobile
	return offerInputFromForm({
		...offerFormValues(detail.state),
		locationKind: 'mobile',
		...changes
	});
}

async function germanTitle(s: Awaited<ReturnType<typeof setup>>, offerId: string) {
	const [row] = await s.db
		.select({ title: offerTexts.title })
		.from(offerTexts)
		.where(and(eq(offerTexts.offerId, offerId), eq(offerTexts.locale, 'de')));
	return row.title;
}

describe('review of changes to published offers', () => {
	it('an editor’s change to a published offer waits as a revision; the live offer stays', async () => {
		const s = await setup();
		const input = await formFor(s, s.offer.id, {
			locationKind: 'mobile',
			text_de_title: 'Deutschkurs am Nachmittag'
		});
		const result = await updateOffer(withTenant(s.editorCtx, s.tenant), {
			...input,
			offerId: s.offer.id
		});
		expect(result.outcome).toBe('pending');
		expect(await germanTitle(s, s.offer.id)).toBe('Deutschkurs am Vormittag');
		const [rev] = await s.db
			.select()
			.from(revisions)
			.where(and(eq(revisions.entityId, s.offer.id), eq(revisions.status, 'pending')));
		expect(rev.submittedBy).toBe(s.editor.userId);
		const queue = await listPendingRevisions(withTenant(s.coordinatorCtx, s.tenant));
		expect(queue.items.map((i) => [i.id, i.entityName, i.submittedByName])).toEqual([
			[rev.id, 'Deutschkurs am Vormittag', 'Redaktion Isar']
		]);
		const detail = await getRevision(withTenant(s.coordinatorCtx, s.tenant), {
			revisionId: rev.id
		});
		expect(detail.changes).toContainEqual({
			field: 'title',
			locale: 'de',
			kind: 'text',
			before: 'Deutschkurs am Vormittag',
			after: 'Deutschkurs am Nachmittag'
		});
		// the untouched English text becomes outdated because the German one changed
		expect(detail.changes).toContainEqual({
			field: 'translationState',
			locale: 'en',
			kind: 'enum',
			before: 'reviewed',
			after: 'outdated'
		});
	});

	it('approval puts the change live, is audited and mails the submitter', async () => {
		const s = await setup();
		const input = await formFor(s, s.offer.id, {
			locationKind: 'mobile',
			text_de_title: 'Deutschkurs am Abend'
		});
		await updateOffer(withTenant(s.editorCtx, s.tenant), { ...input, offerId: s.offer.id });
		const [rev] = await s.db.select().from(revisions).where(eq(revisions.entityId, s.offer.id));
		const longAgo = new Date('2020-01-01T00:00:00Z');
		await s.db.update(offers).set({ lastConfirmedAt: longAgo }).where(eq(offers.id, s.offer.id));
		await approveRevision(withTenant(s.coordinatorCtx, s.tenant), {
			note: 'Danke!',
			revisionId: rev.id
		});
		expect(await germanTitle(s, s.offer.id)).toBe('Deutschkurs am Abend');
		const [offer] = await s.db.select().from(offers).where(eq(offers.id, s.offer.id));
		expect(offer.locationKind).toBe('mobile');
		expect(offer.status).toBe('published');
		// a reviewed change counts as a confirmation that the offer is current
		expect(offer.lastConfirmedAt!.getTime()).toBeGreaterThan(longAgo.getTime());
		const [after] = await s.db.select().from(revisions).where(eq(revisions.id, rev.id));
		expect(after).toMatchObject({
			status: 'approved',
			decidedBy: s.coordinator.userId,
			decisionNote: 'Danke!'
		});
		const [audit] = await s.db
			.select()
			.from(auditLog)
			.where(
				and(eq(auditLog.tenantId, s.tenant.id), eq(auditLog.action, 'offer.revision_approve'))
			);
		expect(audit.actorId).toBe(s.coordinator.userId);
		expect(JSON.stringify(audit.before)).toContain('Deutschkurs am Vormittag');
		expect(JSON.stringify(audit.after)).toContain('Deutschkurs am Abend');
		const mails = await s.db.select().from(outbox).where(eq(outbox.tenantId, s.tenant.id));
		expect(mails).toHaveLength(1);
		expect(mails[0].payload.to).toBe(s.editor.email);
		// the editor chose English for their account
		expect(mails[0].payload.subject).toBe(
			'Your change to “Deutschkurs am Abend” has been approved'
		);
		expect(mails[0].payload.text).toContain('Danke!');
		expect(mails[0].payload.text).toContain(`/angebote/${s.offer.id}`);
		// decided once only
		await expect(
			approveRevision(withTenant(s.coordinatorCtx, s.tenant), { revisionId: rev.id })
		).rejects.toBeInstanceOf(ValidationError);
	});

	it('rejection keeps the live offer, needs a reason and mails it to the submitter', async () => {
		const s = await setup();
		const input = await formFor(s, s.offer.id, { text_de_title: 'Werbung!!!' });
		await updateOffer(withTenant(s.editorCtx, s.tenant), { ...input, offerId: s.offer.id });
		const [rev] = await s.db.select().from(revisions).where(eq(revisions.entityId, s.offer.id));
		await expect(
			rejectRevision(withTenant(s.coordinatorCtx, s.tenant), { note: '  ', revisionId: rev.id })
		).rejects.toMatchObject({ fieldErrors: { note: 'offers_error_reject_note_required' } });
		await rejectRevision(withTenant(s.coordinatorCtx, s.tenant), {
			note: 'Bitte sachlich bleiben.',
			revisionId: rev.id
		});
		expect(await germanTitle(s, s.offer.id)).toBe('Deutschkurs am Vormittag');
		const [after] = await s.db.select().from(revisions).where(eq(revisions.id, rev.id));
		expect(after.status).toBe('rejected');
		const audits = await s.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.tenantId, s.tenant.id), eq(auditLog.action, 'offer.revision_reject')));
		expect(audits).toHaveLength(1);
		const [mail] = await s.db.select().from(outbox).where(eq(outbox.tenantId, s.tenant.id));
		expect(mail.payload.subject).toContain('was not accepted');
		expect(mail.payload.text).toContain('Bitte sachlich bleiben.');
	});

	it('a newer proposal supersedes the older one', async () => {
		const s = await setup();
		await updateOffer(withTenant(s.editorCtx, s.tenant), {
			...(await formFor(s, s.offer.id, { text_de_title: 'Erster Vorschlag' })),
			offerId: s.offer.id
		});
		await updateOffer(withTenant(s.editorCtx, s.tenant), {
			...(await formFor(s, s.offer.id, { text_de_title: 'Zweiter Vorschlag' })),
			offerId: s.offer.id
		});
		const rows = await s.db.select().from(revisions).where(eq(revisions.entityId, s.offer.id));
		expect(rows.map((r) => r.status).sort()).toEqual(['pending', 'superseded']);
	});

	it('changes of a trusted organisation’s editor go live at once', async () => {
		const s = await setup({ trusted: true });
		const input = await formFor(s, s.offer.id, { text_de_title: 'Sofort sichtbar' });
		expect(
			(await updateOffer(withTenant(s.editorCtx, s.tenant), { ...input, offerId: s.offer.id }))
				.outcome
		).toBe('live');
		expect(await germanTitle(s, s.offer.id)).toBe('Sofort sichtbar');
		expect(await s.db.select().from(revisions).where(eq(revisions.entityId, s.offer.id))).toEqual(
			[]
		);
	});

	it('coordinators’ changes and changes to drafts go live at once', async () => {
		const s = await setup();
		const input = await formFor(s, s.offer.id, { text_de_title: 'Von der Koordination' });
		expect(
			(await updateOffer(withTenant(s.coordinatorCtx, s.tenant), { ...input, offerId: s.offer.id }))
				.outcome
		).toBe('live');
		const draft = await buildOffer(s.db, s.tenant.id, s.org.id, {
			status: 'draft',
			title: 'Entwurf'
		});
		const draftInput = await formFor(s, draft.id, { text_de_title: 'Entwurf, überarbeitet' });
		expect(
			(await updateOffer(withTenant(s.editorCtx, s.tenant), { ...draftInput, offerId: draft.id }))
				.outcome
		).toBe('live');
		expect(await germanTitle(s, draft.id)).toBe('Entwurf, überarbeitet');
	});

	it('an editor cannot touch another organisation’s offer; a member cannot edit at all', async () => {
		const s = await setup();
		const input = await formFor(s, s.otherOffer.id, { text_de_title: 'Gekapert' });
		await expect(
			updateOffer(withTenant(s.editorCtx, s.tenant), { ...input, offerId: s.otherOffer.id })
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(
			updateOffer(withTenant(s.memberCtx, s.tenant), { ...input, offerId: s.offer.id })
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(
			createOffer(withTenant(s.memberCtx, s.tenant), { ...input, organizationId: s.org.id })
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(
			createOffer(withTenant(s.editorCtx, s.tenant), { ...input, organizationId: s.otherOrg.id })
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(
			changeOfferStatus(withTenant(s.editorCtx, s.tenant), {
				offerId: s.otherOffer.id,
				action: 'submit'
			})
		).rejects.toBeInstanceOf(NotFoundError);
		// another tenant's coordinator sees nothing either
		const elsewhere = await buildTenant(s.db);
		const stranger = await buildUser(s.db);
		await grantRole(s.db, elsewhere.id, stranger.id, 'coordinator');
		const strangerCtx = testCtx(s.db, await loadActor(s.db, stranger.id));
		await expect(
			getOffer(withTenant(strangerCtx, s.tenant), { offerId: s.offer.id })
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(
			getOffer(withTenant(strangerCtx, elsewhere), { offerId: s.offer.id })
		).rejects.toBeInstanceOf(NotFoundError);
		expect(await germanTitle(s, s.otherOffer.id)).toBe('Fremdes Angebot');
		// and a malformed id is simply not found
		await expect(
			getOffer(withTenant(s.coordinatorCtx, s.tenant), { offerId: 'not-a-uuid' })
		).rejects.toBeInstanceOf(NotFoundError);
	});

	it('only reviewers see the queue and decide', async () => {
		const s = await setup();
		await updateOffer(withTenant(s.editorCtx, s.tenant), {
			...(await formFor(s, s.offer.id, { text_de_title: 'Vorschlag' })),
			offerId: s.offer.id
		});
		const [rev] = await s.db.select().from(revisions).where(eq(revisions.entityId, s.offer.id));
		await expect(listPendingRevisions(withTenant(s.editorCtx, s.tenant))).rejects.toBeInstanceOf(
			NotFoundError
		);
		await expect(
			approveRevision(withTenant(s.editorCtx, s.tenant), { revisionId: rev.id })
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(
			rejectRevision(withTenant(s.memberCtx, s.tenant), { note: 'nein', revisionId: rev.id })
		).rejects.toBeInstanceOf(NotFoundError);
		expect(await germanTitle(s, s.offer.id)).toBe('Deutschkurs am Vormittag');
	});
});

describe('status workflow', () => {
	it('editor creates a draft and submits it; the coordinator publishes it', async () => {
		const s = await setup();
		const contact = await buildContact(s.db, s.tenant.id, s.org.id);
		const { id } = await createOffer(withTenant(s.editorCtx, s.tenant), {
			...offerInputFromForm({
				text_de_title: 'Elterncafé',
				locationKind: 'place',
				place_0_name: 'Familienzentrum',
				place_0_city: 'Landshut',
				scheduleKind: 'recurring',
				weekdays: ['2', '4'],
				timeStart: '15:00',
				timeEnd: '17:00',
				costKind: 'free',
				contactId: contact.id,
				validFrom: '2030-01-01'
			}),
			organizationId: s.org.id
		});
		const [created] = await s.db.select().from(offers).where(eq(offers.id, id));
		expect(created).toMatchObject({
			status: 'draft',
			rrule: 'FREQ=WEEKLY;BYDAY=TU,TH',
			weekdays: [2, 4],
			contactId: contact.id
		});
		// 2030-01-01 is a Tuesday; 15:00 in Berlin is 14:00 UTC in winter
		expect(created.startsAt!.toISOString()).toBe('2030-01-01T14:00:00.000Z');
		expect(created.endsAt!.toISOString()).toBe('2030-01-01T16:00:00.000Z');
		await expect(
			changeOfferStatus(withTenant(s.editorCtx, s.tenant), { offerId: id, action: 'publish' })
		).rejects.toBeInstanceOf(NotFoundError);
		await changeOfferStatus(withTenant(s.editorCtx, s.tenant), { offerId: id, action: 'submit' });
		await changeOfferStatus(withTenant(s.coordinatorCtx, s.tenant), {
			offerId: id,
			action: 'publish'
		});
		const [published] = await s.db.select().from(offers).where(eq(offers.id, id));
		expect(published.status).toBe('published');
		expect(published.publishedAt).not.toBeNull();
		expect(published.lastConfirmedAt).not.toBeNull();
		await expect(
			changeOfferStatus(withTenant(s.editorCtx, s.tenant), { offerId: id, action: 'submit' })
		).rejects.toBeInstanceOf(ValidationError);
	});

	it('returning an offer to draft mails the organisation’s editors', async () => {
		const s = await setup();
		await s.db.update(offers).set({ status: 'in_review' }).where(eq(offers.id, s.offer.id));
		await changeOfferStatus(withTenant(s.coordinatorCtx, s.tenant), {
			offerId: s.offer.id,
			action: 'return',
			note: 'Ort fehlt.'
		});
		const [row] = await s.db.select().from(offers).where(eq(offers.id, s.offer.id));
		expect(row.status).toBe('draft');
		const mails = await s.db.select().from(outbox).where(eq(outbox.tenantId, s.tenant.id));
		expect(mails.map((m) => m.payload.to)).toEqual([s.editor.email]);
		expect(mails[0].payload.text).toContain('Ort fehlt.');
	});
});

describe('review of changes to published organisations', () => {
	async function orgForm(s: Awaited<ReturnType<typeof setup>>, changes: Record<string, string>) {
		const [org] = await s.db.select().from(organizations).where(eq(organizations.id, s.org.id));
		const state = organizationStateFrom(
			organizationInput.parse(
				organizationInputFromForm({ name: org.name, wheelchairAccessible: '' })
			),
			null
		);
		return organizationInputFromForm({ ...organizationFormValues(state), ...changes });
	}

	it('an editor’s change waits for approval; approval applies it', async () => {
		const s = await setup();
		const input = await orgForm(s, { name: 'Sprachschule Isar e. V.', city: 'Landshut' });
		expect(
			(
				await updateOrganization(withTenant(s.editorCtx, s.tenant), {
					...input,
					organizationId: s.org.id
				})
			).outcome
		).toBe('pending');
		const [live] = await s.db.select().from(organizations).where(eq(organizations.id, s.org.id));
		expect(live.name).toBe('Sprachschule Isar');
		const [rev] = await s.db.select().from(revisions).where(eq(revisions.entityId, s.org.id));
		const detail = await getRevision(withTenant(s.coordinatorCtx, s.tenant), {
			revisionId: rev.id
		});
		expect(detail.entityType).toBe('organization');
		expect(detail.changes.map((c) => c.field)).toEqual(['name', 'city']);
		await approveRevision(withTenant(s.coordinatorCtx, s.tenant), { revisionId: rev.id });
		const [after] = await s.db.select().from(organizations).where(eq(organizations.id, s.org.id));
		expect(after).toMatchObject({ name: 'Sprachschule Isar e. V.', city: 'Landshut' });
	});

	it('an editor cannot change another organisation; a trusted one changes at once', async () => {
		const s = await setup();
		const input = await orgForm(s, { name: 'Übernommen' });
		await expect(
			updateOrganization(withTenant(s.editorCtx, s.tenant), {
				...input,
				organizationId: s.otherOrg.id
			})
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(
			updateOrganization(withTenant(s.memberCtx, s.tenant), { ...input, organizationId: s.org.id })
		).rejects.toBeInstanceOf(NotFoundError);
		await s.db.update(organizations).set({ trusted: true }).where(eq(organizations.id, s.org.id));
		expect(
			(
				await updateOrganization(withTenant(s.editorCtx, s.tenant), {
					...input,
					organizationId: s.org.id
				})
			).outcome
		).toBe('live');
		const [after] = await s.db.select().from(organizations).where(eq(organizations.id, s.org.id));
		expect(after.name).toBe('Übernommen');
	});
});
