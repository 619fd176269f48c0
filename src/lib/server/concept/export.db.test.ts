import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testTenantCtx, useTestDb } from '../db/testing/test-db';
import { actorCtx } from '../db/testing/test-actors';
import { buildFieldOfAction, buildTenant } from '../factories';
import { NotFoundError } from '../errors';
import { measureStates } from './schema';
import { adoptEdition, createEdition } from './editions';
import { createGoal, createGuideline } from './structure';
import { createMeasure } from './measures';
import { createIndicator, recordIndicatorValue } from './indicator-edit';
import { internalExport, publicExport } from './export-response';

const database = useTestDb();

async function setup() {
	const db = database.db;
	const tenant = await buildTenant(db, { name: 'Landkreis Beispiel' });
	const field = await buildFieldOfAction(db, tenant.id, { names: { de: 'Bildung' } });
	const ctx = await actorCtx(db, tenant, 'coordinator');
	const { id: editionId } = await createEdition(ctx, {
		title: 'Integrationskonzept 2018',
		leitbild: 'Integration setzt Chancengleichheit voraus.'
	});
	const states = await db.select().from(measureStates).where(eq(measureStates.tenantId, tenant.id));
	const state = (k: string) => states.find((s) => s.key === k)!.id;
	await createGuideline(ctx, { editionId, title: 'Integration bedeutet miteinander leben' });
	const { id: goalId } = await createGoal(ctx, {
		editionId,
		fieldOfActionId: field.id,
		title: 'Frühe Sprachförderung'
	});
	await createMeasure(ctx, {
		editionId,
		goalId,
		title: 'Sprachförderung in Kitas',
		stateId: state('umsetzung'),
		isPublic: 'on'
	});
	await createMeasure(ctx, {
		editionId,
		goalId,
		title: 'Geheime Abstimmung',
		stateId: state('geplant')
	});
	const { id: indicatorId } = await createIndicator(ctx, {
		name: 'Betreuungsquote <3 Jahre',
		unit: '%',
		direction: 'higher',
		targetValue: '35',
		targetDate: '2030-12-31'
	});
	await recordIndicatorValue(ctx, { indicatorId, date: '2022-12-31', value: '18,5' });
	await recordIndicatorValue(ctx, { indicatorId, date: '2023-12-31', value: '21' });
	return { ctx, tenant, editionId };
}

describe('concept export', () => {
	it('writes one accessible HTML file with Leitbild, guidelines, measures and indicator charts', async () => {
		const { ctx } = await setup();
		const res = await internalExport(ctx, { editionId: null, format: 'html' });
		expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
		expect(res.headers.get('content-disposition')).toContain(
			'filename="Integrationskonzept-2018-Landkreis-Beispiel.html"'
		);
		const html = await res.text();
		expect(html).toContain('<html lang="de-DE">');
		expect(html.match(/<h1>/g)).toHaveLength(1);
		expect(html).toContain('<h2>Leitbild</h2>\n<p>Integration setzt Chancengleichheit voraus.</p>');
		expect(html).toContain('<ol><li>Integration bedeutet miteinander leben</li></ol>');
		expect(html).toContain(
			'<th scope="row">Sprachförderung in Kitas</th><td>in Umsetzung</td><td>50 %</td>'
		);
		expect(html).toContain('Geheime Abstimmung (intern)');
		expect(html).toContain(
			'<title id="export-indicator-0-title">Verlauf: Betreuungsquote &lt;3 Jahre</title>'
		);
		expect(html).toContain('data-date="2023-12-31" data-value="21"');
		expect(html).toContain('<caption>Gemessene Werte: Betreuungsquote &lt;3 Jahre</caption>');
		expect(html).not.toMatch(/<script/);
	});

	it('writes a tagged PDF with language, title, structure tree and a described figure', async () => {
		const { ctx } = await setup();
		const res = await internalExport(ctx, { editionId: null, format: 'pdf' });
		expect(res.headers.get('content-type')).toBe('application/pdf');
		const pdf = Buffer.from(await res.arrayBuffer()).toString('latin1');
		expect(pdf.startsWith('%PDF-1.7')).toBe(true);
		expect(pdf).toContain('/StructTreeRoot');
		expect(pdf).toContain('/MarkInfo');
		expect(pdf).toMatch(/\/Lang \(de-DE\)/);
		expect(pdf).toContain('/DisplayDocTitle true');
		for (const tag of ['/H1', '/H2', '/L', '/LI', '/Table', '/TR', '/TH', '/TD', '/Figure'])
			expect(pdf).toContain(`/S ${tag}`);
		expect(pdf).toMatch(/\/Alt \(Verlauf: Betreuungsquote/);
	});

	it('leaves internal measures out of the public export and answers 404 before adoption', async () => {
		const { ctx, tenant, editionId } = await setup();
		await expect(publicExport(ctx, { format: 'html' })).rejects.toThrow(NotFoundError);
		await adoptEdition(ctx, { editionId, adoptedOn: '2018-12-13', adoptedBy: 'Kreistag' });
		const html = await (
			await publicExport(testTenantCtx(database.db, tenant), { format: 'html' })
		).text();
		expect(html).toContain('Sprachförderung in Kitas');
		expect(html).not.toContain('Geheime Abstimmung');
		expect(html).toContain('beschlossen am 13.12.2018 durch Kreistag');
	});

	it('is not open to people outside the tenant', async () => {
		const { tenant } = await setup();
		await expect(
			internalExport(testTenantCtx(database.db, tenant), { editionId: null, format: 'pdf' })
		).rejects.toThrow(NotFoundError);
	});
});
