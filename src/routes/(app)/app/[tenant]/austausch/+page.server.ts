import type { Actions, PageServerLoad } from './$types';
import { transferVocabulary } from '$lib/server/transfer/vocabulary';
import { runImport, type ImportPreview } from '$lib/server/transfer/import';
import type { ImportIssue } from '$lib/server/transfer/file-check';
import { packedFiles, previewUpload, readUploads } from '$lib/server/transfer/uploads';
import {
	MAX_IMPORT_BYTES,
	OFFER_COLUMNS,
	ORGANIZATION_COLUMNS,
	TRANSLATION_LOCALES,
	type TransferFile
} from '$lib/server/transfer/columns';
import {
	COST_KINDS,
	LOCATION_KINDS,
	OFFER_STATUSES,
	SCHEDULE_KINDS,
	SPOKEN_LANGUAGES,
	TARGET_GROUPS
} from '$lib/server/offers/vocabulary';
import { formAction, orNotFound, t, tenantCtx } from '$lib/server/http';
import { m } from '$lib/paraglide/messages';

/** Rows of each preview table and errors shown at most; the counts say how many more. */
const PREVIEW_ROWS = 200;
const SHOWN_ERRORS = 500;

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const vocabulary = await orNotFound(() => transferVocabulary(ctx));
	const translationColumns = new Set(
		TRANSLATION_LOCALES.flatMap((l) => [`title_${l}`, `description_${l}`])
	);
	return {
		tenant: ctx.tenant,
		vocabulary,
		organizationColumns: ORGANIZATION_COLUMNS,
		offerColumns: OFFER_COLUMNS.filter((c) => !translationColumns.has(c.name)),
		translationColumns: [...translationColumns],
		targetGroups: TARGET_GROUPS,
		languages: SPOKEN_LANGUAGES,
		choices: {
			location_kind: LOCATION_KINDS,
			schedule_kind: SCHEDULE_KINDS,
			cost_kind: COST_KINDS,
			status: OFFER_STATUSES
		},
		maxMegabytes: MAX_IMPORT_BYTES / 1024 / 1024
	};
};

const fileLabel = (file: TransferFile) =>
	file === 'organizations' ? m.transfer_file_organizations() : m.transfer_file_offers();

/** An issue in the user's language: where (file, line, column) and what. */
function describe(issue: ImportIssue): { where: string; message: string } {
	const file = fileLabel(issue.file);
	const where =
		issue.line <= 0
			? ''
			: issue.column
				? m.transfer_error_where({ file, line: issue.line, column: issue.column })
				: m.transfer_error_where_line({ file, line: issue.line });
	return { where, message: t(issue.key, issue.params ?? {}) };
}

function present(preview: ImportPreview) {
	return {
		organizations: preview.organizations.slice(0, PREVIEW_ROWS),
		moreOrganizations: Math.max(0, preview.organizations.length - PREVIEW_ROWS),
		offers: preview.offers.slice(0, PREVIEW_ROWS),
		moreOffers: Math.max(0, preview.offers.length - PREVIEW_ROWS),
		counts: { organizations: preview.organizations.length, offers: preview.offers.length },
		errors: preview.errors.slice(0, SHOWN_ERRORS).map(describe),
		errorCount: preview.errors.length
	};
}

export const actions: Actions = {
	preview: formAction(previewUpload, {
		input: ({ form }) => readUploads(form),
		onSuccess: ({ preview, recoded, payload }) => ({
			step: 'preview' as const,
			notes: recoded.map((file) => m.transfer_encoding_note({ file: fileLabel(file) })),
			...present(preview),
			payload
		})
	}),
	run: formAction(runImport, {
		input: ({ form }) => packedFiles(form),
		onSuccess: (result) =>
			result.ok
				? {
						step: 'done' as const,
						success: m.transfer_run_done({
							organizations: result.organizations,
							offers: result.offers
						})
					}
				: { step: 'preview' as const, notes: [], ...present(result.preview), payload: null }
	})
};
