import type { Actions, PageServerLoad } from './$types';
import { redirect, type Cookies } from '@sveltejs/kit';
import { formAction, orNotFound, tenantCtx } from '$lib/server/http';
import {
	commentOnContribution,
	submitContribution,
	supportContribution,
	supporterKey,
	trackPath
} from '$lib/server/participation/contributions';
import { publicProcessPage } from '$lib/server/participation/pages';
import {
	issueChallenge,
	POW_DIFFICULTY,
	skipsSpamChecks,
	SPAM_FIELDS,
	keptChallenge
} from '$lib/server/inquiries/spam';
import { newToken } from '$lib/server/auth/tokens';
import { formValues } from '$lib/server/shared';
import { m } from '$lib/paraglide/messages';

/** A random id of the browser, so that one person supports a contribution only once. */
const PARTICIPANT_COOKIE = 'mt_participant';

function participant(cookies: Cookies, url: URL, create: boolean): string | undefined {
	let id = cookies.get(PARTICIPANT_COOKIE);
	if (!id && create) {
		id = newToken();
		cookies.set(PARTICIPANT_COOKIE, id, {
			path: '/',
			httpOnly: true,
			sameSite: 'lax',
			secure: url.protocol === 'https:',
			maxAge: 365 * 24 * 3600
		});
	}
	return id;
}

const rateLimitMessage = (minutes: number) => m.inquiries_error_rate_limited({ minutes });

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const key = supporterKey(ctx.actor, participant(event.cookies, event.url, false));
	const page = await orNotFound(() =>
		publicProcessPage(ctx, { processId: event.params.id, supporterKey: key })
	);
	return {
		tenant: ctx.tenant,
		...page,
		signedIn: !!ctx.actor,
		// signed in elsewhere (another tenant's staff) is no reason to skip the spam checks
		spamChecked: !skipsSpamChecks(ctx.actor, ctx.tenant.id),
		challenge: issueChallenge(),
		difficulty: POW_DIFFICULTY
	};
};

export const actions: Actions = {
	contribute: formAction(submitContribution, {
		omit: SPAM_FIELDS,
		keep: keptChallenge,
		rateLimitMessage,
		input: ({ values, form, params }) => {
			// sent back with errors: the page reopens the contribution form by it
			values.contributeForm = '1';
			return { ...formValues(form), processId: params.id };
		},
		onSuccess: ({ token }, { ctx }) => {
			if (token) redirect(303, `${trackPath(ctx.tenant.slug, token)}?neu=1`);
			return { success: m.participation_contribution_published() };
		}
	}),
	support: formAction(supportContribution, {
		omit: SPAM_FIELDS,
		rateLimitMessage,
		input: ({ values, params, event }) => ({
			processId: params.id,
			contributionId: values.id,
			participantCookie: event.locals.actor
				? undefined
				: participant(event.cookies, event.url, true)
		}),
		onSuccess: (added) => ({
			success: added ? m.participation_supported() : m.participation_already_supported()
		})
	}),
	comment: formAction(commentOnContribution, {
		omit: SPAM_FIELDS,
		keep: keptChallenge,
		rateLimitMessage,
		input: ({ values, form, params }) => {
			// sent back with errors: the comment form of this contribution shows them
			values.commentOn = values.id;
			return { ...formValues(form), processId: params.id, contributionId: values.id };
		},
		onSuccess: () => ({ success: m.participation_comment_published() })
	})
};
