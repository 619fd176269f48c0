import type { Actions, PageServerLoad } from './$types';
import {
	getDistrictFigures,
	removeDistrictMap,
	uploadDistrictMap,
	type MapCheck
} from '$lib/server/concept/district-figures';
import { comparisonGraphics } from '$lib/server/concept/district-charts';
import { GEOJSON_MAX_BYTES } from '$lib/server/concept/geojson';
import { formAction, orNotFound, t, tenantCtx } from '$lib/server/http';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const figures = await orNotFound(() => getDistrictFigures(ctx));
	const features = figures.map?.features ?? null;
	return {
		figures,
		graphics: figures.comparisons.map((c, i) => comparisonGraphics(c, i, ctx.locale, features))
	};
};

/** The GeoJSON from the file field, else the pasted text; too large a file → '' (refused). */
async function readGeoJson(form: FormData): Promise<string> {
	const file = form.get('file');
	if (file && typeof file !== 'string' && file.size > 0) {
		if (file.size > GEOJSON_MAX_BYTES) return ' '.repeat(GEOJSON_MAX_BYTES + 1);
		return new TextDecoder().decode(await file.arrayBuffer());
	}
	const text = form.get('geojson');
	return typeof text === 'string' ? text : '';
}

const messages = (check: MapCheck) => ({
	errors: check.errors.map((e) => t(e.key, e.params ?? {})),
	unknown: check.unknown.length ? m.figures_map_unknown({ list: check.unknown.join(', ') }) : null,
	missing: check.missing.length ? m.figures_map_missing({ list: check.missing.join(', ') }) : null
});

export const actions: Actions = {
	map: formAction(uploadDistrictMap, {
		form: 'map',
		omit: ['geojson'],
		input: async ({ form }) => ({ text: await readGeoJson(form) }),
		onSuccess: (result) => ({
			action: 'map',
			saved: result.saved,
			success: result.saved ? m.figures_map_saved({ matched: result.matched }) : null,
			check: messages(result)
		})
	}),
	removeMap: formAction(removeDistrictMap, {
		form: 'removeMap',
		onSuccess: () => ({ action: 'removeMap', success: m.figures_map_removed() })
	})
};
