/**
 * Serialisers: the public OParl objects of a tenant by key, with their embedded objects.
 * Callers pass only keys of objects that are public (see sources.ts); embedded and referenced
 * objects are filtered here through the same sources, so nothing non-public slips in.
 */
import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import type { Tenant } from '../tenants/schema';
import { users } from '../auth/schema';
import { bodies, bodyMemberships } from '../bodies/schema';
import { agendaItems, files, meetings } from '../meetings/schema';
import {
	consultations,
	paperAuthors,
	paperFiles,
	paperRelations,
	papers,
	paperTypes
} from '../papers/schema';
import { personPublications } from './schema';
import { fetchMeta, type Meta } from './sources';
import { protocolFileId, typeUri, type OParlUrls, type TenantObjectType } from './urls';
import { pdfFileName } from '../minutes/print';
import { formatDate, formatDateTime } from './params';
import {
	BODY_CLASSIFICATION,
	CONSULTATION_RESULT,
	CONSULTATION_ROLE,
	MEETING_STATE,
	MEMBERSHIP_ROLE,
	PAPER_TYPE
} from './labels';

export type OParlObject = Record<string, unknown>;

export interface LoadCtx {
	db: Executor;
	urls: OParlUrls;
	tenant: Tenant;
	omitInternal: boolean;
}

type Loaded = Map<string, OParlObject>;

/** id, type, then the properties, then created/modified (all objects carry both). */
function object(
	ctx: LoadCtx,
	type: TenantObjectType,
	meta: Meta,
	props: Record<string, unknown>
): OParlObject {
	const out: OParlObject = {
		id: ctx.urls.object(type, ctx.tenant.id, meta.key),
		type: typeUri(type)
	};
	for (const [k, v] of Object.entries(props)) {
		if (v === undefined || v === null) continue;
		if (Array.isArray(v) && v.length === 0) continue;
		out[k] = v;
	}
	if (meta.created) out.created = formatDateTime(meta.created);
	out.modified = formatDateTime(meta.modified);
	return out;
}

/** The stub of an object that was deleted or is no longer public. */
export function deletedObject(url: string, type: string, meta: Meta): OParlObject {
	const out: OParlObject = { id: url, type: typeUri(type as TenantObjectType), deleted: true };
	if (meta.created) out.created = formatDateTime(meta.created);
	out.modified = formatDateTime(meta.modified);
	return out;
}

/** Of the given keys, those that are public now, with their meta. */
async function live(ctx: LoadCtx, type: TenantObjectType, keys: (string | null | undefined)[]) {
	const wanted = keys.filter((k): k is string => !!k);
	const metas = await fetchMeta(ctx.db, type, ctx.tenant.id, wanted);
	return new Map([...metas].filter(([, m]) => !m.deleted));
}

const embed = <T>(ctx: LoadCtx, value: T): T | undefined => (ctx.omitInternal ? undefined : value);

function pick(loaded: Loaded, keys: string[]): OParlObject[] {
	return keys.map((k) => loaded.get(k)).filter((o): o is OParlObject => !!o);
}

async function organizations(ctx: LoadCtx, metas: Map<string, Meta>): Promise<Loaded> {
	const keys = [...metas.keys()];
	const rows = await ctx.db
		.select()
		.from(bodies)
		.where(and(eq(bodies.tenantId, ctx.tenant.id), inArray(bodies.id, keys)));
	const memberships = await ctx.db
		.select({ id: bodyMemberships.id, bodyId: bodyMemberships.bodyId })
		.from(bodyMemberships)
		.innerJoin(
			personPublications,
			and(
				eq(personPublications.tenantId, bodyMemberships.tenantId),
				eq(personPublications.userId, bodyMemberships.userId)
			)
		)
		.where(
			and(
				eq(bodyMemberships.tenantId, ctx.tenant.id),
				inArray(bodyMemberships.bodyId, keys),
				isNull(personPublications.withdrawnAt)
			)
		)
		.orderBy(asc(bodyMemberships.createdAt), asc(bodyMemberships.id));
	const out: Loaded = new Map();
	for (const b of rows) {
		out.set(
			b.id,
			object(ctx, 'Organization', metas.get(b.id)!, {
				body: ctx.urls.body(ctx.tenant.id),
				name: b.name,
				shortName: b.shortName ?? undefined,
				membership: memberships
					.filter((m) => m.bodyId === b.id)
					.map((m) => ctx.urls.object('Membership', ctx.tenant.id, m.id)),
				meeting: ctx.urls.organizationMeetings(b.id),
				consultation: ctx.urls.organizationConsultations(b.id),
				organizationType: 'Gremium',
				classification: BODY_CLASSIFICATION[b.kind],
				endDate: b.archivedAt ? formatDate(b.archivedAt) : undefined,
				// the public page shows public bodies that are not archived
				web: b.archivedAt ? undefined : ctx.urls.web.organization(ctx.tenant.slug, b.id)
			})
		);
	}
	return out;
}

async function memberships(ctx: LoadCtx, metas: Map<string, Meta>): Promise<Loaded> {
	const keys = [...metas.keys()];
	const rows = await ctx.db
		.select()
		.from(bodyMemberships)
		.where(and(eq(bodyMemberships.tenantId, ctx.tenant.id), inArray(bodyMemberships.id, keys)));
	const out: Loaded = new Map();
	for (const m of rows) {
		out.set(
			m.id,
			object(ctx, 'Membership', metas.get(m.id)!, {
				person: ctx.urls.object('Person', ctx.tenant.id, m.userId),
				organization: ctx.urls.object('Organization', ctx.tenant.id, m.bodyId),
				role: MEMBERSHIP_ROLE[m.role],
				startDate: m.startDate,
				endDate: m.endDate ?? undefined
			})
		);
	}
	return out;
}

async function persons(ctx: LoadCtx, metas: Map<string, Meta>): Promise<Loaded> {
	const keys = [...metas.keys()];
	const rows = await ctx.db
		.select({ id: users.id, name: users.name })
		.from(personPublications)
		.innerJoin(users, eq(users.id, personPublications.userId))
		.where(and(eq(personPublications.tenantId, ctx.tenant.id), inArray(users.id, keys)));
	let byUser = new Map<string, OParlObject[]>();
	if (!ctx.omitInternal) {
		const ms = await ctx.db
			.select({ id: bodyMemberships.id, userId: bodyMemberships.userId })
			.from(bodyMemberships)
			.where(
				and(eq(bodyMemberships.tenantId, ctx.tenant.id), inArray(bodyMemberships.userId, keys))
			)
			.orderBy(asc(bodyMemberships.startDate), asc(bodyMemberships.id));
		const loaded = await memberships(
			ctx,
			await live(
				ctx,
				'Membership',
				ms.map((m) => m.id)
			)
		);
		byUser = new Map(
			keys.map((k) => [
				k,
				pick(
					loaded,
					ms.filter((m) => m.userId === k).map((m) => m.id)
				)
			])
		);
	}
	const out: Loaded = new Map();
	for (const u of rows) {
		out.set(
			u.id,
			object(ctx, 'Person', metas.get(u.id)!, {
				body: ctx.urls.body(ctx.tenant.id),
				name: u.name,
				membership: embed(ctx, byUser.get(u.id))
			})
		);
	}
	return out;
}

async function locations(ctx: LoadCtx, metas: Map<string, Meta>): Promise<Loaded> {
	const keys = [...metas.keys()];
	const rows = await ctx.db
		.select({ id: meetings.id, location: meetings.location })
		.from(meetings)
		.where(and(eq(meetings.tenantId, ctx.tenant.id), inArray(meetings.id, keys)));
	const out: Loaded = new Map();
	for (const m of rows) {
		out.set(
			m.id,
			object(ctx, 'Location', metas.get(m.id)!, {
				description: m.location ?? undefined,
				meetings: [ctx.urls.object('Meeting', ctx.tenant.id, m.id)]
			})
		);
	}
	return out;
}

async function filesOf(ctx: LoadCtx, metas: Map<string, Meta>): Promise<Loaded> {
	const keys = [...metas.keys()];
	const rows = await ctx.db
		.select({
			id: files.id,
			fileName: files.fileName,
			mediaType: files.mediaType,
			size: files.size,
			createdAt: files.createdAt,
			meetingId: files.meetingId,
			agendaItemId: files.agendaItemId
		})
		.from(files)
		.where(and(eq(files.tenantId, ctx.tenant.id), inArray(files.id, keys)));
	const paperLinks = await ctx.db
		.select({ fileId: paperFiles.fileId, paperId: paperFiles.paperId })
		.from(paperFiles)
		.where(and(eq(paperFiles.tenantId, ctx.tenant.id), inArray(paperFiles.fileId, keys)));
	const [liveMeetings, liveItems, livePapers] = await Promise.all([
		live(
			ctx,
			'Meeting',
			rows.filter((r) => !r.agendaItemId).map((r) => r.meetingId)
		),
		live(
			ctx,
			'AgendaItem',
			rows.map((r) => r.agendaItemId)
		),
		live(
			ctx,
			'Paper',
			paperLinks.map((p) => p.paperId)
		)
	]);
	const out: Loaded = await protocols(
		ctx,
		metas,
		keys.filter((k) => !rows.some((r) => r.id === k))
	);
	for (const f of rows) {
		const t = ctx.tenant.id;
		out.set(
			f.id,
			object(ctx, 'File', metas.get(f.id)!, {
				name: f.fileName,
				fileName: f.fileName,
				mimeType: f.mediaType,
				date: formatDate(f.createdAt),
				size: f.size,
				accessUrl: ctx.urls.fileAccess(f.id),
				downloadUrl: ctx.urls.fileDownload(f.id),
				meeting:
					!f.agendaItemId && f.meetingId && liveMeetings.has(f.meetingId)
						? [ctx.urls.object('Meeting', t, f.meetingId)]
						: undefined,
				agendaItem:
					f.agendaItemId && liveItems.has(f.agendaItemId)
						? [ctx.urls.object('AgendaItem', t, f.agendaItemId)]
						: undefined,
				paper: paperLinks
					.filter((p) => p.fileId === f.id && livePapers.has(p.paperId))
					.map((p) => ctx.urls.object('Paper', t, p.paperId))
			})
		);
	}
	return out;
}

/**
 * The published minutes of meetings as Files (keys: protocolFileId of the meeting). The content
 * is the public PDF page, rendered on request: no size, no download variant.
 */
async function protocols(ctx: LoadCtx, metas: Map<string, Meta>, keys: string[]): Promise<Loaded> {
	const out: Loaded = new Map();
	if (keys.length === 0) return out;
	const rows = await ctx.db
		.select({ meeting: meetings, body: { name: bodies.name, shortName: bodies.shortName } })
		.from(meetings)
		.innerJoin(bodies, eq(bodies.id, meetings.bodyId))
		.where(
			and(
				eq(meetings.tenantId, ctx.tenant.id),
				inArray(
					meetings.id,
					keys.map((k) => protocolFileId(k))
				)
			)
		);
	for (const { meeting: m, body } of rows) {
		const key = protocolFileId(m.id);
		const meta = metas.get(key);
		if (!meta) continue;
		out.set(
			key,
			object(ctx, 'File', meta, {
				name: `Protokoll: ${meetingName(m, body)}`,
				fileName: pdfFileName('protokoll', body.name, m.startsAt),
				mimeType: 'application/pdf',
				date: formatDate(m.minutesPublishedAt ?? meta.created ?? meta.modified),
				accessUrl: ctx.urls.web.minutesPdf(ctx.tenant.slug, m.id),
				// public whenever the File is (same body, and the meeting of a public body is public)
				meeting: [ctx.urls.object('Meeting', ctx.tenant.id, m.id)]
			})
		);
	}
	return out;
}

async function agendaItemsOf(ctx: LoadCtx, metas: Map<string, Meta>): Promise<Loaded> {
	const keys = [...metas.keys()];
	const rows = await ctx.db
		.select({ item: agendaItems, minutesState: meetings.minutesState })
		.from(agendaItems)
		.innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
		.where(and(eq(agendaItems.tenantId, ctx.tenant.id), inArray(agendaItems.id, keys)));
	const meetingIds = [...new Set(rows.map((r) => r.item.meetingId))];
	// order: the position among the meeting's public items, from 0 (as in Meeting.agendaItem)
	const orders =
		meetingIds.length === 0
			? []
			: await ctx.db
					.select({
						id: agendaItems.id,
						order: sql<number>`(row_number() OVER (PARTITION BY ${agendaItems.meetingId} ORDER BY ${agendaItems.position}, ${agendaItems.id}) - 1)::int`
					})
					.from(agendaItems)
					.where(and(inArray(agendaItems.meetingId, meetingIds), eq(agendaItems.isPublic, true)));
	const orderOf = new Map(orders.map((o) => [o.id, Number(o.order)]));
	const cons = await ctx.db
		.select({
			id: consultations.id,
			agendaItemId: consultations.agendaItemId,
			result: consultations.result
		})
		.from(consultations)
		.where(
			and(eq(consultations.tenantId, ctx.tenant.id), inArray(consultations.agendaItemId, keys))
		);
	const liveCons = await live(
		ctx,
		'Consultation',
		cons.map((c) => c.id)
	);
	let fileObjects: Loaded = new Map();
	let itemFiles: { id: string; agendaItemId: string | null }[] = [];
	if (!ctx.omitInternal) {
		itemFiles = await ctx.db
			.select({ id: files.id, agendaItemId: files.agendaItemId })
			.from(files)
			.where(and(eq(files.tenantId, ctx.tenant.id), inArray(files.agendaItemId, keys)))
			.orderBy(asc(files.createdAt), asc(files.id));
		fileObjects = await filesOf(
			ctx,
			await live(
				ctx,
				'File',
				itemFiles.map((f) => f.id)
			)
		);
	}
	const out: Loaded = new Map();
	for (const { item, minutesState } of rows) {
		const con = cons.find((c) => c.agendaItemId === item.id && liveCons.has(c.id));
		const published = minutesState === 'published';
		out.set(
			item.id,
			object(ctx, 'AgendaItem', metas.get(item.id)!, {
				meeting: ctx.urls.object('Meeting', ctx.tenant.id, item.meetingId),
				number: String(item.position),
				order: orderOf.get(item.id) ?? item.position - 1,
				name: item.title,
				public: true,
				consultation: con ? ctx.urls.object('Consultation', ctx.tenant.id, con.id) : undefined,
				// The decision belongs to the minutes: public once the minutes are published.
				result: published && con?.result ? CONSULTATION_RESULT[con.result] : undefined,
				resolutionText: published && item.decision ? item.decision : undefined,
				auxiliaryFile: embed(
					ctx,
					pick(
						fileObjects,
						itemFiles.filter((f) => f.agendaItemId === item.id).map((f) => f.id)
					)
				)
			})
		);
	}
	return out;
}

const berlinDate = new Intl.DateTimeFormat('de-DE', {
	timeZone: 'Europe/Berlin',
	day: '2-digit',
	month: '2-digit',
	year: 'numeric'
});

function meetingName(
	m: { title: string | null; startsAt: Date },
	body: { name: string; shortName: string | null }
) {
	return m.title ?? `${body.shortName ?? body.name}, ${berlinDate.format(m.startsAt)}`;
}

async function meetingsOf(ctx: LoadCtx, metas: Map<string, Meta>): Promise<Loaded> {
	const keys = [...metas.keys()];
	const rows = await ctx.db
		.select({ meeting: meetings, body: { name: bodies.name, shortName: bodies.shortName } })
		.from(meetings)
		.innerJoin(bodies, eq(bodies.id, meetings.bodyId))
		.where(and(eq(meetings.tenantId, ctx.tenant.id), inArray(meetings.id, keys)));
	let items: { id: string; meetingId: string }[] = [];
	let meetingFiles: { id: string; meetingId: string | null }[] = [];
	let itemObjects: Loaded = new Map();
	let fileObjects: Loaded = new Map();
	let locationObjects: Loaded = new Map();
	let protocolObjects: Loaded = new Map();
	if (!ctx.omitInternal) {
		items = await ctx.db
			.select({ id: agendaItems.id, meetingId: agendaItems.meetingId })
			.from(agendaItems)
			.where(and(inArray(agendaItems.meetingId, keys), eq(agendaItems.isPublic, true)))
			.orderBy(asc(agendaItems.position), asc(agendaItems.id));
		meetingFiles = await ctx.db
			.select({ id: files.id, meetingId: files.meetingId })
			.from(files)
			.where(and(inArray(files.meetingId, keys), isNull(files.agendaItemId)))
			.orderBy(asc(files.createdAt), asc(files.id));
		[itemObjects, fileObjects, locationObjects, protocolObjects] = await Promise.all([
			live(
				ctx,
				'AgendaItem',
				items.map((i) => i.id)
			).then((m) => agendaItemsOf(ctx, m)),
			live(
				ctx,
				'File',
				meetingFiles.map((f) => f.id)
			).then((m) => filesOf(ctx, m)),
			live(ctx, 'Location', keys).then((m) => locations(ctx, m)),
			live(
				ctx,
				'File',
				keys.map((k) => protocolFileId(k))
			).then((m) => filesOf(ctx, m))
		]);
	}
	const out: Loaded = new Map();
	for (const { meeting: m, body } of rows) {
		out.set(
			m.id,
			object(ctx, 'Meeting', metas.get(m.id)!, {
				name: meetingName(m, body),
				meetingState: MEETING_STATE[m.state],
				cancelled: m.state === 'cancelled' ? true : undefined,
				start: formatDateTime(m.startsAt),
				end: formatDateTime(m.endsAt),
				location: embed(ctx, locationObjects.get(m.id)),
				organization: [ctx.urls.object('Organization', ctx.tenant.id, m.bodyId)],
				resultsProtocol: embed(ctx, protocolObjects.get(protocolFileId(m.id))),
				auxiliaryFile: embed(
					ctx,
					pick(
						fileObjects,
						meetingFiles.filter((f) => f.meetingId === m.id).map((f) => f.id)
					)
				),
				agendaItem: embed(
					ctx,
					pick(
						itemObjects,
						items.filter((i) => i.meetingId === m.id).map((i) => i.id)
					)
				),
				web: ctx.urls.web.meeting(ctx.tenant.slug, m.id)
			})
		);
	}
	return out;
}

async function consultationsOf(ctx: LoadCtx, metas: Map<string, Meta>): Promise<Loaded> {
	const keys = [...metas.keys()];
	const rows = await ctx.db
		.select()
		.from(consultations)
		.where(and(eq(consultations.tenantId, ctx.tenant.id), inArray(consultations.id, keys)));
	const [liveMeetings, liveItems] = await Promise.all([
		live(
			ctx,
			'Meeting',
			rows.map((r) => r.meetingId)
		),
		live(
			ctx,
			'AgendaItem',
			rows.map((r) => r.agendaItemId)
		)
	]);
	const out: Loaded = new Map();
	const t = ctx.tenant.id;
	for (const c of rows) {
		out.set(
			c.id,
			object(ctx, 'Consultation', metas.get(c.id)!, {
				paper: ctx.urls.object('Paper', t, c.paperId),
				agendaItem:
					c.agendaItemId && liveItems.has(c.agendaItemId)
						? ctx.urls.object('AgendaItem', t, c.agendaItemId)
						: undefined,
				meeting: liveMeetings.has(c.meetingId)
					? ctx.urls.object('Meeting', t, c.meetingId)
					: undefined,
				organization: [ctx.urls.object('Organization', t, c.bodyId)],
				authoritative: c.role === 'decision',
				role: CONSULTATION_ROLE[c.role] ?? c.role
			})
		);
	}
	return out;
}

async function papersOf(ctx: LoadCtx, metas: Map<string, Meta>): Promise<Loaded> {
	const keys = [...metas.keys()];
	const t = ctx.tenant.id;
	const rows = await ctx.db
		.select()
		.from(papers)
		.where(and(eq(papers.tenantId, t), inArray(papers.id, keys)));
	const [types, authors, relations] = await Promise.all([
		ctx.db
			.select({ key: paperTypes.key, label: paperTypes.label })
			.from(paperTypes)
			.where(eq(paperTypes.tenantId, t)),
		ctx.db
			.select({ paperId: paperAuthors.paperId, userId: paperAuthors.userId })
			.from(paperAuthors)
			.where(and(eq(paperAuthors.tenantId, t), inArray(paperAuthors.paperId, keys)))
			.orderBy(asc(paperAuthors.position), asc(paperAuthors.id)),
		ctx.db
			.select({ parent: paperRelations.parentPaperId, child: paperRelations.childPaperId })
			.from(paperRelations)
			.where(
				and(
					eq(paperRelations.tenantId, t),
					or(
						inArray(paperRelations.parentPaperId, keys),
						inArray(paperRelations.childPaperId, keys)
					)
				)
			)
	]);
	const typeLabel = new Map(types.map((x) => [x.key, x.label]));
	const [livePersons, livePapers, liveBodies] = await Promise.all([
		live(
			ctx,
			'Person',
			authors.map((a) => a.userId)
		),
		live(ctx, 'Paper', [...relations.map((r) => r.parent), ...relations.map((r) => r.child)]),
		live(ctx, 'Organization', [
			...rows.map((p) => p.originatingBodyId),
			...rows.map((p) => p.addressedBodyId)
		])
	]);
	let cons: { id: string; paperId: string }[] = [];
	let pfiles: { fileId: string; paperId: string }[] = [];
	let conObjects: Loaded = new Map();
	let fileObjects: Loaded = new Map();
	if (!ctx.omitInternal) {
		cons = await ctx.db
			.select({ id: consultations.id, paperId: consultations.paperId })
			.from(consultations)
			.where(and(eq(consultations.tenantId, t), inArray(consultations.paperId, keys)))
			.orderBy(asc(consultations.createdAt), asc(consultations.id));
		pfiles = await ctx.db
			.select({ fileId: paperFiles.fileId, paperId: paperFiles.paperId })
			.from(paperFiles)
			.where(and(eq(paperFiles.tenantId, t), inArray(paperFiles.paperId, keys)))
			.orderBy(asc(paperFiles.position), asc(paperFiles.fileId));
		[conObjects, fileObjects] = await Promise.all([
			live(
				ctx,
				'Consultation',
				cons.map((c) => c.id)
			).then((m) => consultationsOf(ctx, m)),
			live(
				ctx,
				'File',
				pfiles.map((f) => f.fileId)
			).then((m) => filesOf(ctx, m))
		]);
	}
	const org = (id: string | null) =>
		id && liveBodies.has(id) ? [ctx.urls.object('Organization', t, id)] : undefined;
	const out: Loaded = new Map();
	for (const p of rows) {
		out.set(
			p.id,
			object(ctx, 'Paper', metas.get(p.id)!, {
				body: ctx.urls.body(t),
				name: p.title,
				reference: p.reference,
				date: p.date,
				paperType: typeLabel.get(p.type) ?? PAPER_TYPE[p.type] ?? p.type,
				superordinatedPaper: relations
					.filter((r) => r.child === p.id && livePapers.has(r.parent))
					.map((r) => ctx.urls.object('Paper', t, r.parent)),
				subordinatedPaper: relations
					.filter((r) => r.parent === p.id && livePapers.has(r.child))
					.map((r) => ctx.urls.object('Paper', t, r.child)),
				originatorPerson: authors
					.filter((a) => a.paperId === p.id && a.userId && livePersons.has(a.userId))
					.map((a) => ctx.urls.object('Person', t, a.userId!)),
				originatorOrganization: org(p.originatingBodyId),
				underDirectionOf: org(p.addressedBodyId),
				auxiliaryFile: embed(
					ctx,
					pick(
						fileObjects,
						pfiles.filter((f) => f.paperId === p.id).map((f) => f.fileId)
					)
				),
				consultation: embed(
					ctx,
					pick(
						conObjects,
						cons.filter((c) => c.paperId === p.id).map((c) => c.id)
					)
				),
				// public papers (not drafts, see sources.ts) are on the public site
				web: ctx.urls.web.paper(ctx.tenant.slug, p.id)
			})
		);
	}
	return out;
}

/** The public objects of a type by key (keys must be public: callers filter with the sources). */
export async function loadObjects(
	ctx: LoadCtx,
	type: TenantObjectType,
	metas: Map<string, Meta>
): Promise<Loaded> {
	if (metas.size === 0) return new Map();
	switch (type) {
		case 'Organization':
			return organizations(ctx, metas);
		case 'Person':
			return persons(ctx, metas);
		case 'Membership':
			return memberships(ctx, metas);
		case 'Meeting':
			return meetingsOf(ctx, metas);
		case 'AgendaItem':
			return agendaItemsOf(ctx, metas);
		case 'File':
			return filesOf(ctx, metas);
		case 'Location':
			return locations(ctx, metas);
		case 'Paper':
			return papersOf(ctx, metas);
		case 'Consultation':
			return consultationsOf(ctx, metas);
		case 'LegislativeTerm':
			return new Map();
	}
}
