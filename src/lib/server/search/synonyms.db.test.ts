import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useTestDb } from '../db/testing/test-db';
import { tenantScenario } from '../db/testing/test-actors';
import { auditLog } from '../audit/schema';
import { NotFoundError, ValidationError } from '../errors';
import { buildOffer, buildOrganization } from '../factories';
import { finderHelpers, titles } from '../offers/finder-testing';
import { searchSynonyms } from './schema';
import { addSynonym, hideBuiltInTerm, removeSynonym, viewThesaurus } from './synonyms';

const database = useTestDb();
const { find } = finderHelpers(() => database.db);

async function scenario() {
	const s = await tenantScenario(database.db, { isPublic: true });
	const org = await buildOrganization(database.db, s.tenant.id, { name: 'Treffpunkt Isar' });
	await buildOffer(database.db, s.tenant.id, org.id, {
		title: 'Deutschtreff am Dienstag',
		description: 'Gespräche auf Deutsch in kleiner Runde.'
	});
	await buildOffer(database.db, s.tenant.id, org.id, {
		title: 'Integrationskurs am Vormittag',
		description: 'Allgemeiner Integrationskurs.'
	});
	return s;
}

describe('a tenant’s own search terms', () => {
	it('adds a term that the finder then uses for the concept, audited, and removes it again', async () => {
		const { tenant, ctxFor } = await scenario();
		const coordinator = await ctxFor('coordinator');
		expect(titles(await find(tenant, 'q=Deutschkurs'))).toEqual(['Integrationskurs am Vormittag']);

		const { id } = await addSynonym(coordinator, {
			concept: 'german_course',
			language: 'de',
			term: '  Deutschtreff '
		});
		expect(titles(await find(tenant, 'q=Deutschkurs')).sort()).toEqual([
			'Deutschtreff am Dienstag',
			'Integrationskurs am Vormittag'
		]);
		const [audit] = await database.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'search_synonym.add')));
		expect(audit.after).toMatchObject({ concept: 'german_course', term: 'Deutschtreff' });
		const view = await viewThesaurus(coordinator);
		const de = view.find((c) => c.concept === 'german_course')!.languages[0];
		expect(de.terms).toContainEqual({ term: 'Deutschtreff', id, builtIn: false, hidden: false });

		await removeSynonym(coordinator, { id });
		expect(titles(await find(tenant, 'q=Deutschkurs'))).toEqual(['Integrationskurs am Vormittag']);
		expect(
			await database.db.select().from(auditLog).where(eq(auditLog.action, 'search_synonym.remove'))
		).toHaveLength(1);
	});

	it('hides a built-in term for the tenant only and shows it again', async () => {
		const { tenant, other, ctxFor } = await scenario();
		const coordinator = await ctxFor('coordinator');
		const { id } = await hideBuiltInTerm(coordinator, {
			concept: 'german_course',
			language: 'de',
			term: 'Integrationskurs'
		});
		expect(titles(await find(tenant, 'q=Deutschkurs'))).toEqual([]);
		// The offer itself is still found by its own words.
		expect(titles(await find(tenant, 'q=Integrationskurs'))).toEqual([
			'Integrationskurs am Vormittag'
		]);
		const rowsOfOther = await database.db
			.select()
			.from(searchSynonyms)
			.where(eq(searchSynonyms.tenantId, other.id));
		expect(rowsOfOther).toEqual([]);
		await expect(
			hideBuiltInTerm(coordinator, {
				concept: 'german_course',
				language: 'de',
				term: 'Integrationskurs'
			})
		).rejects.toThrow(ValidationError);
		await removeSynonym(coordinator, { id });
		expect(titles(await find(tenant, 'q=Deutschkurs'))).toEqual(['Integrationskurs am Vormittag']);
	});

	it('refuses bad input with field messages and keeps nothing', async () => {
		const { tenant, ctxFor } = await scenario();
		const coordinator = await ctxFor('coordinator');
		const errorOf = (input: Record<string, unknown>) =>
			addSynonym(coordinator, input).then(
				() => null,
				(e: unknown) => (e instanceof ValidationError ? e.fieldErrors : e)
			);
		expect(await errorOf({ concept: 'german_course', language: 'de', term: ' ' })).toEqual({
			term: 'srch_error_term_required'
		});
		expect(await errorOf({ concept: 'nope', language: 'xx', term: 'Kurs' })).toEqual({
			concept: 'srch_error_concept_required',
			language: 'srch_error_language_required'
		});
		expect(
			await errorOf({ concept: 'german_course', language: 'de', term: 'deutschkurs' })
		).toEqual({ term: 'srch_error_term_built_in' });
		await addSynonym(coordinator, { concept: 'housing', language: 'en', term: 'Bedsit' });
		expect(await errorOf({ concept: 'housing', language: 'en', term: 'bedsit' })).toEqual({
			term: 'srch_error_term_exists'
		});
		expect(
			await database.db.select().from(searchSynonyms).where(eq(searchSynonyms.tenantId, tenant.id))
		).toHaveLength(1);
	});

	it('is for coordinators of the tenant only', async () => {
		const { tenant, ctxFor } = await scenario();
		const coordinator = await ctxFor('coordinator');
		const { id } = await addSynonym(coordinator, {
			concept: 'housing',
			language: 'de',
			term: 'WG-Zimmer'
		});
		for (const role of ['editor', 'member', 'steering', 'none', 'other'] as const) {
			const ctx = await ctxFor(role);
			await expect(viewThesaurus(ctx), role).rejects.toThrow(NotFoundError);
			await expect(
				addSynonym(ctx, { concept: 'housing', language: 'de', term: 'Bude' }),
				role
			).rejects.toThrow(NotFoundError);
			await expect(removeSynonym(ctx, { id }), role).rejects.toThrow(NotFoundError);
		}
		await expect(removeSynonym(coordinator, { id: 'not-a-uuid' })).rejects.toThrow(NotFoundError);
		expect(
			await database.db.select().from(searchSynonyms).where(eq(searchSynonyms.tenantId, tenant.id))
		).toHaveLength(1);
	});
});
