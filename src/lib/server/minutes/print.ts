/**
 * Loads and authorises the agenda and minutes documents (DocModel) for the print views and the
 * PDF endpoints, signed in and public.
 */
import type { Ctx, TenantCtx } from '../context';
import type { Executor } from '../db/client';
import type { Body } from '../bodies/schema';
import type { Meeting } from '../meetings/schema';
import { NotFoundError } from '../errors';
import { loadMinutesAccess, loadMinutesToRead } from './access';
import { fullAgenda } from '../meetings/agenda';
import { buildMinutesView, meetingFacts } from './minutes';
import { buildAgendaDocument, buildMinutesDocument } from './documents';
import type { DocModel } from '../documents/model';
import { getPublicMeeting } from './public';
import { exchangeMinutesBlocks } from '../district/minutes-blocks';

async function agendaModel(
	db: Executor,
	meeting: Meeting,
	body: Body,
	publicVersion: boolean
): Promise<DocModel> {
	const [facts, agenda] = await Promise.all([
		meetingFacts(db, meeting),
		fullAgenda(db, meeting.tenantId, meeting.id, {
			publicOnly: publicVersion,
			locale: 'de',
			includeOpenActionsWhenHeld: true
		})
	]);
	if (!agenda) throw new NotFoundError();
	return buildAgendaDocument({
		meeting: facts,
		body,
		items: agenda.items.map((i) => ({
			number: Number(i.number),
			title: i.title,
			description: i.description,
			isPublic: i.isPublic,
			responsibleName: i.responsible?.name ?? null,
			plannedMinutes: i.plannedMinutes,
			speakers: i.speakers.map((s) => ({ name: s.name, affiliation: s.affiliation }))
		})),
		openActionItems: (agenda.openActions?.items ?? []).map((a) => ({
			title: a.title,
			assigneeName: a.assigneeName,
			assigneeOrganizationName: a.assigneeOrganization,
			dueDate: a.dueDate,
			state: a.state
		})),
		publicVersion
	});
}

/** The agenda for whoever may see the meeting; non-public items for the inner circle only. */
export async function agendaDocument(ctx: Ctx, tenantId: string, meetingId: string) {
	const access = await loadMinutesAccess(ctx, tenantId, meetingId);
	const model = await agendaModel(ctx.db, access.meeting, access.body, !access.canReadNonPublic);
	return { model, meeting: access.meeting, body: access.body };
}

/** The minutes for whoever may read them in their current state. */
export async function minutesDocument(ctx: Ctx, tenantId: string, meetingId: string) {
	const access = await loadMinutesToRead(ctx, tenantId, meetingId);
	const view = await buildMinutesView(ctx.db, access.meeting, access.body, {
		publicOnly: !access.canReadNonPublic,
		withSuggestions: false
	});
	const appendix = await exchangeMinutesBlocks(ctx.db, tenantId, meetingId);
	return {
		model: buildMinutesDocument(view, { publicVersion: !access.canReadNonPublic, appendix }),
		meeting: access.meeting,
		body: access.body
	};
}

/** The published minutes of a public body, public version (NotFoundError otherwise). */
export async function publicMinutesDocument(ctx: TenantCtx, input: { meetingId: string }) {
	const found = await getPublicMeeting(ctx, input);
	if (!found?.minutes) throw new NotFoundError();
	const appendix = await exchangeMinutesBlocks(ctx.db, ctx.tenant.id, input.meetingId);
	return {
		model: buildMinutesDocument(found.minutes, { publicVersion: true, appendix }),
		bodyName: found.body.name,
		startsAt: found.meeting.startsAt
	};
}

/** File name like "protokoll-ak-bildung-2026-03-12.pdf". */
export function pdfFileName(kind: 'protokoll' | 'tagesordnung', bodyName: string, startsAt: Date) {
	const slug = bodyName
		.toLowerCase()
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/ß/g, 'ss')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '')
		.slice(0, 40);
	const day = startsAt.toLocaleDateString('sv-SE', { timeZone: 'Europe/Berlin' });
	return `${kind}-${slug || 'gremium'}-${day}.pdf`;
}
