/** The sign-language video of a tenant: what may be uploaded, and how it is served. */
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useTestDb } from '../db/testing/test-db';
import { tenantScenario } from '../db/testing/test-actors';
import { auditLog } from '../audit/schema';
import { NotFoundError, ValidationError } from '../errors';
import { publicEasyRead } from './page';
import {
	byteRange,
	isWebVtt,
	publicCaptions,
	publicSignVideo,
	removeSignVideo,
	uploadCaptions,
	uploadSignVideo,
	videoResponse
} from './video';

const database = useTestDb();

/** The start of an MP4 file (ftyp box, brand isom) followed by some bytes. */
const MP4 = new Uint8Array([
	...[0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6f, 0x6d],
	...[0, 0, 2, 0, 0x69, 0x73, 0x6f, 0x6d, 0x69, 0x73, 0x6f, 0x32],
	...Array.from({ length: 40 }, (_, i) => i)
]);
/** The start of a WebM file (EBML header with DocType webm). */
const WEBM = new Uint8Array([
	...[0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0xf7, 0x81, 0x01, 0x42, 0xf2],
	...[0x81, 0x04, 0x42, 0xf3, 0x81, 0x08, 0x42, 0x82, 0x84, 0x77, 0x65, 0x62, 0x6d, 0x42, 0x87],
	...[0x81, 0x02, 0x42, 0x85, 0x81, 0x02, ...Array.from({ length: 32 }, () => 0)]
]);
const PNG = new Uint8Array([
	0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52
]);
const VTT = new TextEncoder().encode(
	'WEBVTT\n\n00:00.000 --> 00:02.000\nHallo. Das ist Leichte Sprache.\n'
);
const bytes = (text: string) => new TextEncoder().encode(text);

async function fieldError(promise: Promise<unknown>) {
	const error = await promise.catch((e) => e);
	expect(error).toBeInstanceOf(ValidationError);
	return (error as ValidationError).fieldErrors;
}

describe('sign-language video upload', () => {
	it('accepts an MP4 or WebM by its bytes, and captions in WebVTT', async () => {
		const { db, tenant, ctxFor } = await tenantScenario(database.db);
		const coordinator = await ctxFor('coordinator');
		const visitor = await ctxFor('none');
		await expect(publicSignVideo(visitor)).rejects.toThrow(NotFoundError);

		await uploadSignVideo(coordinator, { fileName: 'dgs.mp4', content: MP4 });
		expect(await publicSignVideo(visitor)).toMatchObject({
			mediaType: 'video/mp4',
			size: MP4.length
		});
		expect((await publicEasyRead(visitor)).video).toMatchObject({ captions: false });
		await expect(publicCaptions(visitor)).rejects.toThrow(NotFoundError);

		await uploadCaptions(coordinator, { content: VTT });
		expect(await publicCaptions(visitor)).toContain('Hallo. Das ist Leichte Sprache.');
		expect((await publicEasyRead(visitor)).video).toMatchObject({ captions: true });

		// a new video replaces the old one, and its captions with it
		await uploadSignVideo(coordinator, { fileName: 'DGS.WEBM', content: WEBM });
		const video = await publicSignVideo(visitor);
		expect(video.mediaType).toBe('video/webm');
		expect(Array.from(video.content)).toEqual(Array.from(WEBM));
		await expect(publicCaptions(visitor)).rejects.toThrow(NotFoundError);

		const actions = await db
			.select({ action: auditLog.action })
			.from(auditLog)
			.where(eq(auditLog.entityId, tenant.id));
		expect(actions.map((a) => a.action).sort()).toEqual([
			'tenant.sign_video_captions',
			'tenant.sign_video_upload',
			'tenant.sign_video_upload'
		]);

		await removeSignVideo(coordinator);
		await expect(publicSignVideo(visitor)).rejects.toThrow(NotFoundError);
		expect((await publicEasyRead(visitor)).video).toBeNull();
		const [removed] = await db
			.select()
			.from(auditLog)
			.where(
				and(eq(auditLog.entityId, tenant.id), eq(auditLog.action, 'tenant.sign_video_remove'))
			);
		expect(removed).toBeDefined();
	});

	it('refuses what is not a video of its named type, too large, or empty', async () => {
		const { ctxFor } = await tenantScenario(database.db);
		const coordinator = await ctxFor('coordinator');
		expect(
			await fieldError(uploadSignVideo(coordinator, { fileName: 'a.mp4', content: PNG }))
		).toEqual({
			video: 'easy_read_error_video_type'
		});
		// an MP4 named .webm, and a video with another extension
		expect(
			await fieldError(uploadSignVideo(coordinator, { fileName: 'a.webm', content: MP4 }))
		).toEqual({
			video: 'easy_read_error_video_type'
		});
		expect(
			await fieldError(uploadSignVideo(coordinator, { fileName: 'a.html', content: MP4 }))
		).toEqual({
			video: 'easy_read_error_video_type'
		});
		expect(
			await fieldError(
				uploadSignVideo(coordinator, { fileName: 'a.mp4', content: new Uint8Array() })
			)
		).toEqual({ video: 'easy_read_error_video_missing' });
		const huge = new Uint8Array(5 * 1024 * 1024 + 1);
		huge.set(MP4);
		expect(
			await fieldError(uploadSignVideo(coordinator, { fileName: 'a.mp4', content: huge }))
		).toEqual({
			video: 'easy_read_error_video_too_large'
		});
		await expect(publicSignVideo(await ctxFor('none'))).rejects.toThrow(NotFoundError);
	});

	it('refuses captions that are not WebVTT, or without a video', async () => {
		const { ctxFor } = await tenantScenario(database.db);
		const coordinator = await ctxFor('coordinator');
		expect(await fieldError(uploadCaptions(coordinator, { content: VTT }))).toEqual({
			captions: 'easy_read_error_captions_no_video'
		});
		await uploadSignVideo(coordinator, { fileName: 'a.mp4', content: MP4 });
		for (const content of [
			bytes('1\n00:00:00,000 --> 00:00:02,000\nSRT\n'),
			bytes('<html>WEBVTT'),
			PNG
		]) {
			expect(await fieldError(uploadCaptions(coordinator, { content }))).toEqual({
				captions: 'easy_read_error_captions_type'
			});
		}
		expect(isWebVtt(bytes('\uFEFFWEBVTT - Untertitel\n\n'))).toBe(true);
		expect(isWebVtt(bytes('WEBVTTX\n'))).toBe(false);
	});

	it('only the coordinator uploads or removes; a hidden tenant serves nothing', async () => {
		const { ctxFor } = await tenantScenario(database.db);
		for (const role of ['editor', 'member', 'none', 'other'] as const) {
			const ctx = await ctxFor(role);
			await expect(uploadSignVideo(ctx, { fileName: 'a.mp4', content: MP4 })).rejects.toThrow(
				NotFoundError
			);
			await expect(uploadCaptions(ctx, { content: VTT })).rejects.toThrow(NotFoundError);
			await expect(removeSignVideo(ctx)).rejects.toThrow(NotFoundError);
		}
		const hidden = await tenantScenario(database.db, { isPublic: false });
		await uploadSignVideo(await hidden.ctxFor('coordinator'), { fileName: 'a.mp4', content: MP4 });
		await expect(publicSignVideo(await hidden.ctxFor('none'))).rejects.toThrow(NotFoundError);
	});
});

describe('serving the video', () => {
	const video = { mediaType: 'video/mp4', size: MP4.length, sha256: 'abc', content: MP4 };
	const request = (headers: Record<string, string> = {}) =>
		new Request('http://localhost/x/leichte-sprache/video', { headers });

	it('whole, as one range, or 416 beyond the end; sandboxed and not sniffed', async () => {
		const whole = videoResponse(video, request());
		expect(whole.status).toBe(200);
		expect(whole.headers.get('content-type')).toBe('video/mp4');
		expect(whole.headers.get('accept-ranges')).toBe('bytes');
		expect(whole.headers.get('x-content-type-options')).toBe('nosniff');
		expect(whole.headers.get('content-security-policy')).toContain('sandbox');
		expect(new Uint8Array(await whole.arrayBuffer()).length).toBe(MP4.length);

		const part = videoResponse(video, request({ range: 'bytes=4-11' }));
		expect(part.status).toBe(206);
		expect(part.headers.get('content-range')).toBe(`bytes 4-11/${MP4.length}`);
		expect(new TextDecoder().decode(await part.arrayBuffer())).toBe('ftypisom');

		const tail = videoResponse(video, request({ range: 'bytes=-4' }));
		expect(tail.headers.get('content-range')).toBe(
			`bytes ${MP4.length - 4}-${MP4.length - 1}/${MP4.length}`
		);
		const beyond = videoResponse(video, request({ range: `bytes=${MP4.length}-` }));
		expect(beyond.status).toBe(416);
		expect(beyond.headers.get('content-range')).toBe(`bytes */${MP4.length}`);
		expect(videoResponse(video, request({ 'if-none-match': '"abc"' })).status).toBe(304);
		// a stale If-Range gets the whole file
		expect(videoResponse(video, request({ range: 'bytes=0-1', 'if-range': '"old"' })).status).toBe(
			200
		);
	});

	it('reads Range headers', () => {
		expect(byteRange(null, 100)).toBeNull();
		expect(byteRange('bytes=0-', 100)).toEqual({ start: 0, end: 99 });
		expect(byteRange('bytes=10-1000', 100)).toEqual({ start: 10, end: 99 });
		expect(byteRange('bytes=0-1,5-6', 100)).toBeNull();
		expect(byteRange('bytes=50-10', 100)).toBe('unsatisfiable');
		expect(byteRange('bytes=-0', 100)).toBe('unsatisfiable');
	});
});
