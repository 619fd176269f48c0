/**
 * The review queue: coordinators see editors' proposed changes to published offers and
 * organisations with a readable diff, and approve (the change goes live) or reject them.
 * Either way the submitter gets a mail through the outbox; everything is audited.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { TenantCtx } from '../context';
import type { Executor } from '../db/client';
import { authorize } from '../auth/policy';
import { NotFoundError, ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import { enqueueMail } from '../mail/enqueue';
import { users } from '../auth/schema';
import { tenants } from '../tenants/schema';
import { contacts, organizations, organizationTypes } from '../organizations/schema';
import { fieldsOfAction } from '../fields-of-action/schema';
import { fieldName } from '../fields-of-action/service';
import {
	applyOrganizationState,
	loadOrganizationState,
	type OrganizationState
} from '../organizations/state';
import { recipientById } from '../organizations/editors';
import { offers, offerTexts, revisions } from './schema';
import { applyOfferState, loadOfferState, type OfferState } from './state';
import { markConfirmed } from './status';
import { diffOfferStates, diffOrganizationStates, type DiffEntry, type Lookups } from './diff';
import { revisionDecisionMail } from './mails';
import { parseOrThrow, optionalText, requireUuid, totalOf, totalRows } from '../shared';

export const REVIEW_PAGE_SIZE = 25;

export interface RevisionListItem {
	id: string;
	entityType: 'offer' | 'organization';
	entityId: string;
	/** the offer's German title or the organisation's name */
	entityName: string;
	organizationName: string;
	submittedAt: Date;
	submittedByName: string | null;
}

/** Pending proposals of the tenant, oldest first (first come, first served). */
export async function listPendingRevisions(
	ctx: TenantCtx,
	input: { page?: number; size?: number } = {}
): Promise<{ items: RevisionListItem[]; page: number; hasMore: boolean; total: number }> {
	const tenantId = ctx.tenant.id;
	const page = input.page ?? 1;
	const size = input.size ?? REVIEW_PAGE_SIZE;
	authorize(ctx.actor, 'offer.review', { tenantId });
	const p = Math.max(1, Math.min(10_000, Math.floor(page)));
	const rows = await ctx.db
		.select({
			total: totalRows(),
			id: revisions.id,
			entityType: revisions.entityType,
			entityId: revisions.entityId,
			submittedAt: revisions.submittedAt,
			submittedByName: users.name,
			offerTitle: sql<
				string | null
			>`(select ${offerTexts.title} from ${offerTexts} where ${offerTexts.offerId} = ${revisions.entityId} and ${offerTexts.locale} = 'de')`,
			organizationName: sql<string | null>`coalesce(
				(select ${organizations.name} from ${organizations} where ${organizations.id} = ${revisions.entityId} and ${organizations.tenantId} = ${tenantId}),
				(select ${organizations.name} from ${offers} join ${organizations} on ${organizations.id} = ${offers.organizationId} where ${offers.id} = ${revisions.entityId} and ${offers.tenantId} = ${tenantId}))`
		})
		.from(revisions)
		.leftJoin(users, eq(users.id, revisions.submittedBy))
		.where(and(eq(revisions.tenantId, tenantId), eq(revisions.status, 'pending')))
		.orderBy(asc(revisions.submittedAt), asc(revisions.id))
		.limit(size + 1)
		.offset((p - 1) * size);
	return {
		page: p,
		hasMore: rows.length > size,
		// all pending changes (0 on a page past the last)
		total: totalOf(rows),
		items: rows.slice(0, size).map((r) => ({
			id: r.id,
			entityType: r.entityType,
			entityId: r.entityId,
			entityName:
				(r.entityType === 'offer' ? r.offerTitle : r.organizationName) ?? r.organizationName ?? '',
			organizationName: r.organizationName ?? '',
			submittedAt: r.submittedAt,
			submittedByName: r.submittedByName
		}))
	};
}

export interface RevisionDetail extends RevisionListItem {
	status: 'pending' | 'approved' | 'rejected' | 'superseded';
	decidedAt: Date | null;
	decisionNote: string | null;
	changes: DiffEntry[];
}

async function findRevision(db: Executor, tenantId: string, id: string, lock = false) {
	const q = db
		.select()
		.from(revisions)
		.where(and(eq(revisions.id, id), eq(revisions.tenantId, tenantId)));
	const [row] = lock ? await q.for('update') : await q;
	if (!row) throw new NotFoundError();
	return row;
}

/** The live record behind a revision, locked when asked (it will be written). */
async function liveEntity(
	db: Executor,
	tenantId: string,
	rev: typeof revisions.$inferSelect,
	lock = false
) {
	if (rev.entityType === 'offer') {
		const q = db
			.select({ offer: offers, org: organizations })
			.from(offers)
			.innerJoin(organizations, eq(organizations.id, offers.organizationId))
			.where(and(eq(offers.id, rev.entityId), eq(offers.tenantId, tenantId)));
		const [row] = lock ? await q.for('update', { of: offers }) : await q;
		if (!row) throw new NotFoundError();
		const state = await loadOfferState(db, row.offer);
		const title = state.texts.find((t) => t.locale === 'de')?.title ?? '';
		return {
			kind: 'offer' as const,
			state,
			name: title,
			organizationName: row.org.name,
			organizationId: row.org.id
		};
	}
	const q = db
		.select()
		.from(organizations)
		.where(and(eq(organizations.id, rev.entityId), eq(organizations.tenantId, tenantId)));
	const [org] = lock ? await q.for('update') : await q;
	if (!org) throw new NotFoundError();
	return {
		kind: 'organization' as const,
		state: await loadOrganizationState(db, org),
		name: org.name,
		organizationName: org.name,
		organizationId: org.id
	};
}

async function lookups(db: Executor, tenantId: string, states: unknown[]): Promise<Lookups> {
	const ids = (key: string) =>
		[
			...new Set(
				states.flatMap((s) => {
					const v = (s as Record<string, unknown>)[key];
					return Array.isArray(v) ? v : v ? [v] : [];
				})
			)
		] as string[];
	const fieldIds = ids('fieldOfActionId');
	const contactIds = ids('contactId');
	const municipalityIds = ids('municipalityIds');
	const typeIds = ids('typeId');
	const [fields, people, places, types] = await Promise.all([
		fieldIds.length
			? db
					.select({ id: fieldsOfAction.id, names: fieldsOfAction.names })
					.from(fieldsOfAction)
					.where(and(eq(fieldsOfAction.tenantId, tenantId), inArray(fieldsOfAction.id, fieldIds)))
			: [],
		contactIds.length
			? db
					.select({ id: contacts.id, name: contacts.name })
					.from(contacts)
					.where(and(eq(contacts.tenantId, tenantId), inArray(contacts.id, contactIds)))
			: [],
		municipalityIds.length
			? db
					.select({ id: tenants.id, name: tenants.name })
					.from(tenants)
					.where(and(eq(tenants.parentId, tenantId), inArray(tenants.id, municipalityIds)))
			: [],
		typeIds.length
			? db
					.select({ id: organizationTypes.id, name: organizationTypes.name })
					.from(organizationTypes)
					.where(
						and(eq(organizationTypes.tenantId, tenantId), inArray(organizationTypes.id, typeIds))
					)
			: []
	]);
	return {
		fieldOfAction: Object.fromEntries(fields.map((f) => [f.id, fieldName(f.names, 'de')])),
		contact: Object.fromEntries(people.map((c) => [c.id, c.name])),
		municipality: Object.fromEntries(places.map((t) => [t.id, t.name])),
		type: Object.fromEntries(types.map((t) => [t.id, t.name]))
	};
}

/** One proposal with what it changes compared with the live record now. */
export async function getRevision(
	ctx: TenantCtx,
	input: { revisionId: string }
): Promise<RevisionDetail> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'offer.review', { tenantId });
	const id = requireUuid(input.revisionId);
	const rev = await findRevision(ctx.db, tenantId, id);
	const live = await liveEntity(ctx.db, tenantId, rev);
	const proposed = (rev.proposed as { state: unknown }).state;
	const l = await lookups(ctx.db, tenantId, [live.state, proposed]);
	const changes =
		live.kind === 'offer'
			? diffOfferStates(live.state, proposed as OfferState, l)
			: diffOrganizationStates(live.state, proposed as OrganizationState, l);
	const submitter = rev.submittedBy
		? (
				await ctx.db.select({ name: users.name }).from(users).where(eq(users.id, rev.submittedBy))
			)[0]
		: undefined;
	return {
		id: rev.id,
		entityType: rev.entityType,
		entityId: rev.entityId,
		entityName: live.name,
		organizationName: live.organizationName,
		submittedAt: rev.submittedAt,
		submittedByName: submitter?.name ?? null,
		status: rev.status,
		decidedAt: rev.decidedAt,
		decisionNote: rev.decisionNote,
		changes
	};
}

/**
 * A proposal may name a contact, field of action or type that was deleted since it was made;
 * those references are dropped (as the live record's foreign keys would have done).
 */
async function withoutStaleReferences(
	tx: Executor,
	tenantId: string,
	organizationId: string,
	proposed: unknown
): Promise<unknown> {
	const s = { ...(proposed as Record<string, unknown>) };
	const l = await lookups(tx, tenantId, [s]);
	if (typeof s.fieldOfActionId === 'string' && !l.fieldOfAction?.[s.fieldOfActionId])
		s.fieldOfActionId = null;
	if (typeof s.typeId === 'string' && !l.type?.[s.typeId]) s.typeId = null;
	if (typeof s.contactId === 'string') {
		const [c] = await tx
			.select({ id: contacts.id })
			.from(contacts)
			.where(
				and(
					eq(contacts.id, s.contactId),
					eq(contacts.tenantId, tenantId),
					eq(contacts.organizationId, organizationId)
				)
			);
		if (!c) s.contactId = null;
	}
	return s;
}

const decisionInput = z.object({
	note: optionalText(2000, 'offers_error_note_too_long').default('')
});
const rejectInput = z.object({
	note: z
		.string()
		.trim()
		.min(1, { error: 'offers_error_reject_note_required' })
		.max(2000, { error: 'offers_error_note_too_long' })
});

async function decide(
	ctx: TenantCtx,
	id: string,
	approved: boolean,
	note: string | null
): Promise<void> {
	const tenantId = ctx.tenant.id;
	await ctx.db.transaction(async (tx) => {
		const rev = await findRevision(tx, tenantId, id, true);
		if (rev.status !== 'pending')
			throw new ValidationError({ form: 'offers_error_already_decided' });
		const live = await liveEntity(tx, tenantId, rev, true);
		const proposed = (rev.proposed as { state: unknown }).state;
		const now = new Date();
		if (approved) {
			const clean = await withoutStaleReferences(tx, tenantId, live.organizationId, proposed);
			if (live.kind === 'offer') {
				await applyOfferState(tx, tenantId, rev.entityId, clean as OfferState);
				await markConfirmed(tx, tenantId, rev.entityId);
			} else await applyOrganizationState(tx, tenantId, rev.entityId, clean as OrganizationState);
		}
		await tx
			.update(revisions)
			.set({
				status: approved ? 'approved' : 'rejected',
				decidedBy: ctx.actor?.userId ?? null,
				decidedAt: now,
				decisionNote: note
			})
			.where(eq(revisions.id, rev.id));
		await recordAudit(tx, ctx, {
			tenantId,
			action: `${rev.entityType}.revision_${approved ? 'approve' : 'reject'}`,
			entityType: rev.entityType,
			entityId: rev.entityId,
			before: live.state,
			after: approved
				? { revisionId: rev.id, note, state: proposed }
				: { revisionId: rev.id, note, rejected: proposed }
		});
		const submitter = await recipientById(tx, rev.submittedBy);
		if (submitter) {
			const path =
				rev.entityType === 'offer' ? `angebote/${rev.entityId}` : `organisationen/${rev.entityId}`;
			const title =
				rev.entityType === 'offer'
					? ((proposed as OfferState).texts.find((t) => t.locale === 'de')?.title ?? live.name)
					: live.name;
			await enqueueMail(
				tx,
				tenantId,
				revisionDecisionMail({
					to: submitter.email,
					name: submitter.name,
					title,
					approved,
					note,
					link: `${ctx.origin}/app/${ctx.tenant.slug}/${path}`,
					locale: submitter.locale
				})
			);
		}
	});
}

/** Approves a proposal: the proposed state becomes the live record. */
export async function approveRevision(
	ctx: TenantCtx,
	input: { revisionId: string; note?: unknown }
): Promise<void> {
	authorize(ctx.actor, 'offer.review', { tenantId: ctx.tenant.id });
	const id = requireUuid(input.revisionId);
	const parsed = parseOrThrow(decisionInput, input);
	await decide(ctx, id, true, parsed.note);
}

/** Rejects a proposal with a note for the submitter; the live record stays as it is. */
export async function rejectRevision(
	ctx: TenantCtx,
	input: { revisionId: string; note?: unknown }
): Promise<void> {
	authorize(ctx.actor, 'offer.review', { tenantId: ctx.tenant.id });
	const id = requireUuid(input.revisionId);
	const parsed = parseOrThrow(rejectInput, input);
	await decide(ctx, id, false, parsed.note);
}
