import { and, asc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Ctx, TenantCtx } from '../context';
import type { Executor } from '../db/client';
import { tenants, type Tenant } from './schema';
import { tenantInput, RESERVED_SLUGS } from './validation';
import { authorize } from '../auth/policy';
import { ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import { parseOrThrow } from '../shared';
import { containsPattern, pageOf, pageOffset } from '../shared';

/** What pages see of a tenant. */
export interface TenantView {
	id: string;
	slug: string;
	name: string;
	kind: Tenant['kind'];
	land: string;
	ags: string | null;
	parentId: string | null;
	isPublic: boolean;
}

/** What the public site shows of a tenant. */
export interface PublicTenantView extends TenantView {
	description: string | null;
	contactEmail: string | null;
}

export function toTenantView(t: Tenant): TenantView {
	return {
		id: t.id,
		slug: t.slug,
		name: t.name,
		kind: t.kind,
		land: t.land,
		ags: t.ags,
		parentId: t.parentId,
		isPublic: t.isPublic
	};
}

/** Inserts a tenant without any check: for the factories; the use case below is for people. */
export async function insertTenant(
	tx: Executor,
	values: typeof tenants.$inferInsert
): Promise<Tenant> {
	const [row] = await tx.insert(tenants).values(values).returning();
	return row;
}

/** A platform admin creates a tenant. */
export async function createTenant(ctx: Ctx, raw: unknown): Promise<TenantView> {
	authorize(ctx.actor, 'platform.tenants.manage');
	const parsed = parseOrThrow(tenantInput, raw);
	const input = parsed;
	if (RESERVED_SLUGS.has(input.slug)) throw new ValidationError({ slug: 'error_slug_reserved' });
	return ctx.db.transaction(async (tx) => {
		const clash = await tx
			.select({ slug: tenants.slug, ags: tenants.ags })
			.from(tenants)
			.where(
				input.ags
					? sql`${tenants.slug} = ${input.slug} OR ${tenants.ags} = ${input.ags}`
					: eq(tenants.slug, input.slug)
			);
		if (clash.some((c) => c.slug === input.slug))
			throw new ValidationError({ slug: 'error_slug_taken' });
		if (clash.some((c) => c.ags === input.ags))
			throw new ValidationError({ ags: 'error_ags_taken' });
		if (input.parentId) {
			const [parent] = await tx.select().from(tenants).where(eq(tenants.id, input.parentId));
			if (!parent || parent.kind !== 'district')
				throw new ValidationError({ parentId: 'error_parent_invalid' });
		}
		const row = await insertTenant(tx, {
			name: input.name,
			slug: input.slug,
			kind: input.kind,
			land: input.land,
			ags: input.ags ?? null,
			parentId: input.parentId ?? null,
			isPublic: input.isPublic
		});
		await recordAudit(tx, ctx, {
			tenantId: row.id,
			action: 'tenant.create',
			entityType: 'tenant',
			entityId: row.id,
			after: toTenantView(row)
		});
		return toTenantView(row);
	});
}

/** All tenants, for the platform admin. */
export async function listAllTenants(ctx: Ctx): Promise<TenantView[]> {
	authorize(ctx.actor, 'platform.tenants.manage');
	const rows = await ctx.db.select().from(tenants).orderBy(asc(tenants.name));
	return rows.map(toTenantView);
}

/** Tenants whose public site is shown, for the start page. */
export async function listPublicTenants(ctx: Ctx): Promise<TenantView[]> {
	const rows = await ctx.db
		.select()
		.from(tenants)
		.where(eq(tenants.isPublic, true))
		.orderBy(asc(tenants.name));
	return rows.map(toTenantView);
}

/** One card of the platform's start page: a top-level network and a few of its municipalities. */
export interface NetworkCard extends TenantView {
	/** the first public municipalities by name, at most NETWORK_CARD_MUNICIPALITIES */
	municipalities: { id: string; slug: string; name: string }[];
	/** how many public municipalities the network has in all */
	municipalityCount: number;
}

export const NETWORK_PAGE_SIZE = 24;
export const NETWORK_CARD_MUNICIPALITIES = 8;

/**
 * The platform start page's directory, bounded whatever the number of tenants: one page of the
 * public top-level networks (districts and cities) by name, each with its first municipalities
 * and their count. `q` matches the name of the network or of one of its public municipalities
 * (a visitor from Moosburg finds Landkreis Freising, with Moosburg first on its card).
 */
export async function publicNetworkDirectory(
	ctx: Ctx,
	{ q, page }: { q?: string; page: number }
): Promise<{ networks: NetworkCard[]; hasMore: boolean }> {
	const term = q?.trim().slice(0, 100);
	const pattern = term ? containsPattern(term) : null;
	const matches = pattern
		? sql`(${tenants.name} ILIKE ${pattern} OR EXISTS (SELECT 1 FROM tenants c WHERE c.parent_id = ${tenants.id} AND c.is_public AND c.name ILIKE ${pattern}))`
		: sql`TRUE`;
	const rows = await ctx.db
		.select()
		.from(tenants)
		.where(and(eq(tenants.isPublic, true), isNull(tenants.parentId), matches))
		.orderBy(asc(tenants.name), asc(tenants.id))
		.limit(NETWORK_PAGE_SIZE + 1)
		.offset(pageOffset(page, NETWORK_PAGE_SIZE));
	const { rows: top, hasMore } = pageOf(rows, NETWORK_PAGE_SIZE);
	if (top.length === 0) return { networks: [], hasMore: false };
	// the first municipalities of each network on the page and their count, in one query; those
	// whose name matches the search come first (a visitor looking for Moosburg sees it)
	const matchFirst = pattern ? sql`(${tenants.name} ILIKE ${pattern}) DESC, ` : sql``;
	const ranked = ctx.db
		.select({
			id: tenants.id,
			slug: tenants.slug,
			name: tenants.name,
			parentId: tenants.parentId,
			position:
				sql<number>`row_number() OVER (PARTITION BY ${tenants.parentId} ORDER BY ${matchFirst}${tenants.name}, ${tenants.id})`.as(
					'position'
				),
			total: sql<number>`count(*) OVER (PARTITION BY ${tenants.parentId})`.as('total')
		})
		.from(tenants)
		.where(
			and(
				eq(tenants.isPublic, true),
				inArray(
					tenants.parentId,
					top.map((t) => t.id)
				)
			)
		)
		.as('ranked');
	const children = await ctx.db
		.select()
		.from(ranked)
		.where(lte(ranked.position, NETWORK_CARD_MUNICIPALITIES))
		.orderBy(asc(ranked.position));
	return {
		hasMore,
		networks: top.map((t) => {
			const own = children.filter((c) => c.parentId === t.id);
			return {
				...toTenantView(t),
				municipalities: own.map((c) => ({ id: c.id, slug: c.slug, name: c.name })),
				municipalityCount: own.length ? Number(own[0].total) : 0
			};
		})
	};
}

/** Municipalities of a district (public ones only). */
export async function listChildTenants(db: Executor, parentId: string): Promise<TenantView[]> {
	const rows = await db
		.select()
		.from(tenants)
		.where(and(eq(tenants.parentId, parentId), eq(tenants.isPublic, true)))
		.orderBy(asc(tenants.name));
	return rows.map(toTenantView);
}

/**
 * What a tenant's public start page shows of its family: the public municipalities of a district
 * and the public district a municipality belongs to.
 */
export async function publicTenantFamily(ctx: TenantCtx): Promise<{
	children: TenantView[];
	parent: { name: string; slug: string } | null;
}> {
	const { tenant, db } = ctx;
	const [children, parent] = await Promise.all([
		tenant.kind === 'district' ? listChildTenants(db, tenant.id) : Promise.resolve([]),
		tenant.parentId
			? db
					.select({ name: tenants.name, slug: tenants.slug })
					.from(tenants)
					.where(and(eq(tenants.id, tenant.parentId), eq(tenants.isPublic, true)))
					.then((r) => r[0] ?? null)
			: Promise.resolve(null)
	]);
	return { children, parent };
}

/** The tenants the actor has a role in (all of them for the platform admin). */
export async function listMyTenants(ctx: Ctx): Promise<(TenantView & { role: string | null })[]> {
	if (!ctx.actor) return [];
	const actor = ctx.actor;
	if (actor.isPlatformAdmin) {
		const rows = await ctx.db.select().from(tenants).orderBy(asc(tenants.name));
		return rows.map((r) => ({ ...toTenantView(r), role: actor.roles[r.id] ?? null }));
	}
	const ids = Object.keys(actor.roles);
	if (ids.length === 0) return [];
	const rows = await ctx.db
		.select()
		.from(tenants)
		.where(inArray(tenants.id, ids))
		.orderBy(asc(tenants.name));
	return rows.map((r) => ({ ...toTenantView(r), role: actor.roles[r.id] }));
}
