import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import type { Executor } from '../db/client';
import { authorize, can } from '../auth/policy';
import { ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import { offers, revisions } from '../offers/schema';
import { pendingProposal, proposeRevision, supersedePending } from '../offers/propose';
import { organizationLogos, organizations, organizationTypes } from './schema';
import { findOrganization } from './queries';
import { organizationInput } from './validation';
import {
	applyOrganizationState,
	loadOrganizationState,
	municipalitiesOf,
	organizationStateFrom,
	type OrganizationState
} from './state';
import { isUuid, nestedFieldErrors, requireUuid, sameValue } from '../shared';

export const ORGANIZATIONS_PAGE_SIZE = 25;

export interface OrganizationListItem {
	id: string;
	name: string;
	typeName: string | null;
	city: string | null;
	trusted: boolean;
	isPublic: boolean;
	offerCount: number;
	pendingChange: boolean;
	canEdit: boolean;
}

export interface OrganizationTypeView {
	id: string;
	name: string;
}

/** The tenant's organisation types (Sprachschule, Beratungsstelle …). */
export async function listOrganizationTypes(ctx: TenantCtx): Promise<OrganizationTypeView[]> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'organization.view', { tenantId });
	return ctx.db
		.select({ id: organizationTypes.id, name: organizationTypes.name })
		.from(organizationTypes)
		.where(eq(organizationTypes.tenantId, tenantId))
		.orderBy(asc(organizationTypes.name));
}

/** The network's organisations, by name, optionally of one type; paginated. */
export async function listOrganizations(
	ctx: TenantCtx,
	filter: { typeId?: string | null; page?: number } = {}
): Promise<{ items: OrganizationListItem[]; page: number; hasMore: boolean }> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'organization.view', { tenantId });
	const actor = ctx.actor;
	const page = Math.max(1, Math.min(10_000, Math.floor(filter.page ?? 1)));
	const typeId = isUuid(filter.typeId) ? filter.typeId : null;
	const rows = await ctx.db
		.select({
			id: organizations.id,
			name: organizations.name,
			typeName: organizationTypes.name,
			city: organizations.city,
			trusted: organizations.trusted,
			isPublic: organizations.isPublic,
			offerCount: sql<number>`(select count(*) from ${offers} where ${offers.organizationId} = ${organizations.id} and ${offers.tenantId} = ${tenantId})`,
			pendingChange: sql<boolean>`exists (select 1 from ${revisions} where ${revisions.tenantId} = ${tenantId} and ${revisions.entityType} = 'organization' and ${revisions.entityId} = ${organizations.id} and ${revisions.status} = 'pending')`
		})
		.from(organizations)
		.leftJoin(organizationTypes, eq(organizationTypes.id, organizations.typeId))
		.where(
			and(
				eq(organizations.tenantId, tenantId),
				typeId ? eq(organizations.typeId, typeId) : undefined
			)
		)
		.orderBy(asc(organizations.name), asc(organizations.id))
		.limit(ORGANIZATIONS_PAGE_SIZE + 1)
		.offset((page - 1) * ORGANIZATIONS_PAGE_SIZE);
	return {
		page,
		hasMore: rows.length > ORGANIZATIONS_PAGE_SIZE,
		items: rows.slice(0, ORGANIZATIONS_PAGE_SIZE).map((r) => ({
			...r,
			offerCount: Number(r.offerCount),
			pendingChange: r.pendingChange === true || String(r.pendingChange) === 'true',
			canEdit: can(actor, 'organization.edit', { tenantId, organizationId: r.id })
		}))
	};
}

/** Organisations the actor may create offers for (editors: their own; coordinators: all). */
export async function listEditableOrganizations(
	ctx: TenantCtx
): Promise<{ id: string; name: string }[]> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'organization.view', { tenantId });
	const actor = ctx.actor;
	const all = can(actor, 'organization.manage', { tenantId });
	const own = actor.editorOf[tenantId] ?? [];
	if (!all && own.length === 0) return [];
	return ctx.db
		.select({ id: organizations.id, name: organizations.name })
		.from(organizations)
		.where(
			and(eq(organizations.tenantId, tenantId), all ? undefined : inArray(organizations.id, own))
		)
		.orderBy(asc(organizations.name))
		.limit(1000);
}

export interface OrganizationDetail {
	id: string;
	name: string;
	typeName: string | null;
	trusted: boolean;
	isPublic: boolean;
	hasLogo: boolean;
	/** changes when the logo changes, for cache-busting links */
	logoVersion: number | null;
	state: OrganizationState;
	updatedAt: Date;
	pending: {
		id: string;
		submittedAt: Date;
		submittedByName: string | null;
		proposed: OrganizationState;
	} | null;
	canEdit: boolean;
	canManage: boolean;
	canReview: boolean;
}

/** One organisation with everything its page shows (contacts come from contacts.ts). */
export async function getOrganization(
	ctx: TenantCtx,
	input: { organizationId: string }
): Promise<OrganizationDetail> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'organization.view', { tenantId });
	const actor = ctx.actor;
	const id = requireUuid(input.organizationId);
	const org = await findOrganization(ctx.db, tenantId, id);
	const [state, typeRow, logo, pending] = await Promise.all([
		loadOrganizationState(ctx.db, org),
		org.typeId
			? ctx.db
					.select({ name: organizationTypes.name })
					.from(organizationTypes)
					.where(
						and(eq(organizationTypes.id, org.typeId), eq(organizationTypes.tenantId, tenantId))
					)
			: Promise.resolve([]),
		ctx.db
			.select({ updatedAt: organizationLogos.updatedAt })
			.from(organizationLogos)
			.where(eq(organizationLogos.organizationId, org.id)),
		pendingProposal<OrganizationState>(ctx.db, tenantId, 'organization', org.id)
	]);
	const canEdit = can(actor, 'organization.edit', { tenantId, organizationId: org.id });
	return {
		id: org.id,
		name: org.name,
		typeName: typeRow[0]?.name ?? null,
		trusted: org.trusted,
		isPublic: org.isPublic,
		hasLogo: logo.length > 0,
		logoVersion: logo[0] ? logo[0].updatedAt.getTime() : null,
		state,
		updatedAt: org.updatedAt,
		pending: pending && canEdit ? pending : null,
		canEdit,
		canManage: can(actor, 'organization.manage', { tenantId }),
		canReview: can(actor, 'offer.review', { tenantId })
	};
}

async function validateReferences(
	db: Executor,
	tenantId: string,
	input: { typeId: string | null; municipalityIds: string[] }
) {
	const errors: Record<string, string> = {};
	if (input.typeId) {
		const [t] = await db
			.select({ id: organizationTypes.id })
			.from(organizationTypes)
			.where(and(eq(organizationTypes.id, input.typeId), eq(organizationTypes.tenantId, tenantId)));
		if (!t) errors.typeId = 'org_error_type_invalid';
	}
	if (input.municipalityIds.length > 0) {
		const allowed = new Set((await municipalitiesOf(db, tenantId)).map((m) => m.id));
		if (input.municipalityIds.some((id) => !allowed.has(id)))
			errors.municipalityIds = 'org_error_municipality_invalid';
	}
	if (Object.keys(errors).length > 0) throw new ValidationError(errors);
}

function parseOrganization(raw: unknown) {
	const parsed = organizationInput.safeParse(raw);
	if (!parsed.success) throw new ValidationError(nestedFieldErrors(parsed.error));
	return parsed.data;
}

/** A coordinator adds an organisation to the network. */
export async function createOrganization(ctx: TenantCtx, raw: unknown): Promise<{ id: string }> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'organization.manage', { tenantId });
	const input = parseOrganization(raw);
	return ctx.db.transaction(async (tx) => {
		await validateReferences(tx, tenantId, input);
		const state = organizationStateFrom(input, null);
		const [row] = await tx
			.insert(organizations)
			.values({ tenantId, name: state.name })
			.returning({ id: organizations.id });
		await applyOrganizationState(tx, tenantId, row.id, state);
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'organization.create',
			entityType: 'organization',
			entityId: row.id,
			after: state
		});
		return { id: row.id };
	});
}

export type ChangeOutcome = 'live' | 'pending' | 'unchanged';

/**
 * Changes an organisation's record. Coordinators' changes and changes to trusted or not (yet)
 * public organisations go live at once; an editor's change to a public organisation waits in the
 * review queue as a revision and the live record stays as it is.
 */
export async function updateOrganization(
	ctx: TenantCtx,
	raw: { organizationId: string } & Record<string, unknown>
): Promise<{ outcome: ChangeOutcome }> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'organization.edit', { tenantId, organizationId: raw.organizationId });
	const actor = ctx.actor;
	const id = requireUuid(raw.organizationId);
	const input = parseOrganization(raw);
	return ctx.db.transaction(async (tx) => {
		const org = await findOrganization(tx, tenantId, id, true);
		await validateReferences(tx, tenantId, input);
		const before = await loadOrganizationState(tx, org);
		const next = organizationStateFrom(input, before);
		const needsReview = org.isPublic && !org.trusted && !can(actor, 'offer.review', { tenantId });
		if (needsReview) {
			if (sameValue(before, next)) {
				await supersedePending(tx, tenantId, 'organization', org.id);
				return { outcome: 'unchanged' as const };
			}
			await proposeRevision(tx, ctx, {
				tenantId,
				entityType: 'organization',
				entityId: org.id,
				before,
				proposed: { state: next }
			});
			return { outcome: 'pending' as const };
		}
		if (sameValue(before, next)) return { outcome: 'unchanged' as const };
		await applyOrganizationState(tx, tenantId, org.id, next);
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'organization.update',
			entityType: 'organization',
			entityId: org.id,
			before,
			after: next
		});
		return { outcome: 'live' as const };
	});
}

/** A coordinator sets whether the organisation is trusted (no review) and shown publicly. */
export async function setOrganizationFlags(
	ctx: TenantCtx,
	input: { organizationId: string; trusted: boolean; isPublic: boolean }
): Promise<void> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'organization.manage', { tenantId });
	const id = requireUuid(input.organizationId);
	const trusted = input.trusted === true;
	const isPublic = input.isPublic === true;
	await ctx.db.transaction(async (tx) => {
		const org = await findOrganization(tx, tenantId, id, true);
		if (org.trusted === trusted && org.isPublic === isPublic) return;
		await tx
			.update(organizations)
			.set({ trusted, isPublic, updatedAt: new Date() })
			.where(and(eq(organizations.id, org.id), eq(organizations.tenantId, tenantId)));
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'organization.flags_update',
			entityType: 'organization',
			entityId: org.id,
			before: { name: org.name, trusted: org.trusted, isPublic: org.isPublic },
			after: { name: org.name, trusted, isPublic }
		});
	});
}

export { municipalitiesOf };
