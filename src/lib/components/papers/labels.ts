import { m } from '$lib/paraglide/messages';

export function roleLabel(role: string): string {
	switch (role) {
		case 'information':
			return m.papers_role_information();
		case 'preliminary':
			return m.papers_role_preliminary();
		case 'decision':
			return m.papers_role_decision();
	}
	return role;
}

export function visibilityLabel(v: string): string {
	switch (v) {
		case 'public':
			return m.papers_vis_public();
		case 'network':
			return m.papers_vis_network();
		case 'internal':
			return m.papers_vis_internal();
	}
	return v;
}

export function resultLabel(r: string): string {
	switch (r) {
		case 'decided':
			return m.papers_result_decided();
		case 'noted':
			return m.papers_result_noted();
		case 'deferred':
			return m.papers_result_deferred();
		case 'rejected':
			return m.papers_result_rejected();
	}
	return r;
}

export function actionStateLabel(s: string | null): string {
	switch (s) {
		case 'in_progress':
			return m.papers_action_in_progress();
		case 'done':
			return m.papers_action_done();
		case 'cancelled':
			return m.papers_action_cancelled();
	}
	return m.papers_action_open();
}

export function transitionLabel(to: string, stateLabel: string): string {
	switch (to) {
		case 'submitted':
			return m.papers_transition_submitted();
		case 'withdrawn':
			return m.papers_transition_withdrawn();
		case 'draft':
			return m.papers_transition_draft();
	}
	return m.papers_transition_to({ state: stateLabel });
}
