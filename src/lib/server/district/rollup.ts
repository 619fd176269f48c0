/**
 * The exchange roll-up: the three answers of every municipality side by side per meeting, and
 * each municipality's answers over the meetings. Pure: the views load the rows and call it.
 */

export const EXCHANGE_FIELDS = ['worksWell', 'expand', 'districtHelp'] as const;
export type ExchangeField = (typeof EXCHANGE_FIELDS)[number];

export interface RollupMunicipality {
	id: string;
	name: string;
	slug: string;
}

export interface RollupMeeting {
	id: string;
	startsAt: string;
	title: string | null;
	state: string;
}

export interface RollupAnswer {
	id: string;
	meetingId: string;
	municipalityId: string;
	worksWell: string | null;
	expand: string | null;
	districtHelp: string | null;
	actionItemId: string | null;
	measureId: string | null;
	updatedAt: string;
}

/** One municipality's cell in a meeting: its answers, or missing. */
export interface RollupCell {
	municipality: RollupMunicipality;
	answer: RollupAnswer | null;
	/** which of the three questions are still unanswered (all three when there is no answer) */
	missing: ExchangeField[];
}

export interface RollupMeetingRow {
	meeting: RollupMeeting;
	cells: RollupCell[];
	answered: number;
	/** municipalities that have not answered any question */
	missingMunicipalities: RollupMunicipality[];
}

export interface RollupMunicipalityRow {
	municipality: RollupMunicipality;
	/** one entry per meeting (newest first), missing when it did not answer */
	history: { meeting: RollupMeeting; answer: RollupAnswer | null }[];
}

export interface Rollup {
	municipalities: RollupMunicipality[];
	/** newest meeting first */
	meetings: RollupMeetingRow[];
	byMunicipality: RollupMunicipalityRow[];
}

const filled = (v: string | null | undefined) => !!v && v.trim() !== '';

export function missingFields(answer: RollupAnswer | null): ExchangeField[] {
	return EXCHANGE_FIELDS.filter((f) => !answer || !filled(answer[f]));
}

export function rollUp(
	municipalities: RollupMunicipality[],
	meetings: RollupMeeting[],
	answers: RollupAnswer[]
): Rollup {
	const sortedMunicipalities = [...municipalities].sort((a, b) =>
		a.name.localeCompare(b.name, 'de')
	);
	const sortedMeetings = [...meetings].sort((a, b) => b.startsAt.localeCompare(a.startsAt));
	const key = (meetingId: string, municipalityId: string) => `${meetingId}/${municipalityId}`;
	const byKey = new Map(answers.map((a) => [key(a.meetingId, a.municipalityId), a]));
	const meetingRows = sortedMeetings.map((meeting) => {
		const cells = sortedMunicipalities.map((municipality) => {
			const answer = byKey.get(key(meeting.id, municipality.id)) ?? null;
			return { municipality, answer, missing: missingFields(answer) };
		});
		return {
			meeting,
			cells,
			answered: cells.filter((c) => c.missing.length < EXCHANGE_FIELDS.length).length,
			missingMunicipalities: cells
				.filter((c) => c.missing.length === EXCHANGE_FIELDS.length)
				.map((c) => c.municipality)
		};
	});
	return {
		municipalities: sortedMunicipalities,
		meetings: meetingRows,
		byMunicipality: sortedMunicipalities.map((municipality) => ({
			municipality,
			history: sortedMeetings.map((meeting) => ({
				meeting,
				answer: byKey.get(key(meeting.id, municipality.id)) ?? null
			}))
		}))
	};
}
