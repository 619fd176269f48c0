/**
 * Translation gaps for the start page (workspace/): per language, how many texts the actor may
 * translate are missing or outdated, the most gaps first, each linked to the coverage page's
 * worklist of that language.
 */
import { languageNames } from '$lib/i18n/intl';
import type { TenantCtx } from '../context';
import type { TaskList } from '../shared';
import { coverageView, mayTranslate, translationScope } from './service';
import { untilChange } from '../cache/until-change';
import { TARGET_LOCALES } from './content';

export async function translationGapTasks(ctx: TenantCtx, limit: number): Promise<TaskList> {
	if (!mayTranslate(ctx)) return { total: 0, entries: [] };
	// The counts need every translatable text of the tenant with its source hash: computed once
	// until the next change (for the tenant and the organisations the actor translates for).
	const scope = translationScope(ctx);
	const gaps = await untilChange(
		`translation-gaps\n${ctx.tenant.id}\n${scope ? [...scope].sort().join(',') : '*'}`,
		async () => {
			const { rows } = await coverageView(ctx);
			return TARGET_LOCALES.map((locale) => ({
				locale,
				count: rows
					.filter((r) => r.locale === locale)
					.reduce((sum, r) => sum + r.counts.missing + r.counts.outdated, 0)
			}))
				.filter((g) => g.count > 0)
				.sort((a, b) => b.count - a.count);
		}
	);
	const names = languageNames(ctx.locale);
	return {
		total: gaps.length,
		entries: gaps.slice(0, limit).map((g) => ({
			id: g.locale,
			title: names.of(g.locale) ?? g.locale,
			detail: null,
			date: null,
			overdue: false,
			href: `/app/${ctx.tenant.slug}/uebersetzungen?sprache=${g.locale}`,
			count: g.count
		}))
	};
}
