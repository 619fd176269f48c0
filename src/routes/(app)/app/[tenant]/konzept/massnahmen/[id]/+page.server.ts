import type { Actions, PageServerLoad } from './$types';
import { changeMeasureState, updateMeasure } from '$lib/server/concept/measures';
import { addMilestone, toggleMilestone } from '$lib/server/concept/milestones';
import { addMeasureLink, linkTargetOf, removeMeasureLink } from '$lib/server/concept/measure-links';
import { getMeasurePage } from '$lib/server/concept/measure-detail';
import { progressBar } from '$lib/server/concept/charts';
import { TARGET_GROUPS } from '$lib/server/offers/vocabulary';
import { formAction, orNotFound, tenantCtx } from '$lib/server/http';
import { str } from '$lib/server/shared';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const page = await orNotFound(() => getMeasurePage(ctx, { measureId: event.params.id }));
	const { detail } = page;
	return {
		detail,
		edition: page.edition,
		...page.options,
		guidelines: page.guidelines,
		...page.targets,
		decisions: page.decisions,
		targetGroups: TARGET_GROUPS,
		progressSvg: progressBar(
			'measure-progress',
			detail.progress,
			m.concept_progress_label({ value: detail.progress === null ? '–' : `${detail.progress} %` })
		)
	};
};

/** The page has one form per part; `action` names the one that succeeded. */
const saved = (action: string) => () => ({ success: m.concept_saved(), action });

export const actions: Actions = {
	save: formAction(updateMeasure, {
		form: 'save',
		lists: ['responsibleOrganizationIds', 'targetGroups', 'municipalityIds'],
		input: ({ values, params }) => ({ ...values, measureId: params.id }),
		onSuccess: saved('save')
	}),
	state: formAction(changeMeasureState, {
		form: 'state',
		input: ({ values, params }) => ({ ...values, measureId: params.id }),
		onSuccess: saved('state')
	}),
	milestone: formAction(addMilestone, {
		form: 'milestone',
		input: ({ values, params }) => ({ ...values, measureId: params.id }),
		onSuccess: saved('milestone')
	}),
	toggleMilestone: formAction(toggleMilestone, {
		form: 'toggleMilestone',
		input: ({ values, params }) => ({
			measureId: params.id,
			milestoneId: str(values.milestoneId)
		}),
		onSuccess: saved('toggleMilestone')
	}),
	link: formAction(addMeasureLink, {
		form: 'link',
		input: ({ values, params }) => ({
			...values,
			measureId: params.id,
			targetId: linkTargetOf(values)
		}),
		onSuccess: saved('link')
	}),
	unlink: formAction(removeMeasureLink, {
		form: 'unlink',
		input: ({ values, params }) => ({ measureId: params.id, linkId: str(values.linkId) }),
		onSuccess: saved('unlink')
	})
};
