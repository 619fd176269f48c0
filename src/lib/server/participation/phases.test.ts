import { describe, expect, it } from 'vitest';
import { currentPhase, PHASE_RULES, phaseTiming, rulesFor } from './phases';
import { berlinToday } from '../shared';

const phases = [
	{ kind: 'information' as const, startsOn: '2026-01-01', endsOn: '2026-01-31' },
	{ kind: 'collecting' as const, startsOn: '2026-02-01', endsOn: '2026-03-31' },
	{ kind: 'evaluation' as const, startsOn: '2026-03-25', endsOn: '2026-04-30' },
	{ kind: 'results' as const, startsOn: '2026-05-01', endsOn: '2026-12-31' }
];

describe('currentPhase', () => {
	it('finds the phase of the day, bounds included', () => {
		expect(currentPhase(phases, '2026-01-01')?.kind).toBe('information');
		expect(currentPhase(phases, '2026-01-31')?.kind).toBe('information');
		expect(currentPhase(phases, '2026-02-01')?.kind).toBe('collecting');
		expect(currentPhase(phases, '2026-12-31')?.kind).toBe('results');
	});
	it('takes the later phase where two overlap', () => {
		expect(currentPhase(phases, '2026-03-28')?.kind).toBe('evaluation');
	});
	it('is null before, after and between phases', () => {
		expect(currentPhase(phases, '2025-12-31')).toBeNull();
		expect(currentPhase(phases, '2027-01-01')).toBeNull();
		expect(currentPhase([], '2026-02-01')).toBeNull();
	});
});

describe('rulesFor', () => {
	it('allows contributions, supports and comments only while collecting', () => {
		expect(rulesFor('published', phases, '2026-02-10').rules).toEqual({
			contribute: true,
			support: true,
			comment: true,
			register: true
		});
		expect(rulesFor('published', phases, '2026-01-10').rules).toEqual({
			contribute: false,
			support: false,
			comment: false,
			register: true
		});
		expect(rulesFor('published', phases, '2026-04-10').rules).toEqual({
			contribute: false,
			support: false,
			comment: true,
			register: false
		});
		expect(rulesFor('published', phases, '2026-06-10').rules).toEqual(PHASE_RULES.results);
	});
	it('allows nothing in a draft or archived process or outside the phases', () => {
		for (const status of ['draft', 'archived'] as const)
			expect(Object.values(rulesFor(status, phases, '2026-02-10').rules)).not.toContain(true);
		expect(Object.values(rulesFor('published', phases, '2027-02-10').rules)).not.toContain(true);
	});
});

describe('berlinToday and phaseTiming', () => {
	it('uses the Berlin calendar day', () => {
		// 23:30 UTC on 31 March is already 1 April in Berlin (summer time)
		expect(berlinToday(new Date('2026-03-31T23:30:00Z'))).toBe('2026-04-01');
	});
	it('places phases on the timeline', () => {
		expect(phaseTiming(phases[0], '2026-02-10')).toBe('past');
		expect(phaseTiming(phases[1], '2026-02-10')).toBe('current');
		expect(phaseTiming(phases[3], '2026-02-10')).toBe('upcoming');
	});
});
