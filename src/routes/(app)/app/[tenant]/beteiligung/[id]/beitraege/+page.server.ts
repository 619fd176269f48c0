import type { Actions, PageServerLoad } from './$types';
import { formAction, orNotFound, tenantCtx } from '$lib/server/http';
import { enterOfflineContributions } from '$lib/server/participation/contributions';
import {
	hideComment,
	hideContribution,
	mergeContribution,
	publishContribution
} from '$lib/server/participation/moderation';
import { linkContributions } from '$lib/server/participation/recommendations';
import { contributionsPage } from '$lib/server/participation/pages';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const page = await orNotFound(() =>
		contributionsPage(ctx, { processId: event.params.id, query: event.url.searchParams })
	);
	return { tenant: ctx.tenant, ...page };
};

export const actions: Actions = {
	offline: formAction(enterOfflineContributions, {
		input: ({ values, params }) => {
			// sent back with errors: the page reopens the offline form by it
			values.offlineForm = '1';
			return { ...values, processId: params.id };
		},
		onSuccess: ({ count }) => ({ success: m.participation_offline_saved({ count }) })
	}),
	publish: formAction(publishContribution, {
		input: ({ values, params }) => ({ processId: params.id, contributionId: values.id }),
		onSuccess: () => ({ success: m.participation_published() })
	}),
	hide: formAction(hideContribution, {
		input: ({ values, params }) => {
			// sent back with errors: the reason field of this contribution shows them
			values.hideId = values.id;
			return { processId: params.id, contributionId: values.id, reason: values.reason };
		},
		onSuccess: () => ({ success: m.participation_hidden() })
	}),
	merge: formAction(mergeContribution, {
		input: ({ values, params }) => {
			values.mergeId = values.id;
			return {
				processId: params.id,
				contributionId: values.id,
				targetId: values.targetId,
				reason: values.reason
			};
		},
		onSuccess: () => ({ success: m.participation_merged() })
	}),
	hideComment: formAction(hideComment, {
		input: ({ values, params }) => ({
			processId: params.id,
			commentId: values.id,
			reason: values.reason
		}),
		onSuccess: () => ({ success: m.participation_comment_hidden() })
	}),
	link: formAction(linkContributions, {
		lists: ['contributionIds'],
		input: ({ values, params }) => ({
			processId: params.id,
			recommendationId: values.recommendationId,
			contributionIds: values.contributionIds
		}),
		onSuccess: (count) => ({ success: m.participation_linked({ count }) })
	})
};
