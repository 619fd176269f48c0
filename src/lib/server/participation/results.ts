import { and, count, eq, inArray } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import { contributions } from './schema';
import { getPublicProcess, type ProcessView } from './processes';
import { dialoguesOf, type DialogueView } from './dialogues';
import { groupByField, recommendationsOf, type RecommendationView } from './recommendation-views';

/**
 * The results document (Thesenpapier / Ergebnisdokument) of a process: introduction, the
 * dialogues held, and the recommendations by field of action with how many contributions each
 * draws on and what became of it. One model for the HTML page and the PDF.
 */
export interface ResultsDocument {
	process: ProcessView;
	dialogues: (DialogueView & { contributions: number })[];
	groups: { fieldOfActionId: string | null; name: string | null; items: RecommendationView[] }[];
	totals: { contributions: number; recommendations: number; dialogues: number };
}

export async function buildResultsDocument(
	ctx: TenantCtx,
	input: { processId: string }
): Promise<ResultsDocument> {
	const { db, locale } = ctx;
	const tenantId = ctx.tenant.id;
	const process = await getPublicProcess(ctx, input);
	const [dialogues, recs] = await Promise.all([
		dialoguesOf(db, tenantId, process.id),
		recommendationsOf(db, tenantId, process.id, locale)
	]);
	const ids = dialogues.map((d) => d.id);
	const perDialogue =
		ids.length === 0
			? []
			: await db
					.select({ id: contributions.dialogueId, n: count() })
					.from(contributions)
					.where(
						and(
							eq(contributions.tenantId, tenantId),
							eq(contributions.status, 'published'),
							inArray(contributions.dialogueId, ids)
						)
					)
					.groupBy(contributions.dialogueId);
	return {
		process,
		dialogues: dialogues.map((d) => ({
			...d,
			contributions: Number(perDialogue.find((x) => x.id === d.id)?.n ?? 0)
		})),
		// the public sees only measures that are on the public concept page
		groups: groupByField(
			recs.map((r) => ({ ...r, measure: r.measure?.isPublic ? r.measure : null }))
		),
		totals: {
			contributions: process.contributionCount,
			recommendations: recs.length,
			dialogues: dialogues.length
		}
	};
}
