/**
 * Phase rules of a consultation process: what participants may do depends on the phase that
 * runs today (Berlin). Pure; the services and pages share it.
 */
import type { PhaseKind, ProcessStatus } from './schema';

export interface PhaseRules {
	/** write a new contribution online */
	contribute: boolean;
	/** support a contribution (one per person) */
	support: boolean;
	/** comment on a contribution */
	comment: boolean;
	/** register for a dialogue */
	register: boolean;
}

const NOTHING: PhaseRules = { contribute: false, support: false, comment: false, register: false };

/**
 * information: people learn about the process and register for the dialogues;
 * collecting: contributions, supports, comments and registrations;
 * evaluation: staff cluster the contributions; participants may still comment;
 * results: the recommendations are published; read only.
 */
export const PHASE_RULES: Record<PhaseKind, PhaseRules> = {
	information: { ...NOTHING, register: true },
	collecting: { contribute: true, support: true, comment: true, register: true },
	evaluation: { ...NOTHING, comment: true },
	results: NOTHING
};

export interface PhaseLike {
	kind: PhaseKind;
	startsOn: string;
	endsOn: string;
}

/** The phase running on `today` (YYYY-MM-DD); with overlapping phases the one that began last. */
export function currentPhase<P extends PhaseLike>(phases: P[], today: string): P | null {
	let found: P | null = null;
	for (const p of phases) {
		if (p.startsOn <= today && today <= p.endsOn && (!found || p.startsOn >= found.startsOn))
			found = p;
	}
	return found;
}

/** What participants may do today: only in a published process and only during a phase. */
export function rulesFor(
	status: ProcessStatus,
	phases: PhaseLike[],
	today: string
): { phase: PhaseLike | null; rules: PhaseRules } {
	const phase = currentPhase(phases, today);
	if (status !== 'published' || !phase) return { phase, rules: NOTHING };
	return { phase, rules: PHASE_RULES[phase.kind] };
}

/** Where a phase stands relative to today, for the timeline. */
export function phaseTiming(p: PhaseLike, today: string): 'past' | 'current' | 'upcoming' {
	if (p.endsOn < today) return 'past';
	if (p.startsOn > today) return 'upcoming';
	return 'current';
}
