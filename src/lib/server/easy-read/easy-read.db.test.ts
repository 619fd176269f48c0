/** Leichte Sprache: the start page per tenant, and the texts of offers and news items. */
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useTestDb } from '../db/testing/test-db';
import { tenantScenario } from '../db/testing/test-actors';
import { auditLog } from '../audit/schema';
import { newsItems } from '../news/schema';
import { NotFoundError, ValidationError } from '../errors';
import { buildOffer, buildOrganization } from '../factories';
import { getEasyReadSettings, publicEasyRead, updateEasyReadPage } from './page';
import { defaultEasyReadText } from './default-text';
import { easyReadTextForEdit, publicEasyReadText, saveEasyReadText } from './texts';

const database = useTestDb();

describe('the Leichte Sprache start page', () => {
	it('shows the default text until the coordinator writes the own one; blank goes back', async () => {
		const { db, tenant, ctxFor } = await tenantScenario(database.db, { kind: 'district' });
		const visitor = await ctxFor('none');
		const shown = await publicEasyRead(visitor);
		expect(shown.text).toBe(defaultEasyReadText(tenant));
		expect(shown.video).toBeNull();

		const coordinator = await ctxFor('coordinator');
		await updateEasyReadPage(coordinator, { text: '## Hallo\nDas ist unser Netzwerk.' });
		expect((await publicEasyRead(visitor)).text).toBe('## Hallo\nDas ist unser Netzwerk.');
		expect(await getEasyReadSettings(coordinator)).toMatchObject({
			text: '## Hallo\nDas ist unser Netzwerk.',
			defaultText: defaultEasyReadText(tenant)
		});
		const [entry] = await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.entityId, tenant.id), eq(auditLog.action, 'tenant.easy_read_update')));
		expect(entry.after).toEqual({ easyReadText: '## Hallo\nDas ist unser Netzwerk.' });

		await updateEasyReadPage(coordinator, { text: '   ' });
		expect((await publicEasyRead(visitor)).text).toBe(defaultEasyReadText(tenant));
	});

	it('only the coordinator changes it; a text too long is refused', async () => {
		const { ctxFor } = await tenantScenario(database.db);
		for (const role of ['editor', 'member', 'none', 'other'] as const) {
			await expect(updateEasyReadPage(await ctxFor(role), { text: 'x' })).rejects.toThrow(
				NotFoundError
			);
			await expect(getEasyReadSettings(await ctxFor(role))).rejects.toThrow(NotFoundError);
		}
		const error = await updateEasyReadPage(await ctxFor('coordinator'), {
			text: 'x'.repeat(20_001)
		}).catch((e) => e);
		expect(error).toBeInstanceOf(ValidationError);
		expect(error.fieldErrors).toEqual({ text: 'easy_read_error_too_long' });
	});

	it('is not there for a hidden tenant', async () => {
		const { ctxFor } = await tenantScenario(database.db, { isPublic: false });
		await expect(publicEasyRead(await ctxFor('none'))).rejects.toThrow(NotFoundError);
	});
});

describe('Leichte Sprache texts of offers and news', () => {
	async function scenario() {
		const s = await tenantScenario(database.db);
		const org = await buildOrganization(s.db, s.tenant.id);
		const offer = await buildOffer(s.db, s.tenant.id, org.id);
		const [news] = await s.db
			.insert(newsItems)
			.values({ tenantId: s.tenant.id, title: 'Meldung', body: '<p>Text</p>' })
			.returning();
		const otherOrg = await buildOrganization(s.db, s.other.id);
		const otherOffer = await buildOffer(s.db, s.other.id, otherOrg.id);
		return { ...s, org, offer, news, otherOffer };
	}

	it('a coordinator sets, changes and removes them, with an audit entry', async () => {
		const { db, ctxFor, offer, news } = await scenario();
		const coordinator = await ctxFor('coordinator');
		const visitor = await ctxFor('none');
		expect(await publicEasyReadText(visitor, 'offer', offer.id)).toBeNull();

		await saveEasyReadText(coordinator, 'offer', {
			id: offer.id,
			text: '  Ein Kurs.\nFür Frauen.  '
		});
		await saveEasyReadText(coordinator, 'offer', { id: offer.id, text: 'Ein Kurs für Mütter.' });
		await saveEasyReadText(coordinator, 'news', { id: news.id, text: 'Eine Nachricht.' });
		expect(await publicEasyReadText(visitor, 'offer', offer.id)).toBe('Ein Kurs für Mütter.');
		expect(await publicEasyReadText(visitor, 'news', news.id)).toBe('Eine Nachricht.');
		expect(await easyReadTextForEdit(coordinator, 'news', news.id)).toEqual({
			text: 'Eine Nachricht.'
		});
		const entries = await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.entityId, offer.id), eq(auditLog.action, 'offer.easy_read_update')))
			.orderBy(auditLog.createdAt);
		expect(entries.map((e) => e.after)).toEqual([
			{ text: 'Ein Kurs.\nFür Frauen.' },
			{ text: 'Ein Kurs für Mütter.' }
		]);
		expect(entries[1].before).toEqual({ text: 'Ein Kurs.\nFür Frauen.' });

		await saveEasyReadText(coordinator, 'offer', { id: offer.id, text: '' });
		expect(await publicEasyReadText(visitor, 'offer', offer.id)).toBeNull();
	});

	it('editors and members may not write them (no way around the review); the form is hidden', async () => {
		const { ctxFor, offer, news, org } = await scenario();
		const editor = await ctxFor('editor', { orgs: [org.id] });
		await expect(saveEasyReadText(editor, 'offer', { id: offer.id, text: 'x' })).rejects.toThrow(
			NotFoundError
		);
		await expect(saveEasyReadText(editor, 'news', { id: news.id, text: 'x' })).rejects.toThrow(
			NotFoundError
		);
		expect(await easyReadTextForEdit(editor, 'offer', offer.id)).toBeNull();
		await expect(
			saveEasyReadText(await ctxFor('member'), 'offer', { id: offer.id, text: 'x' })
		).rejects.toThrow(NotFoundError);
	});

	it('another tenant’s item or a malformed id is not found, and nothing is written', async () => {
		const { ctxFor, otherOffer, news } = await scenario();
		const coordinator = await ctxFor('coordinator');
		await expect(
			saveEasyReadText(coordinator, 'offer', { id: otherOffer.id, text: 'x' })
		).rejects.toThrow(NotFoundError);
		// a news id is not an offer id
		await expect(
			saveEasyReadText(coordinator, 'offer', { id: news.id, text: 'x' })
		).rejects.toThrow(NotFoundError);
		await expect(saveEasyReadText(coordinator, 'offer', { id: 'nope', text: 'x' })).rejects.toThrow(
			NotFoundError
		);
		expect(await publicEasyReadText(await ctxFor('none'), 'offer', otherOffer.id)).toBeNull();
		const tooLong = await saveEasyReadText(coordinator, 'news', {
			id: news.id,
			text: 'x'.repeat(10_001)
		}).catch((e) => e);
		expect(tooLong).toBeInstanceOf(ValidationError);
	});

	it('goes with its offer', async () => {
		const { db, ctxFor, offer } = await scenario();
		await saveEasyReadText(await ctxFor('coordinator'), 'offer', { id: offer.id, text: 'x' });
		const { offers } = await import('../offers/schema');
		await db.delete(offers).where(eq(offers.id, offer.id));
		expect(await publicEasyReadText(await ctxFor('none'), 'offer', offer.id)).toBeNull();
	});
});
