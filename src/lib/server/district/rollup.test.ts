import { describe, expect, it } from 'vitest';
import { missingFields, rollUp, type RollupAnswer } from './rollup';

const munis = [
	{ id: 'm-mo', name: 'Stadt Moosburg', slug: 'moosburg' },
	{ id: 'm-ec', name: 'Gemeinde Eching', slug: 'eching' },
	{ id: 'm-ne', name: 'Gemeinde Neufahrn', slug: 'neufahrn' }
];
const spring = { id: 'mt-1', startsAt: '2026-03-10T16:00:00.000Z', title: null, state: 'held' };
const autumn = { id: 'mt-2', startsAt: '2026-10-13T15:00:00.000Z', title: null, state: 'planned' };

function answer(meetingId: string, municipalityId: string, a: Partial<RollupAnswer>): RollupAnswer {
	return {
		id: `${meetingId}/${municipalityId}`,
		meetingId,
		municipalityId,
		worksWell: null,
		expand: null,
		districtHelp: null,
		actionItemId: null,
		measureId: null,
		updatedAt: '2026-03-01T00:00:00.000Z',
		...a
	};
}

describe('exchange roll-up', () => {
	const answers = [
		answer('mt-1', 'm-mo', {
			worksWell: 'Helferkreis',
			expand: 'Wohnraum',
			districtHelp: 'Beratung'
		}),
		answer('mt-1', 'm-ec', { worksWell: 'Sprachcafé', expand: '  ' }),
		answer('mt-2', 'm-mo', { districtHelp: 'Kita-Sprachförderung' })
	];
	const r = rollUp(munis, [spring, autumn], answers);

	it('puts the municipalities side by side per meeting, by name, newest meeting first', () => {
		expect(r.meetings.map((m) => m.meeting.id)).toEqual(['mt-2', 'mt-1']);
		const cells = r.meetings[1].cells;
		expect(cells.map((c) => c.municipality.name)).toEqual([
			'Gemeinde Eching',
			'Gemeinde Neufahrn',
			'Stadt Moosburg'
		]);
		expect(cells[2].answer?.worksWell).toBe('Helferkreis');
	});

	it('names missing answers: a municipality without any, and the unanswered questions', () => {
		const spring = r.meetings[1];
		expect(spring.answered).toBe(2);
		expect(spring.missingMunicipalities.map((m) => m.slug)).toEqual(['neufahrn']);
		const eching = spring.cells.find((c) => c.municipality.slug === 'eching')!;
		// a blank answer counts as missing
		expect(eching.missing).toEqual(['expand', 'districtHelp']);
		const neufahrn = spring.cells.find((c) => c.municipality.slug === 'neufahrn')!;
		expect(neufahrn.answer).toBeNull();
		expect(neufahrn.missing).toEqual(['worksWell', 'expand', 'districtHelp']);
		const autumn = r.meetings[0];
		expect(autumn.answered).toBe(1);
		expect(autumn.missingMunicipalities.map((m) => m.slug)).toEqual(['eching', 'neufahrn']);
	});

	it('follows each municipality over the meetings, with a gap where it did not answer', () => {
		const moosburg = r.byMunicipality.find((x) => x.municipality.slug === 'moosburg')!;
		expect(moosburg.history.map((h) => h.answer?.districtHelp ?? null)).toEqual([
			'Kita-Sprachförderung',
			'Beratung'
		]);
		const eching = r.byMunicipality.find((x) => x.municipality.slug === 'eching')!;
		expect(eching.history.map((h) => h.answer?.worksWell ?? null)).toEqual([null, 'Sprachcafé']);
	});

	it('an answer of another meeting or municipality does not leak into a cell', () => {
		const other = rollUp(munis, [spring], [answer('mt-9', 'm-mo', { worksWell: 'x' })]);
		expect(other.meetings[0].answered).toBe(0);
		expect(missingFields(null)).toHaveLength(3);
	});
});
