import { m } from '$lib/paraglide/messages';

const STATES: Record<string, () => string> = {
	planned: m.meetings_state_planned,
	invited: m.meetings_state_invited,
	held: m.meetings_state_held,
	cancelled: m.meetings_state_cancelled
};
export function meetingStateLabel(state: string): string {
	return STATES[state]?.() ?? state;
}
