import { describe, expect, it } from 'vitest';
import { inflateSync } from 'node:zlib';
import { useTestDb, testTenantCtx } from '../db/testing/test-db';
import { buildFieldOfAction, buildTenant } from '../factories';
import { actorCtx } from '../db/testing/test-actors';
import { NotFoundError } from '../errors';
import { addPhase, createProcess, updateProcess } from './processes';
import { createDialogue } from './dialogues';
import { enterOfflineContributions } from './contributions';
import { contributionsOf } from './contribution-views';
import { createRecommendation } from './recommendations';
import { setRecommendationOutcome } from './outcomes';
import { buildResultsDocument } from './results';
import { renderResultsPdf } from './results-pdf';

const database = useTestDb();

/** The text of a PDF's content streams (pdfkit compresses them with Flate). */
function pdfText(pdf: Buffer): string {
	const raw = pdf.toString('latin1');
	let out = raw;
	const re = /stream\r?\n/g;
	let match: RegExpExecArray | null;
	while ((match = re.exec(raw))) {
		const start = match.index + match[0].length;
		const end = raw.indexOf('endstream', start);
		try {
			out += inflateSync(Buffer.from(raw.slice(start, end), 'latin1')).toString('latin1');
		} catch {
			// not compressed
		}
	}
	return out;
}

describe('results document', () => {
	it('groups recommendations by field with outcomes and counts contributions per dialogue; PDF is tagged', async () => {
		const db = database.db;
		const tenant = await buildTenant(db);
		const field = await buildFieldOfAction(db, tenant.id, { names: { de: 'Wohnen' }, position: 1 });
		const staff = await actorCtx(db, tenant, 'coordinator');
		const { id } = await createProcess(staff, {
			title: 'Beteiligung 2026',
			status: 'draft',
			resultsIntro: 'Einleitung des Thesenpapiers.'
		});
		await expect(
			buildResultsDocument(testTenantCtx(db, tenant), { processId: id })
		).rejects.toBeInstanceOf(NotFoundError);
		await addPhase(staff, {
			processId: id,
			kind: 'results',
			startsOn: '2026-01-01',
			endsOn: '2026-12-31'
		});
		const { id: dlg } = await createDialogue(staff, {
			processId: id,
			title: 'Dialog für Seniorinnen und Senioren',
			targetGroup: 'seniors',
			startsAt: '2026-03-01T15:00'
		});
		await enterOfflineContributions(staff, {
			processId: id,
			lines: 'Karte A\nKarte B',
			dialogueId: dlg
		});
		const cs = await contributionsOf(db, tenant.id, id, { staff: true, locale: 'de' });
		const { id: rec } = await createRecommendation(staff, {
			processId: id,
			title: 'Zugang zu preiswerten Wohnungen',
			fieldOfActionId: field.id,
			contributionIds: cs.map((c) => c.id)
		});
		await setRecommendationOutcome(staff, {
			processId: id,
			recommendationId: rec,
			kind: 'adopted',
			note: 'Ratsbeschluss'
		});
		await updateProcess(staff, {
			processId: id,
			title: 'Beteiligung 2026',
			status: 'archived',
			resultsIntro: 'Einleitung des Thesenpapiers.'
		});

		const doc = await buildResultsDocument(testTenantCtx(db, tenant), { processId: id });
		expect(doc.dialogues.map((d) => [d.title, d.contributions])).toEqual([
			['Dialog für Seniorinnen und Senioren', 2]
		]);
		expect(
			doc.groups.map((g) => [
				g.name,
				g.items.map((r) => [r.title, r.outcomeKind, r.contributions.length])
			])
		).toEqual([['Wohnen', [['Zugang zu preiswerten Wohnungen', 'adopted', 2]]]]);

		const pdf = await renderResultsPdf(
			doc,
			{
				title: 'Ergebnisse: Beteiligung 2026',
				tenant: tenant.name,
				totals: '1 Dialog',
				dialoguesHeading: 'Integrations-Dialoge',
				dialogueLine: (d) => `${d.contributions} Beiträge`,
				recommendationsHeading: 'Handlungsempfehlungen',
				noField: 'Ohne Handlungsfeld',
				outcomeLine: (r) => `Ergebnis: ${r.outcomeKind}`,
				none: '–'
			},
			'de'
		);
		expect(pdf.subarray(0, 8).toString()).toBe('%PDF-1.7');
		const text = pdfText(pdf);
		expect(text).toContain('/StructTreeRoot');
		expect(text).toContain('/MarkInfo');
		expect(text).toMatch(/\/Lang \(de-DE\)/);
		expect(text).toContain('/DisplayDocTitle true');
		for (const tag of ['/H1', '/H2', '/H3', '/P', '/L', '/LI', '/LBody'])
			expect(text).toContain(tag);
	});
});
