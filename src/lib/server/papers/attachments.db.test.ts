import { describe, expect, it } from 'vitest';
import { testTenantCtx, useTestDb } from '../db/testing/test-db';
import { NotFoundError } from '../errors';
import { createPaper } from './create';
import { transitionPaper } from './transition';
import { attachPaperFile, paperFileDownload } from './attachments';
import { input, setupPapers } from './test-setup';

const database = useTestDb();

const pdf = {
	name: 'Antrag "Kita".pdf',
	type: 'application/pdf',
	bytes: new TextEncoder().encode('%PDF-1.7\n%test\n')
};

describe('paper attachment downloads', () => {
	it('signed in: a PDF opens inline and is not cached; someone who may not see the paper gets not found', async () => {
		const { wg, speaker, outsider } = await setupPapers(database.db);
		const paper = await createPaper(speaker, input({ originatingBodyId: wg.id }));
		const { fileId } = await attachPaperFile(speaker, { paperId: paper.id, file: pdf });

		const response = await paperFileDownload(speaker, { paperId: paper.id, fileId }, 'signed-in');
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/pdf');
		expect(response.headers.get('content-disposition')).toBe(
			`inline; filename*=UTF-8''${encodeURIComponent('Antrag _Kita_.pdf')}`
		);
		expect(response.headers.get('cache-control')).toBe('private, no-store');
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		expect(new Uint8Array(await response.arrayBuffer())).toEqual(pdf.bytes);

		// a draft of a working group is not the outsider's to see
		await expect(
			paperFileDownload(outsider, { paperId: paper.id, fileId }, 'signed-in')
		).rejects.toBeInstanceOf(NotFoundError);
	});

	it('public site: only a public paper’s file, always as download, cacheable', async () => {
		const { tenant, wg, speaker, coordinator } = await setupPapers(database.db);
		const visitor = testTenantCtx(coordinator.db, tenant);
		const paper = await createPaper(
			speaker,
			input({ originatingBodyId: wg.id, visibility: 'public' })
		);
		const { fileId } = await attachPaperFile(speaker, { paperId: paper.id, file: pdf });
		// a draft is not public yet
		await expect(
			paperFileDownload(visitor, { paperId: paper.id, fileId }, 'public')
		).rejects.toBeInstanceOf(NotFoundError);

		await transitionPaper(speaker, { paperId: paper.id, to: 'submitted' });
		const response = await paperFileDownload(visitor, { paperId: paper.id, fileId }, 'public');
		expect(response.headers.get('content-disposition')).toMatch(/^attachment; /);
		expect(response.headers.get('cache-control')).toBe('public, max-age=300');

		// a file id that does not belong to the paper named in the address
		await expect(
			paperFileDownload(
				visitor,
				{ paperId: paper.id, fileId: '00000000-0000-4000-8000-000000000000' },
				'public'
			)
		).rejects.toBeInstanceOf(NotFoundError);
	});
});
