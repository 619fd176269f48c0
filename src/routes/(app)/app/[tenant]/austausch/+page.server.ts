import type { Actions, PageServerLoad } from './$types';
import { requireActor } from '$lib/server/guards';
import { getTenantForActor } from '$lib/server/tenants/service';
import { authorize } from '$lib/server/auth/policy';
import { transferVocabulary } from '$lib/server/transfer/vocabulary';
import {
	previewImport,
	runImport,
	type ImportFiles,
	type ImportIssue,
	type ImportPreview
} from '$lib/server/transfer/import';
import {
	MAX_IMPORT_BYTES,
	OFFER_COLUMNS,
	ORGANIZATION_COLUMNS,
	TRANSLATION_LOCALES,
	type TransferFile
} from '$lib/server/transfer/columns';
import { decodeCsv } from '$lib/server/transfer/csv';
import {
	COST_KINDS,
	LOCATION_KINDS,
	OFFER_STATUSES,
	SCHEDULE_KINDS,
	SPOKEN_LANGUAGES,
	TARGET_GROUPS
} from '$lib/server/offers/vocabulary';
import { orNotFound, t } from '$lib/server/http';
import { m } from '$lib/paraglide/messages';

/** Rows of each preview table and errors shown at most; the counts say how many more. */
const PREVIEW_ROWS = 200;
const SHOWN_ERRORS = 500;
const FILES: TransferFile[] = ['organizations', 'offers'];

async function tenantFor(event: Parameters<PageServerLoad>[0] | Parameters<Actions[string]>[0]) {
	const actor = requireActor(event);
	const tenant = await orNotFound(() => getTenantForActor(event.locals.ctx, event.params.tenant!));
	await orNotFound(async () => authorize(actor, 'data.transfer', { tenantId: tenant.id }));
	return tenant;
}

export const load: PageServerLoad = async (event) => {
	const tenant = await tenantFor(event);
	const vocabulary = await transferVocabulary(event.locals.ctx, tenant.id);
	const translationColumns = new Set(
		TRANSLATION_LOCALES.flatMap((l) => [`title_${l}`, `description_${l}`])
	);
	return {
		tenant,
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

/** Reads the uploaded files; problems with a file as such come back as issues. */
async function readUploads(form: FormData) {
	const files: ImportFiles = {};
	const issues: ImportIssue[] = [];
	const notes: string[] = [];
	for (const file of FILES) {
		const upload = form.get(file);
		if (!(upload instanceof File) || upload.size === 0) continue;
		if (!/\.(csv|txt)$/i.test(upload.name)) {
			issues.push({ file, line: 0, column: null, key: 'transfer_error_not_csv' });
			continue;
		}
		if (upload.size > MAX_IMPORT_BYTES) {
			issues.push({
				file,
				line: 0,
				column: null,
				key: 'transfer_error_too_large',
				params: { max: MAX_IMPORT_BYTES / 1024 / 1024 }
			});
			continue;
		}
		const { text, encoding } = decodeCsv(new Uint8Array(await upload.arrayBuffer()));
		if (encoding !== 'utf-8') notes.push(m.transfer_encoding_note({ file: fileLabel(file) }));
		files[file] = text;
	}
	return { files, issues, notes };
}

/** The checked file contents travel to the second step in hidden fields, base64-encoded UTF-8. */
const pack = (text: string | null | undefined) =>
	text ? Buffer.from(text, 'utf8').toString('base64') : '';
const unpack = (value: FormDataEntryValue | null) =>
	typeof value === 'string' && value !== '' ? Buffer.from(value, 'base64').toString('utf8') : null;

export const actions: Actions = {
	preview: async (event) => {
		const tenant = await tenantFor(event);
		const form = await event.request.formData();
		const { files, issues, notes } = await readUploads(form);
		if (issues.length > 0) {
			return {
				step: 'preview' as const,
				notes,
				...present({ organizations: [], offers: [], errors: issues }),
				payload: null
			};
		}
		const preview = await orNotFound(() => previewImport(event.locals.ctx, tenant.id, files));
		return {
			step: 'preview' as const,
			notes,
			...present(preview),
			payload:
				preview.errors.length === 0
					? { organizations: pack(files.organizations), offers: pack(files.offers) }
					: null
		};
	},
	run: async (event) => {
		const tenant = await tenantFor(event);
		const form = await event.request.formData();
		const files: ImportFiles = {
			organizations: unpack(form.get('organizations')),
			offers: unpack(form.get('offers'))
		};
		const result = await orNotFound(() => runImport(event.locals.ctx, tenant.id, files));
		if (!result.ok) {
			return { step: 'preview' as const, notes: [], ...present(result.preview), payload: null };
		}
		return {
			step: 'done' as const,
			success: m.transfer_run_done({
				organizations: result.organizations,
				offers: result.offers
			})
		};
	}
};
