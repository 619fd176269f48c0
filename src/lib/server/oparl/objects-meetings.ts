/** OParl File, Meeting and AgendaItem, with the minutes as the meeting's protocol. */
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { bodies } from '../bodies/schema';
import { agendaItems, files, meetings } from '../meetings/schema';
import { consultations, paperFiles } from '../papers/schema';
import type { Meta } from './sources';
import { protocolFileId } from './urls';
import { pdfFileName } from '../minutes/print';
import { formatDate, formatDateTime } from './params';
import { CONSULTATION_RESULT, MEETING_STATE } from './labels';
import { object, live, embed, pick, type LoadCtx, type Loaded } from './object-kit';
import { locations } from './objects-people';

export async function filesOf(ctx: LoadCtx, metas: Map<string, Meta>): Promise<Loaded> {
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
export async function protocols(
	ctx: LoadCtx,
	metas: Map<string, Meta>,
	keys: string[]
): Promise<Loaded> {
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

export async function agendaItemsOf(ctx: LoadCtx, metas: Map<string, Meta>): Promise<Loaded> {
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

export async function meetingsOf(ctx: LoadCtx, metas: Map<string, Meta>): Promise<Loaded> {
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
