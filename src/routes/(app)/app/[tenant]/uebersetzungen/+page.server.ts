import type { Actions, PageServerLoad } from './$types';
import { formAction, orNotFound, tenantCtx } from '$lib/server/http';
import { coverageView } from '$lib/server/translations/service';
import { latestJobs, startTranslationJob } from '$lib/server/translations/job';
import { TARGET_LOCALES, EFFECTIVE_STATES } from '$lib/server/translations/content';
import { m } from '$lib/paraglide/messages';
import { languageName } from '$lib/components/translations/labels';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const q = event.url.searchParams;
	const coverage = await orNotFound(() =>
		coverageView(ctx, {
			locale: q.get('sprache') ?? undefined,
			state: q.get('stand') ?? undefined,
			type: q.get('inhalt') ?? undefined
		})
	);
	return {
		tenant: ctx.tenant,
		coverage,
		jobs: coverage.mayStartJobs ? await latestJobs(ctx) : [],
		locales: [...TARGET_LOCALES],
		states: [...EFFECTIVE_STATES]
	};
};

export const actions: Actions = {
	start: formAction(startTranslationJob, {
		onSuccess: (result, { values }) => ({
			success: m.translations_machine_started({
				language: languageName(String(values.locale)),
				total: result.total
			})
		})
	})
};
