import { mailLocale } from '$lib/server/context';
import type { RequestHandler } from './$types';
import { orNotFound, tenantCtx } from '$lib/server/http';
import { buildResultsDocument } from '$lib/server/participation/results';
import { renderResultsPdf } from '$lib/server/participation/results-pdf';
import { formatDate } from '$lib/components/labels';
import { outcomeLabel, targetGroupLabel } from '$lib/components/participation-labels';
import { m } from '$lib/paraglide/messages';

/** The results document (thesis paper) as a tagged PDF. */
export const GET: RequestHandler = async (event) => {
	const ctx = tenantCtx(event);
	const { tenant } = ctx;
	const locale = mailLocale(ctx.locale);
	const doc = await orNotFound(() => buildResultsDocument(ctx, { processId: event.params.id }));
	const pdf = await renderResultsPdf(
		doc,
		{
			title: m.participation_results_title({ title: doc.process.title }),
			tenant: tenant.name,
			totals: m.participation_results_totals({
				dialogues: doc.totals.dialogues,
				contributions: doc.totals.contributions,
				recommendations: doc.totals.recommendations
			}),
			dialoguesHeading: m.participation_dialogues_title(),
			dialogueLine: (d) =>
				`${targetGroupLabel(d.targetGroup)} · ${formatDate(d.startsAt, locale)} · ${m.participation_supports_contributions({ count: d.contributions })}`,
			recommendationsHeading: m.participation_public_recommendations(),
			noField: m.participation_no_field(),
			outcomeLine: (r) =>
				`${m.participation_outcome()}: ${outcomeLabel(r.outcomeKind)}${r.outcomeNote ? ` – ${r.outcomeNote}` : ''} · ${m.participation_based_on({ count: r.contributions.length })}`,
			none: m.participation_recommendations_none()
		},
		locale
	);
	return new Response(new Uint8Array(pdf), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `inline; filename="ergebnisse-${doc.process.id}.pdf"`
		}
	});
};
