/**
 * The agenda (Tagesordnung) and the minutes (Protokoll) as document models (../documents/model.ts), for
 * the HTML print views and the PDFs. Documents are the body's record and always German
 * (lang de-DE), whatever the reader's UI language.
 *
 * Public version of the minutes (public site, public PDF): non-public agenda items are left out
 * (the caller passes a view without them); the attendance shows counts and the organisations
 * represented, never names of persons; action items name the organisation only; the moderator
 * and the person who approved are not named.
 */
import { m } from '$lib/paraglide/messages';
import type { DocBlock, DocModel } from '../documents/model';
import type { ActionItemView } from './action-items';
import type { MeetingFacts, MinutesView } from './minutes';
import type { ActionItemState } from './schema';

const locale = 'de' as const;
const o = { locale };
const LANG = 'de-DE';

function berlin(iso: string, opts: Intl.DateTimeFormatOptions): string {
	return new Date(iso).toLocaleString('de-DE', { timeZone: 'Europe/Berlin', ...opts });
}

/** "Donnerstag, 12. März 2026, 18:00–20:00 Uhr" */
export function meetingWhen(meeting: Pick<MeetingFacts, 'startsAt' | 'endsAt'>): string {
	const day = berlin(meeting.startsAt, {
		weekday: 'long',
		day: 'numeric',
		month: 'long',
		year: 'numeric'
	});
	const from = berlin(meeting.startsAt, { hour: '2-digit', minute: '2-digit' });
	const to = berlin(meeting.endsAt, { hour: '2-digit', minute: '2-digit' });
	return m.minutes_doc_when({ day, from, to }, o);
}

export function shortDate(iso: string): string {
	return berlin(iso, { day: '2-digit', month: '2-digit', year: 'numeric' });
}

function dueText(due: string | null): string {
	return due ? shortDate(`${due}T12:00:00Z`) : '–';
}

export function meetingPlace(meeting: MeetingFacts): string | null {
	if (meeting.locationKind === 'online')
		return meeting.onlineUrl
			? m.minutes_doc_online({ url: meeting.onlineUrl }, o)
			: m.minutes_doc_online_only({}, o);
	const place = meeting.location ?? (meeting.locationKind === 'host' ? meeting.hostName : null);
	return place;
}

const STATE_LABELS: Record<ActionItemState, () => string> = {
	open: () => m.minutes_action_state_open({}, o),
	in_progress: () => m.minutes_action_state_in_progress({}, o),
	done: () => m.minutes_action_state_done({}, o),
	cancelled: () => m.minutes_action_state_cancelled({}, o)
};

/** What a table of action items shows of each. */
export type ActionRow = Pick<
	ActionItemView,
	'title' | 'assigneeName' | 'assigneeOrganizationName' | 'dueDate' | 'state'
>;

function who(a: ActionRow, publicVersion: boolean): string {
	const parts = [publicVersion ? null : a.assigneeName, a.assigneeOrganizationName].filter(
		(x): x is string => !!x
	);
	return parts.length ? parts.join(', ') : '–';
}

function actionTable(caption: string, items: ActionRow[], publicVersion: boolean): DocBlock {
	return {
		kind: 'table',
		caption,
		header: [
			m.minutes_doc_action_what({}, o),
			m.minutes_doc_action_who({}, o),
			m.minutes_doc_action_due({}, o),
			m.minutes_doc_action_state({}, o)
		],
		rows: items.map((a) => [
			a.title,
			who(a, publicVersion),
			dueText(a.dueDate),
			STATE_LABELS[a.state]()
		])
	};
}

function headerBlocks(meeting: MeetingFacts, options: { publicVersion: boolean }): DocBlock[] {
	const blocks: DocBlock[] = [
		{ kind: 'paragraph', label: m.minutes_doc_date_label({}, o), text: meetingWhen(meeting) }
	];
	const place = meetingPlace(meeting);
	if (place)
		blocks.push({ kind: 'paragraph', label: m.minutes_doc_place_label({}, o), text: place });
	if (meeting.hostName)
		blocks.push({
			kind: 'paragraph',
			label: m.minutes_doc_host_label({}, o),
			text: meeting.hostName
		});
	if (meeting.moderatorName && !options.publicVersion)
		blocks.push({
			kind: 'paragraph',
			label: m.minutes_doc_moderator_label({}, o),
			text: meeting.moderatorName
		});
	return blocks;
}

/** What the agenda shows of an item; the minutes add notes, decision and action items. */
export interface AgendaItemFacts {
	number: number;
	title: string;
	description: string | null;
	isPublic: boolean;
	responsibleName: string | null;
	plannedMinutes: number | null;
	speakers: { name: string; affiliation: string | null }[];
}

/** "TOP 3: Title", marked when the item is not public. */
function itemHeading(item: Pick<AgendaItemFacts, 'number' | 'title' | 'isPublic'>): DocBlock {
	const suffix = item.isPublic ? '' : ` (${m.minutes_doc_non_public({}, o)})`;
	return {
		kind: 'heading',
		level: 3,
		text: m.minutes_doc_top({ number: item.number, title: item.title }, o) + suffix
	};
}

export interface AgendaDocInput {
	meeting: MeetingFacts;
	body: { name: string };
	items: AgendaItemFacts[];
	/** open action items from earlier meetings (the last item of every agenda) */
	openActionItems: ActionRow[];
	publicVersion: boolean;
}

export function buildAgendaDocument(input: AgendaDocInput): DocModel {
	const { meeting, body, publicVersion } = input;
	const title = m.minutes_doc_agenda_title(
		{ body: body.name, date: shortDate(meeting.startsAt) },
		o
	);
	const blocks: DocBlock[] = [
		{ kind: 'heading', level: 1, text: title },
		...headerBlocks(meeting, { publicVersion }),
		{ kind: 'heading', level: 2, text: m.minutes_doc_items_heading({}, o) }
	];
	for (const item of input.items) {
		blocks.push(itemHeading(item));
		if (item.description) blocks.push({ kind: 'paragraph', text: item.description });
		if (item.responsibleName && !publicVersion)
			blocks.push({
				kind: 'paragraph',
				label: m.minutes_doc_responsible_label({}, o),
				text: item.responsibleName
			});
		const speakers = item.speakers
			.map((s) =>
				publicVersion ? s.affiliation : s.affiliation ? `${s.name} (${s.affiliation})` : s.name
			)
			.filter((s): s is string => !!s);
		if (speakers.length)
			blocks.push({
				kind: 'paragraph',
				label: m.minutes_doc_speakers_label({}, o),
				text: speakers.join(', ')
			});
		if (item.plannedMinutes)
			blocks.push({
				kind: 'paragraph',
				label: m.minutes_doc_planned_label({}, o),
				text: m.minutes_doc_minutes({ count: item.plannedMinutes }, o)
			});
	}
	// the open tasks of earlier meetings are internal (names of persons): not in the public version
	if (!publicVersion) {
		blocks.push({
			kind: 'heading',
			level: 3,
			text: m.minutes_doc_top(
				{
					number: Math.max(0, ...input.items.map((i) => i.number)) + 1,
					title: m.minutes_doc_open_actions({}, o)
				},
				o
			)
		});
		blocks.push(
			input.openActionItems.length
				? actionTable(m.minutes_doc_open_actions({}, o), input.openActionItems, publicVersion)
				: { kind: 'paragraph', text: m.minutes_doc_no_open_actions({}, o) }
		);
	}
	return {
		title,
		lang: LANG,
		runningHeader: title,
		pageLabel: (page, pages) => m.minutes_doc_page({ page, pages }, o),
		blocks
	};
}

const ATTENDANCE_LABELS = {
	present: () => m.minutes_attendance_present({}, o),
	excused: () => m.minutes_attendance_excused({}, o),
	absent: () => m.minutes_attendance_absent({}, o)
};

function attendanceBlocks(view: MinutesView, publicVersion: boolean): DocBlock[] {
	const { members, guests } = view.attendance;
	const recorded = members.filter((x) => x.status !== null);
	if (recorded.length === 0 && guests.length === 0)
		return [{ kind: 'paragraph', text: m.minutes_doc_no_attendance({}, o) }];
	if (publicVersion) {
		const count = (s: 'present' | 'excused' | 'absent') =>
			recorded.filter((x) => x.status === s).length + guests.filter((g) => g.status === s).length;
		const guestsPresent = guests.filter((g) => g.status === 'present').length;
		const orgs = [
			...new Set(
				[
					...recorded.filter((x) => x.status === 'present').map((x) => x.affiliation),
					...guests.filter((g) => g.status === 'present').map((g) => g.affiliation)
				].filter((a): a is string => !!a)
			)
		].sort((a, b) => a.localeCompare(b, 'de'));
		const blocks: DocBlock[] = [
			{
				kind: 'list',
				items: [
					m.minutes_doc_count_present({ count: count('present'), guests: guestsPresent }, o),
					m.minutes_doc_count_excused({ count: count('excused') }, o),
					m.minutes_doc_count_absent({ count: count('absent') }, o)
				]
			}
		];
		if (orgs.length)
			blocks.push({
				kind: 'paragraph',
				label: m.minutes_doc_organizations_label({}, o),
				text: orgs.join(', ')
			});
		return blocks;
	}
	return [
		{
			kind: 'table',
			caption: m.minutes_doc_attendance_caption({}, o),
			header: [
				m.minutes_doc_name({}, o),
				m.minutes_doc_organization({}, o),
				m.minutes_doc_status({}, o)
			],
			rows: [
				...recorded.map((x) => [x.name, x.affiliation ?? '–', ATTENDANCE_LABELS[x.status!]()]),
				...guests.map((g) => [
					m.minutes_doc_guest_name({ name: g.name }, o),
					g.affiliation ?? '–',
					ATTENDANCE_LABELS[g.status]()
				])
			]
		}
	];
}

export function approvalText(view: MinutesView, publicVersion: boolean): string {
	if (view.approvedInMeeting)
		return m.minutes_doc_approved_in_meeting(
			{ date: shortDate(view.approvedInMeeting.startsAt) },
			o
		);
	if (view.approvedAt)
		return publicVersion || !view.approvedByName
			? m.minutes_doc_approved_on({ date: shortDate(view.approvedAt) }, o)
			: m.minutes_doc_approved_by(
					{ date: shortDate(view.approvedAt), name: view.approvedByName },
					o
				);
	return m.minutes_doc_not_approved({}, o);
}

export function buildMinutesDocument(
	view: MinutesView,
	options: { publicVersion: boolean; appendix?: DocBlock[] }
): DocModel {
	const { publicVersion } = options;
	const title = m.minutes_doc_minutes_title(
		{ body: view.body.name, date: shortDate(view.meeting.startsAt) },
		o
	);
	const blocks: DocBlock[] = [
		{ kind: 'heading', level: 1, text: title },
		...headerBlocks(view.meeting, { publicVersion })
	];
	if (view.state === 'draft' || view.state === 'shared' || view.state === 'none')
		blocks.push({ kind: 'paragraph', text: m.minutes_doc_draft_notice({}, o) });
	blocks.push({ kind: 'heading', level: 2, text: m.minutes_doc_attendance_heading({}, o) });
	blocks.push(...attendanceBlocks(view, publicVersion));
	if (view.intro) {
		blocks.push({ kind: 'heading', level: 2, text: m.minutes_doc_intro_heading({}, o) });
		blocks.push({ kind: 'paragraph', text: view.intro });
	}
	blocks.push({ kind: 'heading', level: 2, text: m.minutes_doc_items_heading({}, o) });
	for (const item of view.items) {
		blocks.push(itemHeading(item));
		blocks.push({ kind: 'paragraph', text: item.notes ?? m.minutes_doc_no_notes({}, o) });
		if (item.decision)
			blocks.push({
				kind: 'paragraph',
				label: m.minutes_doc_decision_label({}, o),
				text: item.decision
			});
		if (item.actionItems.length)
			blocks.push(
				actionTable(
					m.minutes_doc_actions_caption({ number: item.number }, o),
					item.actionItems,
					publicVersion
				)
			);
	}
	// further sections of other domains (e.g. the municipalities' exchange, district/)
	if (options.appendix?.length) blocks.push(...options.appendix);
	blocks.push({ kind: 'heading', level: 2, text: m.minutes_doc_approval_heading({}, o) });
	blocks.push({ kind: 'paragraph', text: approvalText(view, publicVersion) });
	return {
		title,
		lang: LANG,
		runningHeader: title,
		pageLabel: (page, pages) => m.minutes_doc_page({ page, pages }, o),
		blocks
	};
}
