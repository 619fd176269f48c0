import type { Actions, PageServerLoad } from './$types';
import { fail } from '@sveltejs/kit';
import { getIndicatorPage } from '$lib/server/concept/pages';
import { recordIndicatorValue, updateIndicator } from '$lib/server/concept/indicator-edit';
import { previewValueImport, runValueImport } from '$lib/server/concept/indicator-import';
import { indicatorChart } from '$lib/server/concept/indicator-chart';
import type { StatIssue } from '$lib/server/concept/statcsv';
import { formAction, orNotFound, t, tenantCtx } from '$lib/server/http';
import { str } from '$lib/server/shared';
import { m } from '$lib/paraglide/messages';
import { decodeCsv } from '$lib/server/transfer/csv';

const MAX_CSV = 2_000_000;

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const page = await orNotFound(() => getIndicatorPage(ctx, { indicatorId: event.params.id }));
	return { ...page, chart: indicatorChart(page.view, ctx.tenant.name, ctx.locale) };
};

async function readCsv(form: FormData): Promise<string> {
	const file = form.get('file');
	if (file && typeof file !== 'string' && file.size > 0) {
		if (file.size > MAX_CSV) return '';
		const bytes = new Uint8Array(await file.arrayBuffer());
		return decodeCsv(bytes).text;
	}
	const text = form.get('csv');
	return typeof text === 'string' ? text.slice(0, MAX_CSV) : '';
}

const messages = (issues: StatIssue[]) =>
	issues.map((e) => ({ line: e.line, message: t(e.key, e.params ?? {}) }));

export const actions: Actions = {
	save: formAction(updateIndicator, {
		form: 'save',
		lists: ['goalIds'],
		input: ({ values, params }) => ({ ...values, indicatorId: params.id }),
		onSuccess: () => ({ success: m.concept_saved(), action: 'save' })
	}),
	value: formAction(recordIndicatorValue, {
		form: 'value',
		input: ({ values, params }) => ({ ...values, indicatorId: params.id }),
		onSuccess: () => ({ success: m.concept_value_saved(), action: 'value' })
	}),
	preview: formAction(previewValueImport, {
		form: 'import',
		omit: ['csv'],
		input: async ({ form, params }) => ({ indicatorId: params.id, text: await readCsv(form) }),
		onSuccess: async (preview, { form }) => ({
			action: 'import',
			csv: await readCsv(form),
			preview: { ...preview, errors: messages(preview.errors) }
		})
	}),
	import: formAction(runValueImport, {
		form: 'import',
		input: ({ values, params }) => ({ indicatorId: params.id, text: str(values.csv) }),
		onSuccess: (result, { values }) =>
			'errors' in result
				? fail(400, {
						action: 'import',
						csv: str(values.csv),
						importErrors: messages(result.errors)
					})
				: {
						action: 'import',
						success: m.concept_import_done({ written: result.written, skipped: result.skipped })
					}
	})
};
