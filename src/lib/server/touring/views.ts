/**
 * What the signed-in area shows of touring projects. The district's coordinators see every
 * project and stop; a municipality's coordinators see the published projects of their district,
 * the confirmed dates, and only their own municipality's requests (never another one's).
 */
import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import { authorize } from '../auth/policy';
import { NotFoundError } from '../errors';
import { tenants } from '../tenants/schema';
import { touringProjects, touringStops, type TouringStopStatus } from './schema';

export interface TouringStopView {
	id: string;
	projectId: string;
	municipalityId: string;
	municipalityName: string;
	place: string;
	startsAt: Date | null;
	endsAt: Date | null;
	status: TouringStopStatus;
	requestNote: string | null;
	/** the stop is in the request's own municipality (municipality view) */
	own: boolean;
}

export interface TouringProjectView {
	id: string;
	title: string;
	description: string | null;
	status: 'draft' | 'published';
	stops: TouringStopView[];
}

export interface TouringOverview {
	/** district: keeps the projects and decides; municipality: asks for stops */
	role: 'district' | 'municipality';
	district: { id: string; name: string } | null;
	projects: TouringProjectView[];
	/** the district's municipalities (district view), to add a stop */
	municipalities: { id: string; name: string }[];
	/** open requests to decide on (district view) */
	openRequests: number;
}

/** The touring projects as the request's tenant sees them in the signed-in area. */
export async function touringOverview(ctx: TenantCtx): Promise<TouringOverview> {
	authorize(ctx.actor, 'touring.manage', { tenantId: ctx.tenant.id });
	const isDistrict = ctx.tenant.kind === 'district';
	const districtId = isDistrict ? ctx.tenant.id : ctx.tenant.parentId;
	if (!districtId) throw new NotFoundError();
	const [district] = await ctx.db
		.select({ id: tenants.id, name: tenants.name })
		.from(tenants)
		.where(and(eq(tenants.id, districtId), eq(tenants.kind, 'district')));
	if (!district) throw new NotFoundError();
	const projects = await ctx.db
		.select()
		.from(touringProjects)
		.where(
			and(
				eq(touringProjects.tenantId, districtId),
				isDistrict ? undefined : eq(touringProjects.status, 'published')
			)
		)
		.orderBy(asc(touringProjects.title), asc(touringProjects.id));
	const projectIds = projects.map((p) => p.id);
	const stops =
		projectIds.length === 0
			? []
			: await ctx.db
					.select({
						stop: touringStops,
						municipalityName: tenants.name
					})
					.from(touringStops)
					.innerJoin(tenants, eq(tenants.id, touringStops.municipalityId))
					.where(
						and(
							eq(touringStops.tenantId, districtId),
							inArray(touringStops.projectId, projectIds),
							isDistrict
								? undefined
								: or(
										eq(touringStops.municipalityId, ctx.tenant.id),
										eq(touringStops.status, 'confirmed')
									)
						)
					)
					.orderBy(
						sql`${touringStops.startsAt} ASC NULLS LAST`,
						asc(tenants.name),
						asc(touringStops.id)
					);
	const municipalities = isDistrict
		? await ctx.db
				.select({ id: tenants.id, name: tenants.name })
				.from(tenants)
				.where(eq(tenants.parentId, districtId))
				.orderBy(asc(tenants.name))
		: [];
	const view = (s: (typeof stops)[number]): TouringStopView => {
		const own = s.stop.municipalityId === ctx.tenant.id;
		return {
			id: s.stop.id,
			projectId: s.stop.projectId,
			municipalityId: s.stop.municipalityId,
			municipalityName: s.municipalityName,
			place: s.stop.place,
			startsAt: s.stop.startsAt,
			endsAt: s.stop.endsAt,
			status: s.stop.status,
			requestNote: isDistrict || own ? s.stop.requestNote : null,
			own
		};
	};
	return {
		role: isDistrict ? 'district' : 'municipality',
		district,
		projects: projects.map((p) => ({
			id: p.id,
			title: p.title,
			description: p.description,
			status: p.status,
			stops: stops.filter((s) => s.stop.projectId === p.id).map(view)
		})),
		municipalities,
		openRequests: isDistrict ? stops.filter((s) => s.stop.status === 'requested').length : 0
	};
}
