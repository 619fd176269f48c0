import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testTenantCtx, useTestDb } from '../db/testing/test-db';
import { NotFoundError, ValidationError } from '../errors';
import { paperFiles } from './schema';
import { updatePaper } from './update';
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
			`inline; filename="Antrag _Kita_.pdf"; filename*=UTF-8''${encodeURIComponent('Antrag _Kita_.pdf')}`
		);
		expect(response.headers.get('cache-control')).toBe('private, no-store');
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		expect(new Uint8Array(await response.arrayBuffer())).toEqual(pdf.bytes);

		// a draft of a working group is not the outsider's to see
		await expect(
			paperFileDownload(outsider, { paperId: paper.id, fileId }, 'signed-in')
		).rejects.toBeInstanceOf(NotFoundError);
	});

	it('public site: only a public paper’s file, always as download, revalidated', async () => {
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
		expect(response.headers.get('cache-control')).toBe('public, no-cache');

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

const html = (type: string, name: string) => ({
	name,
	type,
	bytes: new TextEncoder().encode('<!doctype html><script>alert(document.cookie)</script>')
});
// the PNG signature and an IHDR chunk of a 1×1 image
const png = {
	name: 'plan.png',
	type: 'image/png',
	bytes: new Uint8Array([
		0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1,
		0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89
	])
};

async function refusal(promise: Promise<unknown>) {
	const error = await promise.catch((e: unknown) => e);
	expect(error).toBeInstanceOf(ValidationError);
	return (error as ValidationError).fieldErrors;
}

describe('paper attachment uploads: the content must be the declared type', () => {
	it('refuses HTML declared as PDF, PNG or text, and markup declared as CSV; attaches nothing', async () => {
		const { db, wg, speaker } = await setupPapers(database.db);
		const paper = await createPaper(speaker, input({ originatingBodyId: wg.id }));
		for (const file of [
			html('application/pdf', 'antrag.pdf'),
			html('image/png', 'plan.png'),
			html('text/plain', 'notiz.txt'),
			{ ...pdf, type: 'image/png', name: 'plan.png' },
			{ ...png, type: 'application/pdf', name: 'antrag.pdf' },
			{ name: 'liste.csv', type: 'text/csv', bytes: new TextEncoder().encode('<svg onload=x>') }
		]) {
			expect(await refusal(attachPaperFile(speaker, { paperId: paper.id, file }))).toEqual({
				file: 'att_error_content_mismatch'
			});
		}
		expect(await db.select().from(paperFiles).where(eq(paperFiles.paperId, paper.id))).toEqual([]);

		// the real thing of each kind is accepted
		for (const file of [
			pdf,
			png,
			{ name: 'liste.csv', type: 'text/csv', bytes: new TextEncoder().encode('Name;Zahl\nA;1\n') }
		])
			await attachPaperFile(speaker, { paperId: paper.id, file });
		expect(await db.select().from(paperFiles).where(eq(paperFiles.paperId, paper.id))).toHaveLength(
			3
		);
	});
});

describe('paper attachment responses: sandboxed, never HTML inline, public ones revalidated', () => {
	it('every answer has nosniff and a sandbox CSP; only PDF and images inline', async () => {
		const { wg, speaker } = await setupPapers(database.db);
		const paper = await createPaper(speaker, input({ originatingBodyId: wg.id }));
		const text = {
			name: 'notiz.txt',
			type: 'text/plain',
			bytes: new TextEncoder().encode('Hallo')
		};
		const answers = [];
		for (const file of [pdf, png, text]) {
			const { fileId } = await attachPaperFile(speaker, { paperId: paper.id, file });
			answers.push(await paperFileDownload(speaker, { paperId: paper.id, fileId }, 'signed-in'));
		}
		const [pdfAnswer, pngAnswer, textAnswer] = answers;
		for (const answer of answers) {
			expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
			expect(answer.headers.get('content-security-policy')).toMatch(/^sandbox(;|$)/);
		}
		expect(pdfAnswer.headers.get('content-disposition')).toMatch(/^inline; /);
		expect(pngAnswer.headers.get('content-disposition')).toMatch(/^inline; /);
		expect(pngAnswer.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'");
		expect(textAnswer.headers.get('content-disposition')).toMatch(/^attachment; /);
		expect(textAnswer.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'");
	});

	it('a public file is revalidated (ETag, 304) and answers 404 as soon as the paper is not public', async () => {
		const { tenant, wg, speaker, coordinator } = await setupPapers(database.db);
		const visitor = testTenantCtx(coordinator.db, tenant);
		const paper = await createPaper(
			speaker,
			input({ originatingBodyId: wg.id, visibility: 'public' })
		);
		const { fileId } = await attachPaperFile(speaker, { paperId: paper.id, file: png });
		await transitionPaper(speaker, { paperId: paper.id, to: 'submitted' });
		const address = { paperId: paper.id, fileId };

		const first = await paperFileDownload(visitor, address, 'public');
		expect(first.status).toBe(200);
		expect(first.headers.get('content-disposition')).toMatch(/^attachment; /);
		expect(first.headers.get('cache-control')).toBe('public, no-cache');
		expect(first.headers.get('cache-control')).not.toMatch(/max-age/);
		const etag = first.headers.get('etag');
		expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
		const again = await paperFileDownload(
			visitor,
			address,
			'public',
			new Request('http://localhost/x', { headers: { 'if-none-match': etag! } })
		);
		expect(again.status).toBe(304);

		await updatePaper(coordinator, {
			paperId: paper.id,
			...input({ originatingBodyId: wg.id, visibility: 'network' })
		});
		await expect(
			paperFileDownload(
				visitor,
				address,
				'public',
				new Request('http://localhost/x', { headers: { 'if-none-match': etag! } })
			)
		).rejects.toBeInstanceOf(NotFoundError);
	});
});
