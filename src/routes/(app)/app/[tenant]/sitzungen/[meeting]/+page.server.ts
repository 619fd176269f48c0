import type { Actions, PageServerLoad } from './$types';
import { formAction, tenantCtx, type FormArgs } from '$lib/server/http';
import type { TenantCtx } from '$lib/server/context';
import { getMeetingOverview } from '$lib/server/meetings/views';
import {
	addAgendaItem,
	deleteAgendaItem,
	moveAgendaItem,
	updateAgendaItem
} from '$lib/server/meetings/agenda-items';
import { addSpeaker, removeSpeaker } from '$lib/server/meetings/speakers';
import { deleteFile, setFilePublic, uploadFile } from '$lib/server/meetings/files';
import { cancelMeeting, markMeetingHeld } from '$lib/server/meetings/meetings';
import { addGuidingQuestionToAgenda } from '$lib/server/concept/structure';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	// the layout loaded and authorised the meeting; no second load here
	const { meetingSummary } = await event.parent();
	const page = await getMeetingOverview(ctx, { summary: meetingSummary });
	return {
		tenant: ctx.tenant,
		...page,
		created: event.url.searchParams.has('angelegt')
	};
};

type Args = FormArgs<Parameters<Actions[string]>[0]>;

/** The meeting in the URL plus the form's values: the input of every use case on this page. */
const withMeeting = ({ values, params }: Args) => ({
	...values,
	meetingId: params.meeting ?? ''
});

/** The success answer: a message and which of the page's forms it belongs to. */
const done =
	(message: () => string) =>
	(_: unknown, { values }: Args) => ({
		success: message(),
		formId: (values._form as string | undefined) ?? null
	});

/** An action of this page: `useCase` on the meeting in the URL, answered with `message`. */
const meetingAction = <R>(
	useCase: (ctx: TenantCtx, input: ReturnType<typeof withMeeting>) => Promise<R>,
	message: () => string
) => formAction(useCase, { input: withMeeting, onSuccess: done(message) });

export const actions: Actions = {
	addItem: meetingAction(addAgendaItem, m.meetings_item_added),
	saveItem: meetingAction(updateAgendaItem, m.meetings_item_saved),
	questionToAgenda: meetingAction(addGuidingQuestionToAgenda, m.meetings_question_added),
	deleteItem: meetingAction(deleteAgendaItem, m.meetings_item_deleted),
	moveItem: meetingAction(moveAgendaItem, m.meetings_item_moved),
	addSpeaker: meetingAction(addSpeaker, m.meetings_speaker_added),
	removeSpeaker: meetingAction(removeSpeaker, m.meetings_speaker_removed),
	upload: formAction(uploadFile, {
		input: async (args) => {
			const file = args.form.get('file');
			const isFile = file instanceof File;
			return {
				meetingId: args.params.meeting ?? '',
				fileName: isFile ? file.name : '',
				bytes: isFile ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array(),
				isPublic: args.values.isPublic,
				agendaItemId: args.values.agendaItemId
			};
		},
		onSuccess: done(m.meetings_file_uploaded)
	}),
	filePublic: meetingAction(setFilePublic, m.meetings_file_updated),
	deleteFile: meetingAction(deleteFile, m.meetings_file_deleted),
	held: meetingAction(markMeetingHeld, m.meetings_marked_held),
	cancel: meetingAction(cancelMeeting, m.meetings_cancelled_done)
};
