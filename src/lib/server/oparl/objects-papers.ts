/** OParl Paper and Consultation. */
import { and, asc, eq, inArray, or } from 'drizzle-orm';
import {
	consultations,
	paperAuthors,
	paperFiles,
	paperRelations,
	papers,
	paperTypes
} from '../papers/schema';
import type { Meta } from './sources';
import { CONSULTATION_ROLE, PAPER_TYPE } from './labels';
import { object, live, embed, pick, type LoadCtx, type Loaded } from './object-kit';
import { filesOf } from './objects-meetings';

export async function consultationsOf(ctx: LoadCtx, metas: Map<string, Meta>): Promise<Loaded> {
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

export async function papersOf(ctx: LoadCtx, metas: Map<string, Meta>): Promise<Loaded> {
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
