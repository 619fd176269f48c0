import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useTestSetup, testTenantCtx } from '../db/testing/test-db';
import type { Db } from '../db/client';
import { tenantScenario } from '../db/testing/test-actors';
import { buildOrganization } from '../factories';
import { auditLog } from '../audit/schema';
import { NotFoundError, ValidationError } from '../errors';
import { deleteNews, publishNews, returnNews, saveNews, submitNews, withdrawNews } from './manage';
import { getPublicNews, listAppNews, listPublicNews, newsForFeed, publicNewsImage } from './views';
import { newsItems } from './schema';

const PNG = new Uint8Array(
	Buffer.from(
		'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
		'base64'
	)
);

const setup = useTestSetup(async (db: Db) => {
	const s = await tenantScenario(db);
	const org = await buildOrganization(db, s.tenant.id);
	const otherOrg = await buildOrganization(db, s.tenant.id);
	const coordinator = await s.ctxFor('coordinator');
	const editor = await s.ctxFor('editor', { orgs: [org.id] });
	const member = await s.ctxFor('member');
	const visitor = testTenantCtx(db, s.tenant, null);
	return { ...s, org, otherOrg, coordinator, editor, member, visitor };
});

const text = { title: 'Gemeinsame Pressearbeit', body: '<p>Das Netzwerk informiert.</p>' };

describe('news: writing and sanitising', () => {
	it('stores sanitised html: no script, no event handler, no javascript: URL', async () => {
		const s = await setup();
		const { id } = await saveNews(s.coordinator, {
			title: 'Neu',
			body: '<p onclick="alert(1)">Hallo <a href="javascript:alert(1)">x</a> <a href="https://example.org" onmouseover="x()">y</a></p><script>alert(2)</script>'
		});
		const [row] = await s.db.select().from(newsItems).where(eq(newsItems.id, id));
		expect(row.body).toBe(
			'<p>Hallo <a>x</a> <a href="https://example.org" rel="noopener noreferrer">y</a></p>'
		);
		expect(row.status).toBe('draft');
		const [audit] = await s.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'news.create')));
		expect(audit).toBeTruthy();
	});

	it('refuses an empty body (also one that is only a script) and a bad window', async () => {
		const s = await setup();
		await expect(
			saveNews(s.coordinator, { title: 'x', body: '<script>alert(1)</script>' })
		).rejects.toBeInstanceOf(ValidationError);
		await expect(
			saveNews(s.coordinator, {
				...text,
				publishAt: '2030-05-02T10:00',
				unpublishAt: '2030-05-01T10:00'
			})
		).rejects.toMatchObject({ fieldErrors: { unpublishAt: 'news_error_window' } });
	});

	it('needs alt text for an image and checks the image by its content', async () => {
		const s = await setup();
		await expect(saveNews(s.coordinator, { ...text, image: PNG })).rejects.toMatchObject({
			fieldErrors: { imageAlt: 'news_error_alt_required' }
		});
		await expect(
			saveNews(s.coordinator, {
				...text,
				imageAlt: 'Ein Bild',
				image: new TextEncoder().encode('<svg onload="alert(1)"></svg>')
			})
		).rejects.toMatchObject({ fieldErrors: { image: 'news_error_image_type' } });
		const { id } = await saveNews(s.coordinator, { ...text, imageAlt: 'Gruppenfoto', image: PNG });
		await publishNews(s.coordinator, { id });
		const image = await publicNewsImage(s.visitor, { id });
		expect(image?.contentType).toBe('image/png');
		expect((await getPublicNews(s.visitor, { id })).imageAlt).toBe('Gruppenfoto');
	});
});

describe('news: scheduled publishing window (Berlin time)', () => {
	it('is visible only between publish_at and unpublish_at', async () => {
		const s = await setup();
		const { id } = await saveNews(s.coordinator, {
			...text,
			publishAt: '2030-05-01T10:00',
			unpublishAt: '2030-05-08T18:00'
		});
		await publishNews(s.coordinator, { id });
		const [row] = await s.db.select().from(newsItems).where(eq(newsItems.id, id));
		// 10:00 in Berlin summer time is 08:00 UTC
		expect(row.publishAt?.toISOString()).toBe('2030-05-01T08:00:00.000Z');

		const before = new Date('2030-05-01T07:59:00Z');
		const during = new Date('2030-05-03T12:00:00Z');
		const after = new Date('2030-05-08T16:00:00Z');
		expect((await listPublicNews(s.visitor, {}, before)).items).toEqual([]);
		expect((await listPublicNews(s.visitor, {}, during)).items.map((i) => i.id)).toEqual([id]);
		expect((await newsForFeed(s.visitor, 20, during)).map((i) => i.id)).toEqual([id]);
		expect((await listPublicNews(s.visitor, {}, after)).items).toEqual([]);
		await expect(getPublicNews(s.visitor, { id }, after)).rejects.toBeInstanceOf(NotFoundError);
		await expect(getPublicNews(s.visitor, { id }, before)).rejects.toBeInstanceOf(NotFoundError);
	});

	it('a draft is never public; a withdrawn item disappears', async () => {
		const s = await setup();
		const { id } = await saveNews(s.coordinator, text);
		await expect(getPublicNews(s.visitor, { id })).rejects.toBeInstanceOf(NotFoundError);
		await publishNews(s.coordinator, { id });
		expect((await getPublicNews(s.visitor, { id })).title).toBe(text.title);
		await withdrawNews(s.coordinator, { id });
		await expect(getPublicNews(s.visitor, { id })).rejects.toBeInstanceOf(NotFoundError);
	});

	it('pages the public list', async () => {
		const s = await setup();
		for (let i = 0; i < 3; i++) {
			const { id } = await saveNews(s.coordinator, {
				...text,
				title: `Nr ${i}`,
				publishAt: `2026-0${i + 1}-01T09:00`
			});
			await publishNews(s.coordinator, { id });
		}
		const first = await listPublicNews(s.visitor, { page: 1, size: 2 });
		expect(first.items.map((i) => i.title)).toEqual(['Nr 2', 'Nr 1']);
		expect(first.hasMore).toBe(true);
		const second = await listPublicNews(s.visitor, { page: 2, size: 2 });
		expect(second.items.map((i) => i.title)).toEqual(['Nr 0']);
		expect(second.hasMore).toBe(false);
	});
});

describe('news: editors write through review', () => {
	it('editor writes for their organisation, submits; coordinator returns, then publishes', async () => {
		const s = await setup();
		const { id } = await saveNews(s.editor, { ...text, organizationId: s.org.id });
		await expect(publishNews(s.editor, { id })).rejects.toBeInstanceOf(NotFoundError);
		await submitNews(s.editor, { id });
		await expect(getPublicNews(s.visitor, { id })).rejects.toBeInstanceOf(NotFoundError);
		await expect(returnNews(s.coordinator, { id, note: '' })).rejects.toBeInstanceOf(
			ValidationError
		);
		await returnNews(s.coordinator, { id, note: 'Bitte Datum ergänzen' });
		let [row] = await s.db.select().from(newsItems).where(eq(newsItems.id, id));
		expect(row).toMatchObject({ status: 'draft', reviewNote: 'Bitte Datum ergänzen' });
		await submitNews(s.editor, { id });
		await publishNews(s.coordinator, { id });
		expect((await getPublicNews(s.visitor, { id })).organizationName).toBe(s.org.name);

		// the editor's change of a published item goes back to review
		await saveNews(s.editor, { ...text, title: 'Geändert', organizationId: s.org.id, id });
		[row] = await s.db.select().from(newsItems).where(eq(newsItems.id, id));
		expect(row).toMatchObject({ status: 'in_review', title: 'Geändert' });
		await expect(getPublicNews(s.visitor, { id })).rejects.toBeInstanceOf(NotFoundError);
		// and may not delete what was published, nor withdraw it
		await publishNews(s.coordinator, { id });
		await expect(deleteNews(s.editor, { id })).rejects.toBeInstanceOf(NotFoundError);
		await expect(withdrawNews(s.editor, { id })).rejects.toBeInstanceOf(NotFoundError);
	});

	it('editor may not write for another organisation, nor without one; members not at all', async () => {
		const s = await setup();
		await expect(
			saveNews(s.editor, { ...text, organizationId: s.otherOrg.id })
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(saveNews(s.editor, text)).rejects.toBeInstanceOf(NotFoundError);
		await expect(saveNews(s.member, text)).rejects.toBeInstanceOf(NotFoundError);
		const { id } = await saveNews(s.coordinator, { ...text, organizationId: s.otherOrg.id });
		await expect(
			saveNews(s.editor, { ...text, id, organizationId: s.org.id })
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(submitNews(s.editor, { id })).rejects.toBeInstanceOf(NotFoundError);
		const list = await listAppNews(s.editor);
		expect(list.items.map((i) => i.id)).not.toContain(id);
		expect(list.canPublish).toBe(false);
		await expect(listAppNews(s.member)).rejects.toBeInstanceOf(NotFoundError);
	});
});

describe('news: tenant scoping', () => {
	it("another tenant's coordinator neither changes nor sees the item; its public pages do not list it", async () => {
		const s = await setup();
		const { id } = await saveNews(s.coordinator, text);
		await publishNews(s.coordinator, { id });
		const otherCoordinator = await s.ctxFor('other');
		const otherCtx = testTenantCtx(s.db, s.other, otherCoordinator.actor);
		await expect(publishNews(otherCtx, { id })).rejects.toBeInstanceOf(NotFoundError);
		await expect(deleteNews(otherCtx, { id })).rejects.toBeInstanceOf(NotFoundError);
		await expect(saveNews(otherCtx, { ...text, id })).rejects.toBeInstanceOf(NotFoundError);
		const otherVisitor = testTenantCtx(s.db, s.other, null);
		await expect(getPublicNews(otherVisitor, { id })).rejects.toBeInstanceOf(NotFoundError);
		expect((await listPublicNews(otherVisitor)).items).toEqual([]);
		// a coordinator may not attach another tenant's organisation
		const foreignOrg = await buildOrganization(s.db, s.other.id);
		await expect(
			saveNews(s.coordinator, { ...text, organizationId: foreignOrg.id })
		).rejects.toBeInstanceOf(NotFoundError);
	});
});
