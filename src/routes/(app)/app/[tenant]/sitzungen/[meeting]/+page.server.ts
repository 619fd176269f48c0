import { eq } from 'drizzle-orm';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requireActor } from '$lib/server/guards';
import { getTenantForActor } from '$lib/server/tenants/service';
import { orNotFound, runAction } from '$lib/server/http';
import { users } from '$lib/server/auth/schema';
import { organizations } from '$lib/server/organizations/schema';
import { personOptions } from '$lib/server/bodies/lookups';
import { loadMeeting } from '$lib/server/meetings/access';
import {
	addAgendaItem,
	addSpeaker,
	deleteAgendaItem,
	fullAgenda,
	moveAgendaItem,
	removeSpeaker,
	updateAgendaItem
} from '$lib/server/meetings/agenda';
import {
	deleteFile,
	setFilePublic,
	uploadFile,
	ACCEPTED_EXTENSIONS
} from '$lib/server/meetings/files';
import { cancelMeeting, markMeetingHeld } from '$lib/server/meetings/meetings';
import { loadMinutesAccess } from '$lib/server/minutes/access';
import { addGuidingQuestionToAgenda, guidingQuestionsForBody } from '$lib/server/concept/structure';
import { groupByGuideline } from '$lib/server/bodies/views';
import { ValidationError } from '$lib/server/errors';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { keepValues } from '$lib/server/shared';

async function tenantFor(event: RequestEvent | Parameters<PageServerLoad>[0]) {
	requireActor(event);
	return orNotFound(() => getTenantForActor(event.locals.ctx, event.params.tenant));
}

export const load: PageServerLoad = async (event) => {
	const tenant = await tenantFor(event);
	const ctx = event.locals.ctx;
	const { meeting, body, canManage } = await orNotFound(() =>
		loadMeeting(ctx, tenant.id, event.params.meeting)
	);
	const locale = getLocale() === 'en' ? 'en' : 'de';
	const agenda = (await fullAgenda(ctx.db, tenant.id, meeting.id, { locale }))!;
	const [host] = meeting.hostOrganizationId
		? await ctx.db
				.select({ id: organizations.id, name: organizations.name })
				.from(organizations)
				.where(eq(organizations.id, meeting.hostOrganizationId))
		: [];
	const [moderator] = meeting.moderatorUserId
		? await ctx.db
				.select({ id: users.id, name: users.name })
				.from(users)
				.where(eq(users.id, meeting.moderatorUserId))
		: [];
	const editable =
		canManage &&
		meeting.state !== 'cancelled' &&
		meeting.minutesState !== 'approved' &&
		meeting.minutesState !== 'published';
	// the concept's guiding questions of the body, to put on the agenda of a meeting to come
	const questionsOpen = editable && meeting.state !== 'held';
	const [minutesAccess, questions] = await Promise.all([
		loadMinutesAccess(ctx, tenant.id, meeting.id),
		questionsOpen ? guidingQuestionsForBody(ctx.db, tenant.id, body.id) : Promise.resolve([])
	]);
	return {
		tenant,
		meeting: {
			id: meeting.id,
			title: meeting.title,
			startsAt: meeting.startsAt,
			endsAt: meeting.endsAt,
			state: meeting.state,
			locationKind: meeting.locationKind,
			location: meeting.location,
			onlineUrl: meeting.onlineUrl,
			cancelReason: meeting.cancelReason,
			hasBegun: meeting.startsAt <= new Date()
		},
		body: { id: body.id, name: body.name, shortName: body.shortName },
		host: host ?? null,
		moderator: moderator ?? null,
		items: agenda.items.map((i) => ({
			...i,
			// speakers' addresses only for those who plan the meeting
			speakers: i.speakers.map((s) => ({ ...s, email: canManage ? s.email : null }))
		})),
		meetingFiles: agenda.meetingFiles,
		openActions: agenda.openActions,
		canManage,
		editable,
		conceptQuestions: groupByGuideline(questions),
		links: {
			minutes: minutesAccess.canRead && meeting.minutesState !== 'none',
			publicPage: tenant.isPublic && body.visibility === 'public',
			papers: canManage
		},
		people: editable ? await personOptions(ctx.db, tenant.id) : [],
		accept: ACCEPTED_EXTENSIONS.join(','),
		created: event.url.searchParams.has('angelegt')
	};
};

/** A form action on this page: runs the use case, answers with a success message. */
function action(
	successMessage: () => string,
	fn: (
		event: RequestEvent,
		tenantId: string,
		values: Record<string, string>,
		form: FormData
	) => Promise<unknown>
) {
	return async (event: RequestEvent) => {
		const tenant = await tenantFor(event);
		const form = await event.request.formData();
		const values = keepValues(form);
		const result = await runAction(values, async () => {
			await fn(event, tenant.id, values, form);
			return { ok: true as const };
		});
		if (!('ok' in result)) return result;
		return { success: successMessage(), formId: values._form ?? null };
	};
}

export const actions: Actions = {
	addItem: action(m.meetings_item_added, (e, t, v) =>
		addAgendaItem(e.locals.ctx, t, e.params.meeting, v)
	),
	saveItem: action(m.meetings_item_saved, (e, t, v) =>
		updateAgendaItem(e.locals.ctx, t, e.params.meeting, v.itemId ?? '', v)
	),
	questionToAgenda: action(m.meetings_question_added, async (e, t, v) => {
		if (!v.questionId)
			throw new ValidationError({ questionId: 'meetings_error_question_required' });
		await addGuidingQuestionToAgenda(e.locals.ctx, t, e.params.meeting, v.questionId);
	}),
	deleteItem: action(m.meetings_item_deleted, (e, t, v) =>
		deleteAgendaItem(e.locals.ctx, t, e.params.meeting, v.itemId ?? '')
	),
	moveItem: action(m.meetings_item_moved, (e, t, v) =>
		moveAgendaItem(e.locals.ctx, t, e.params.meeting, v.itemId ?? '', v.direction)
	),
	addSpeaker: action(m.meetings_speaker_added, (e, t, v) =>
		addSpeaker(e.locals.ctx, t, e.params.meeting, v.itemId ?? '', v)
	),
	removeSpeaker: action(m.meetings_speaker_removed, (e, t, v) =>
		removeSpeaker(e.locals.ctx, t, e.params.meeting, v.speakerId ?? '')
	),
	upload: action(m.meetings_file_uploaded, async (e, t, v, form) => {
		const file = form.get('file');
		const isFile = file instanceof File;
		await uploadFile(e.locals.ctx, t, e.params.meeting, {
			fileName: isFile ? file.name : '',
			bytes: isFile ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array(),
			isPublic: v.isPublic,
			agendaItemId: v.agendaItemId
		});
	}),
	filePublic: action(m.meetings_file_updated, (e, t, v) =>
		setFilePublic(e.locals.ctx, t, v.fileId ?? '', v.isPublic, e.params.meeting)
	),
	deleteFile: action(m.meetings_file_deleted, (e, t, v) =>
		deleteFile(e.locals.ctx, t, v.fileId ?? '', e.params.meeting)
	),
	held: action(m.meetings_marked_held, (e, t) =>
		markMeetingHeld(e.locals.ctx, t, e.params.meeting)
	),
	cancel: action(m.meetings_cancelled_done, (e, t, v) =>
		cancelMeeting(e.locals.ctx, t, e.params.meeting, v)
	)
};
