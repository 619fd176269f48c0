import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { NotFoundError } from '../errors';
import { indicatorValues } from './indicator-schema';
import { listEditions } from './editions';
import { getIndicator } from './indicators';
import { adoptLibraryIndicators } from './indicator-library';
import { createIndicator, recordIndicatorValue } from './indicator-edit';
import { previewValueImport, runValueImport } from './indicator-import';
import { getDashboard } from './views';
import { TODAY, useConceptFixture } from './test-fixture';

const setup = useConceptFixture();

describe('indicators', () => {
	it('adopts library indicators once and records values manually (replacing the same date)', async () => {
		const s = await setup();
		expect(
			await adoptLibraryIndicators(s.coordinator, {
				keys: ['auslaenderanteil', 'sgb2-quote-auslaender']
			})
		).toBe(2);
		expect(await adoptLibraryIndicators(s.coordinator, { keys: ['auslaenderanteil'] })).toBe(0);
		const { id } = await createIndicator(s.coordinator, {
			name: 'Teilnehmende am Sprachcafé',
			unit: 'Personen',
			direction: 'higher',
			targetValue: '100',
			targetDate: '2030-12-31',
			goalIds: [s.goalId]
		});
		await recordIndicatorValue(s.coordinator, { indicatorId: id, date: '2024-12-31', value: '40' });
		await recordIndicatorValue(s.coordinator, {
			indicatorId: id,
			date: '2025-12-31',
			value: '55,5'
		});
		await recordIndicatorValue(s.coordinator, { indicatorId: id, date: '2025-12-31', value: '60' });
		const view = await getIndicator(s.coordinator, { indicatorId: id });
		expect(view.series).toEqual([
			{ date: '2024-12-31', value: 40 },
			{ date: '2025-12-31', value: 60 }
		]);
		expect(view.trend.status).toBe('on_track');
		expect(view.goalIds).toEqual([s.goalId]);
		await expect(
			recordIndicatorValue(s.coordinator, { indicatorId: id, date: '', value: 'viel' })
		).rejects.toMatchObject({
			fieldErrors: { date: 'concept_error_date_required', value: 'concept_error_value_required' }
		});
	});

	it('imports a statistics CSV with preview, all or nothing', async () => {
		const s = await setup();
		await adoptLibraryIndicators(s.coordinator, { keys: ['auslaenderanteil'] });
		const [ind] = (
			await getDashboard(s.coordinator, {
				edition: (await listEditions(s.coordinator))[0],
				today: TODAY
			})
		).indicators;
		const bad =
			'Tabelle\n\nJahr;Gemeinde;Wert\n2021;;8,4\n2022;Gemeinde Eching;5,1\n2022;Nirgendwo;3\n2023;;abc\n';
		const preview = await previewValueImport(s.coordinator, {
			indicatorId: ind.indicator.id,
			text: bad
		});
		expect(preview.valid).toBe(false);
		expect(preview.errors.map((e) => [e.line, e.key])).toEqual([
			[6, 'concept_import_error_municipality'],
			[7, 'concept_import_error_value']
		]);
		const run = await runValueImport(s.coordinator, { indicatorId: ind.indicator.id, text: bad });
		expect('errors' in run).toBe(true);
		const none = await s.db
			.select()
			.from(indicatorValues)
			.where(eq(indicatorValues.indicatorId, ind.indicator.id));
		expect(none).toEqual([]);

		const good = 'Jahr;Gemeinde;Wert\n2021;;8,4\n2022;;x\n2022;Eching;5,1\n2023;;9,0\n';
		const ok = await previewValueImport(s.coordinator, {
			indicatorId: ind.indicator.id,
			text: good
		});
		expect(ok).toMatchObject({ valid: true, skipped: 1, errors: [] });
		expect(
			await runValueImport(s.coordinator, { indicatorId: ind.indicator.id, text: good })
		).toEqual({
			written: 3,
			skipped: 1
		});
		const view = await getIndicator(s.coordinator, { indicatorId: ind.indicator.id });
		expect(view.series.map((p) => p.value)).toEqual([8.4, 9]);
		expect(view.values.find((v) => v.municipalityId === s.muni.id)?.value).toBe(5.1);
		// a second import replaces values of the same date and marks them in the preview
		const again = await previewValueImport(s.coordinator, {
			indicatorId: ind.indicator.id,
			text: 'Jahr;Wert\n2023;9,5\n'
		});
		expect(again.rows[0].replaces).toBe(true);
		const member = await s.ctxFor('member');
		await expect(
			runValueImport(member, { indicatorId: ind.indicator.id, text: good })
		).rejects.toThrow(NotFoundError);
	});
});
