/**
 * Offers in the signed-in area: list, read, create, change (with review of changes to published
 * offers), the status workflow draft → in_review → published → archived, and confirmation.
 */
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../context';
import type { Executor } from '../db/client';
import { authorize, can } from '../auth/policy';
import { NotFoundError, ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import { enqueueMail } from '../mail/enqueue';
import { users } from '../auth/schema';
import { tenants } from '../tenants/schema';
import { DEFAULT_OFFER_CONFIRMATION_MONTHS } from '../tenants/settings';
import { contacts, organizations } from '../organizations/schema';
import { fieldsOfAction } from '../fields-of-action/schema';
import { fieldName } from '../fields-of-action/service';
import { municipalitiesOf } from '../organizations/state';
import { editorsOf } from '../organizations/editors';
import { offers, offerTexts, revisions, type Offer } from './schema';
import { OFFER_STATUSES, type OfferStatus } from './vocabulary';
import { offerInput, type OfferInput } from './validation';
import { applyOfferState, loadOfferState, offerStateFrom, type OfferState } from './state';
import { pendingRevision, proposeRevision, supersedePending } from './propose';
import { isPubliclyVisible } from './visibility';
import { berlinTodaySql } from '../shared';
import { offerReturnedMail } from './mails';
import { isUuid, nestedFieldErrors, requireUuid, sameValue } from '../shared';

export const OFFERS_PAGE_SIZE = 25;

/** The tenant's confirmation period in months (settings, default 6). */
export async function confirmationMonths(db: Executor, tenantId: string): Promise<number> {
	const [row] = await db
		.select({ settings: tenants.settings })
		.from(tenants)
		.where(eq(tenants.id, tenantId));
	return row?.settings.offerConfirmationMonths ?? DEFAULT_OFFER_CONFIRMATION_MONTHS;
}

/**
 * SQL: a publicly visible offer whose last confirmation (else its publication, else its
 * creation) is older than `months` months.
 */
export function confirmationOverdue(months: number): SQL {
	return sql`(${isPubliclyVisible()} and coalesce(${offers.lastConfirmedAt}, ${offers.publishedAt}, ${offers.createdAt}) < now() - make_interval(months => ${months}::int))`;
}

/** The title in the UI language if there is one, else German. */
function titleSql(locale: string): SQL<string> {
	return sql<string>`coalesce((select ${offerTexts.title} from ${offerTexts} where ${offerTexts.offerId} = ${offers.id} and ${offerTexts.locale} = ${locale}), (select ${offerTexts.title} from ${offerTexts} where ${offerTexts.offerId} = ${offers.id} and ${offerTexts.locale} = 'de'), '')`;
}

const pendingSql = (tenantId: string) =>
	sql<boolean>`exists (select 1 from ${revisions} where ${revisions.tenantId} = ${tenantId} and ${revisions.entityType} = 'offer' and ${revisions.entityId} = ${offers.id} and ${revisions.status} = 'pending')`;

const truthy = (v: unknown) => v === true || v === 't' || v === 'true';

export interface OfferListItem {
	id: string;
	title: string;
	organizationId: string;
	organizationName: string;
	fieldName: string | null;
	status: OfferStatus;
	validTo: string | null;
	/** valid-to lies in the past (Europe/Berlin): not public even if published */
	expired: boolean;
	lastConfirmedAt: Date | null;
	confirmationOverdue: boolean;
	pendingChange: boolean;
	canEdit: boolean;
}

export interface OfferFilter {
	status?: string | null;
	organizationId?: string | null;
	overdue?: boolean;
	page?: number;
}

/** The network's offers, newest change first; filter by status, organisation, overdue. */
export async function listOffers(
	ctx: Ctx,
	tenantId: string,
	filter: OfferFilter = {}
): Promise<{ items: OfferListItem[]; page: number; hasMore: boolean; months: number }> {
	authorize(ctx.actor, 'organization.view', { tenantId });
	const actor = ctx.actor;
	const page = Math.max(1, Math.min(10_000, Math.floor(filter.page ?? 1)));
	const status = (OFFER_STATUSES as readonly string[]).includes(filter.status ?? '')
		? (filter.status as OfferStatus)
		: null;
	const organizationId = isUuid(filter.organizationId) ? filter.organizationId : null;
	const months = await confirmationMonths(ctx.db, tenantId);
	const rows = await ctx.db
		.select({
			id: offers.id,
			title: titleSql(ctx.locale),
			organizationId: offers.organizationId,
			organizationName: organizations.name,
			fieldNames: fieldsOfAction.names,
			status: offers.status,
			validTo: offers.validTo,
			expired: sql<boolean>`(${offers.validTo} is not null and ${offers.validTo} < ${berlinTodaySql()})`,
			lastConfirmedAt: offers.lastConfirmedAt,
			overdue: confirmationOverdue(months),
			pendingChange: pendingSql(tenantId)
		})
		.from(offers)
		.innerJoin(organizations, eq(organizations.id, offers.organizationId))
		.leftJoin(fieldsOfAction, eq(fieldsOfAction.id, offers.fieldOfActionId))
		.where(
			and(
				eq(offers.tenantId, tenantId),
				status ? eq(offers.status, status) : undefined,
				organizationId ? eq(offers.organizationId, organizationId) : undefined,
				filter.overdue ? confirmationOverdue(months) : undefined
			)
		)
		.orderBy(desc(offers.updatedAt), desc(offers.id))
		.limit(OFFERS_PAGE_SIZE + 1)
		.offset((page - 1) * OFFERS_PAGE_SIZE);
	return {
		page,
		months,
		hasMore: rows.length > OFFERS_PAGE_SIZE,
		items: rows.slice(0, OFFERS_PAGE_SIZE).map((r) => ({
			id: r.id,
			title: r.title,
			organizationId: r.organizationId,
			organizationName: r.organizationName,
			fieldName: r.fieldNames ? fieldName(r.fieldNames, ctx.locale) : null,
			status: r.status,
			validTo: r.validTo,
			expired: truthy(r.expired),
			lastConfirmedAt: r.lastConfirmedAt,
			confirmationOverdue: truthy(r.overdue),
			pendingChange: truthy(r.pendingChange),
			canEdit: can(actor, 'organization.edit', { tenantId, organizationId: r.organizationId })
		}))
	};
}

export interface OfferDetail {
	id: string;
	organizationId: string;
	organizationName: string;
	organizationTrusted: boolean;
	title: string;
	status: OfferStatus;
	createdAt: Date;
	updatedAt: Date;
	publishedAt: Date | null;
	lastConfirmedAt: Date | null;
	confirmationOverdue: boolean;
	expired: boolean;
	/** what the public finder shows: published and not expired */
	publiclyVisible: boolean;
	state: OfferState;
	/** an open proposal, shown to those who may edit */
	pending: {
		id: string;
		submittedAt: Date;
		submittedByName: string | null;
		proposed: OfferState;
	} | null;
	canEdit: boolean;
	canReview: boolean;
	/** an editor's change to this offer will wait for review */
	changesNeedReview: boolean;
}

async function findOffer(db: Executor, tenantId: string, id: string, lock = false) {
	const q = db
		.select({ offer: offers, org: organizations })
		.from(offers)
		.innerJoin(organizations, eq(organizations.id, offers.organizationId))
		.where(and(eq(offers.id, id), eq(offers.tenantId, tenantId)));
	const [row] = lock ? await q.for('update', { of: offers }) : await q;
	if (!row) throw new NotFoundError();
	return row;
}

function needsReview(ctx: Ctx, tenantId: string, offer: Offer, orgTrusted: boolean) {
	return (
		offer.status === 'published' && !orgTrusted && !can(ctx.actor, 'offer.review', { tenantId })
	);
}

/** One offer with its whole state (anyone who may see the network's offers). */
export async function getOffer(ctx: Ctx, tenantId: string, id: string): Promise<OfferDetail> {
	authorize(ctx.actor, 'organization.view', { tenantId });
	const actor = ctx.actor;
	requireUuid(id);
	const { offer, org } = await findOffer(ctx.db, tenantId, id);
	const months = await confirmationMonths(ctx.db, tenantId);
	const [state, flags, pending] = await Promise.all([
		loadOfferState(ctx.db, offer),
		ctx.db
			.select({
				overdue: confirmationOverdue(months),
				expired: sql<boolean>`(${offers.validTo} is not null and ${offers.validTo} < ${berlinTodaySql()})`,
				visible: sql<boolean>`${isPubliclyVisible()}`
			})
			.from(offers)
			.where(and(eq(offers.id, offer.id), eq(offers.tenantId, tenantId))),
		pendingRevision(ctx.db, tenantId, 'offer', offer.id)
	]);
	const canEdit = can(actor, 'organization.edit', { tenantId, organizationId: org.id });
	let submittedByName: string | null = null;
	if (pending?.submittedBy) {
		const [u] = await ctx.db
			.select({ name: users.name })
			.from(users)
			.where(eq(users.id, pending.submittedBy));
		submittedByName = u?.name ?? null;
	}
	const de = state.texts.find((t) => t.locale === 'de');
	const own = state.texts.find((t) => t.locale === ctx.locale);
	return {
		id: offer.id,
		organizationId: org.id,
		organizationName: org.name,
		organizationTrusted: org.trusted,
		title: own?.title ?? de?.title ?? '',
		status: offer.status,
		createdAt: offer.createdAt,
		updatedAt: offer.updatedAt,
		publishedAt: offer.publishedAt,
		lastConfirmedAt: offer.lastConfirmedAt,
		confirmationOverdue: truthy(flags[0]?.overdue),
		expired: truthy(flags[0]?.expired),
		publiclyVisible: truthy(flags[0]?.visible),
		state,
		pending:
			pending && canEdit
				? {
						id: pending.id,
						submittedAt: pending.submittedAt,
						submittedByName,
						proposed: (pending.proposed as { state: OfferState }).state
					}
				: null,
		canEdit,
		canReview: can(actor, 'offer.review', { tenantId }),
		changesNeedReview: needsReview(ctx, tenantId, offer, org.trusted)
	};
}

/** Field of action, contact and municipalities must belong to the tenant / organisation. */
async function validateReferences(
	db: Executor,
	tenantId: string,
	organizationId: string,
	input: OfferInput
) {
	const errors: Record<string, string> = {};
	if (input.fieldOfActionId) {
		const [f] = await db
			.select({ id: fieldsOfAction.id })
			.from(fieldsOfAction)
			.where(
				and(eq(fieldsOfAction.id, input.fieldOfActionId), eq(fieldsOfAction.tenantId, tenantId))
			);
		if (!f) errors.fieldOfActionId = 'offers_error_field_invalid';
	}
	if (input.contactId) {
		const [c] = await db
			.select({ id: contacts.id })
			.from(contacts)
			.where(
				and(
					eq(contacts.id, input.contactId),
					eq(contacts.tenantId, tenantId),
					eq(contacts.organizationId, organizationId)
				)
			);
		if (!c) errors.contactId = 'offers_error_contact_invalid';
	}
	if (input.municipalityIds.length > 0) {
		const allowed = new Set((await municipalitiesOf(db, tenantId)).map((m) => m.id));
		if (input.municipalityIds.some((id) => !allowed.has(id)))
			errors.municipalityIds = 'org_error_municipality_invalid';
	}
	if (Object.keys(errors).length > 0) throw new ValidationError(errors);
}

function parseOffer(raw: unknown): OfferInput {
	const parsed = offerInput.safeParse(raw);
	if (!parsed.success) throw new ValidationError(nestedFieldErrors(parsed.error));
	return parsed.data;
}

/** An editor (for their organisation) or a coordinator creates an offer as a draft. */
export async function createOffer(
	ctx: Ctx,
	tenantId: string,
	organizationId: string,
	raw: unknown
): Promise<{ id: string }> {
	authorize(ctx.actor, 'organization.edit', { tenantId, organizationId });
	if (!isUuid(organizationId))
		throw new ValidationError({ organizationId: 'offers_error_organization_invalid' });
	const input = parseOffer(raw);
	return ctx.db.transaction(async (tx) => {
		const [org] = await tx
			.select({ id: organizations.id })
			.from(organizations)
			.where(and(eq(organizations.id, organizationId), eq(organizations.tenantId, tenantId)));
		if (!org) throw new ValidationError({ organizationId: 'offers_error_organization_invalid' });
		await validateReferences(tx, tenantId, organizationId, input);
		const state = offerStateFrom(input, null);
		const [row] = await tx
			.insert(offers)
			.values({ tenantId, organizationId, status: 'draft' })
			.returning({ id: offers.id });
		await applyOfferState(tx, tenantId, row.id, state);
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'offer.create',
			entityType: 'offer',
			entityId: row.id,
			after: { organizationId, status: 'draft', ...state }
		});
		return { id: row.id };
	});
}

export type OfferChangeOutcome = 'live' | 'pending' | 'unchanged';

/**
 * Changes an offer. An editor's change to a published offer of an untrusted organisation is
 * stored as a pending revision (the live offer stays as it is) until a coordinator approves
 * it; every other change goes live at once.
 */
export async function updateOffer(
	ctx: Ctx,
	tenantId: string,
	id: string,
	raw: unknown
): Promise<{ outcome: OfferChangeOutcome }> {
	authorize(ctx.actor, 'organization.view', { tenantId });
	requireUuid(id);
	return ctx.db.transaction(async (tx) => {
		const { offer, org } = await findOffer(tx, tenantId, id, true);
		authorize(ctx.actor, 'organization.edit', { tenantId, organizationId: org.id });
		const input = parseOffer(raw);
		await validateReferences(tx, tenantId, org.id, input);
		const before = await loadOfferState(tx, offer);
		const next = offerStateFrom(input, before);
		if (needsReview(ctx, tenantId, offer, org.trusted)) {
			if (sameValue(before, next)) {
				await supersedePending(tx, tenantId, 'offer', offer.id);
				return { outcome: 'unchanged' as const };
			}
			await proposeRevision(tx, ctx, {
				tenantId,
				entityType: 'offer',
				entityId: offer.id,
				before,
				proposed: { state: next }
			});
			return { outcome: 'pending' as const };
		}
		if (sameValue(before, next)) return { outcome: 'unchanged' as const };
		await applyOfferState(tx, tenantId, offer.id, next);
		// whoever keeps an offer up to date has confirmed it
		await markConfirmed(tx, tenantId, offer.id);
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'offer.update',
			entityType: 'offer',
			entityId: offer.id,
			before,
			after: next
		});
		return { outcome: 'live' as const };
	});
}

export const STATUS_ACTIONS = ['submit', 'publish', 'return', 'archive', 'reopen'] as const;
export type StatusAction = (typeof STATUS_ACTIONS)[number];

const TRANSITIONS: Record<
	StatusAction,
	{ from: OfferStatus[]; to: OfferStatus; right: 'organization.edit' | 'offer.review' }
> = {
	submit: { from: ['draft'], to: 'in_review', right: 'organization.edit' },
	publish: { from: ['draft', 'in_review', 'archived'], to: 'published', right: 'offer.review' },
	return: { from: ['in_review'], to: 'draft', right: 'offer.review' },
	archive: { from: ['draft', 'in_review', 'published'], to: 'archived', right: 'offer.review' },
	reopen: { from: ['archived'], to: 'draft', right: 'organization.edit' }
};

/** Which status actions the actor may take on an offer now. */
export function allowedStatusActions(
	ctx: Ctx,
	tenantId: string,
	offer: { status: OfferStatus; organizationId: string }
): StatusAction[] {
	return STATUS_ACTIONS.filter((a) => {
		const t = TRANSITIONS[a];
		if (!t.from.includes(offer.status)) return false;
		if (t.right === 'offer.review') return can(ctx.actor, 'offer.review', { tenantId });
		return can(ctx.actor, 'organization.edit', { tenantId, organizationId: offer.organizationId });
	});
}

/**
 * The status workflow: editors submit drafts for review (and reopen archived offers);
 * coordinators publish, send back to draft (with a note, mailed to the editors) and archive.
 */
export async function changeOfferStatus(
	ctx: Ctx,
	tenantId: string,
	id: string,
	action: string,
	note: string | null = null
): Promise<{ status: OfferStatus }> {
	authorize(ctx.actor, 'organization.view', { tenantId });
	requireUuid(id);
	if (!(STATUS_ACTIONS as readonly string[]).includes(action)) throw new NotFoundError();
	const t = TRANSITIONS[action as StatusAction];
	const cleanNote = typeof note === 'string' && note.trim() ? note.trim().slice(0, 2000) : null;
	return ctx.db.transaction(async (tx) => {
		const { offer, org } = await findOffer(tx, tenantId, id, true);
		if (t.right === 'offer.review') authorize(ctx.actor, 'offer.review', { tenantId });
		else authorize(ctx.actor, 'organization.edit', { tenantId, organizationId: org.id });
		if (!t.from.includes(offer.status))
			throw new ValidationError({ form: 'offers_error_transition' });
		const now = new Date();
		const set: Partial<typeof offers.$inferInsert> = { status: t.to, updatedAt: now };
		if (t.to === 'published') {
			set.publishedAt = offer.publishedAt ?? now;
			set.lastConfirmedAt = now;
			set.confirmationRemindedAt = null;
		}
		await tx
			.update(offers)
			.set(set)
			.where(and(eq(offers.id, offer.id), eq(offers.tenantId, tenantId)));
		await recordAudit(tx, ctx, {
			tenantId,
			action: `offer.${action}`,
			entityType: 'offer',
			entityId: offer.id,
			before: { status: offer.status },
			after: { status: t.to, note: cleanNote }
		});
		if (action === 'return') {
			const [de] = await tx
				.select({ title: offerTexts.title })
				.from(offerTexts)
				.where(and(eq(offerTexts.offerId, offer.id), eq(offerTexts.locale, 'de')));
			const [tenant] = await tx
				.select({ slug: tenants.slug })
				.from(tenants)
				.where(eq(tenants.id, tenantId));
			for (const r of await editorsOf(tx, tenantId, [org.id])) {
				await enqueueMail(
					tx,
					tenantId,
					offerReturnedMail({
						to: r.email,
						name: r.name,
						title: de?.title ?? '',
						note: cleanNote,
						link: `${ctx.origin}/app/${tenant.slug}/angebote/${offer.id}`,
						locale: r.locale
					})
				);
			}
		}
		return { status: t.to };
	});
}

/** Sets the offer's last confirmation to now (and forgets a sent reminder). */
export async function markConfirmed(tx: Executor, tenantId: string, offerId: string) {
	await tx
		.update(offers)
		.set({ lastConfirmedAt: new Date(), confirmationRemindedAt: null })
		.where(and(eq(offers.id, offerId), eq(offers.tenantId, tenantId)));
}

/** "Angebot ist aktuell": the owners confirm that the offer is still right. */
export async function confirmOffer(ctx: Ctx, tenantId: string, id: string): Promise<void> {
	authorize(ctx.actor, 'organization.view', { tenantId });
	requireUuid(id);
	await ctx.db.transaction(async (tx) => {
		const { offer, org } = await findOffer(tx, tenantId, id, true);
		authorize(ctx.actor, 'organization.edit', { tenantId, organizationId: org.id });
		const now = new Date();
		await tx
			.update(offers)
			.set({ lastConfirmedAt: now, confirmationRemindedAt: null })
			.where(and(eq(offers.id, offer.id), eq(offers.tenantId, tenantId)));
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'offer.confirm',
			entityType: 'offer',
			entityId: offer.id,
			before: { lastConfirmedAt: offer.lastConfirmedAt },
			after: { lastConfirmedAt: now }
		});
	});
}

/** Offers in review (new offers waiting to be published), oldest first, for the queue. */
export async function listOffersInReview(
	ctx: Ctx,
	tenantId: string,
	limit = 100
): Promise<{ id: string; title: string; organizationName: string; updatedAt: Date }[]> {
	authorize(ctx.actor, 'offer.review', { tenantId });
	return ctx.db
		.select({
			id: offers.id,
			title: titleSql(ctx.locale),
			organizationName: organizations.name,
			updatedAt: offers.updatedAt
		})
		.from(offers)
		.innerJoin(organizations, eq(organizations.id, offers.organizationId))
		.where(and(eq(offers.tenantId, tenantId), eq(offers.status, 'in_review')))
		.orderBy(offers.updatedAt)
		.limit(limit);
}
