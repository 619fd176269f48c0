import type { Actions, PageServerLoad } from './$types';
import { fail } from '@sveltejs/kit';
import {
	getIndicator,
	previewValueImport,
	recordIndicatorValue,
	runValueImport,
	updateIndicator
} from '$lib/server/concept/indicators';
import { indicatorChart } from '$lib/server/concept/indicator-chart';
import { listChildTenants } from '$lib/server/tenants/service';
import { orNotFound, runAction, t } from '$lib/server/http';
import { m } from '$lib/paraglide/messages';
import { decodeCsv } from '$lib/server/transfer/csv';
import { conceptTenant, formValues } from '../../_shared';
import { goalOptions } from '../goals';
import { keepValues } from '$lib/server/shared';

const MAX_CSV = 2_000_000;

export const load: PageServerLoad = async (event) => {
	const { tenant } = await conceptTenant(event);
	const ctx = event.locals.ctx;
	const view = await orNotFound(() => getIndicator(ctx, tenant.id, event.params.id));
	const chart = indicatorChart(view, tenant.name, ctx.locale);
	const [municipalities, goals] = await Promise.all([
		listChildTenants(ctx.db, tenant.id),
		goalOptions(ctx, tenant.id)
	]);
	return {
		view,
		chart,
		municipalities: municipalities.map((x) => ({ id: x.id, name: x.name })),
		goals
	};
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

export const actions: Actions = {
	save: async (event) => {
		const { tenant } = await conceptTenant(event, 'concept.manage');
		const values = formValues(await event.request.formData(), ['goalIds']);
		const result = await runAction(values, async () => {
			await updateIndicator(event.locals.ctx, tenant.id, event.params.id, values);
			return { ok: true as const };
		});
		if (!('ok' in result)) return fail(result.status, { ...result.data, action: 'save' });
		return { success: m.concept_saved(), action: 'save' };
	},
	value: async (event) => {
		const { tenant } = await conceptTenant(event, 'concept.manage');
		const values = keepValues(await event.request.formData());
		const result = await runAction(values, async () => {
			await recordIndicatorValue(event.locals.ctx, tenant.id, event.params.id, values);
			return { ok: true as const };
		});
		if (!('ok' in result)) return fail(result.status, { ...result.data, action: 'value' });
		return { success: m.concept_value_saved(), action: 'value' };
	},
	preview: async (event) => {
		const { tenant } = await conceptTenant(event, 'concept.manage');
		const csv = await readCsv(await event.request.formData());
		if (!csv.trim())
			return fail(400, { action: 'import', errors: { csv: m.concept_import_error_no_file() } });
		const preview = await orNotFound(() =>
			previewValueImport(event.locals.ctx, tenant.id, event.params.id, csv)
		);
		return {
			action: 'import',
			csv,
			preview: {
				...preview,
				errors: preview.errors.map((e) => ({ line: e.line, message: t(e.key, e.params ?? {}) }))
			}
		};
	},
	import: async (event) => {
		const { tenant } = await conceptTenant(event, 'concept.manage');
		const form = await event.request.formData();
		const csv = String(form.get('csv') ?? '');
		const result = await orNotFound(() =>
			runValueImport(event.locals.ctx, tenant.id, event.params.id, csv)
		);
		if ('errors' in result)
			return fail(400, {
				action: 'import',
				csv,
				importErrors: result.errors.map((e) => ({
					line: e.line,
					message: t(e.key, e.params ?? {})
				}))
			});
		return {
			action: 'import',
			success: m.concept_import_done({ written: result.written, skipped: result.skipped })
		};
	}
};
