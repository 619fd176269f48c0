import { describe, expect, it } from 'vitest';
import { offerInput, offerInputFromForm } from './validation';
import { organizationInput } from '../organizations/validation';
import { nestedFieldErrors } from '../shared';

describe('offerInput', () => {
	it('answers malformed API input with field errors instead of throwing', () => {
		for (const raw of [{}, null, 'x', { texts: 'x', places: 5, weekdays: {} }]) {
			const parsed = offerInput.safeParse(raw);
			expect(parsed.success).toBe(false);
		}
		const parsed = organizationInput.safeParse({});
		expect(parsed.success).toBe(false);
	});

	it('maps nested errors to the form’s field names', () => {
		const parsed = offerInput.safeParse(
			offerInputFromForm({
				text_de_title: 'x'.repeat(201),
				locationKind: 'place',
				place_0_city: 'Landshut',
				place_0_postalCode: '12',
				scheduleKind: 'appointment',
				costKind: 'free'
			})
		);
		expect(parsed.success).toBe(false);
		expect(nestedFieldErrors(parsed.error!)).toEqual({
			text_de_title: 'offers_error_title_too_long',
			place_0_postalCode: 'org_error_postal_code_invalid'
		});
	});

	it('drops empty place rows and accepts decimal commas', () => {
		const parsed = offerInput.parse(
			offerInputFromForm({
				text_de_title: 'Kurs',
				locationKind: 'place',
				place_0_name: 'Bücherei',
				place_0_latitude: '48,5',
				place_0_longitude: '12,1',
				place_1_name: '',
				place_1_city: '',
				scheduleKind: 'appointment',
				costKind: 'free'
			})
		);
		expect(parsed.places).toEqual([
			{
				name: 'Bücherei',
				street: null,
				postalCode: null,
				city: null,
				room: null,
				latitude: 48.5,
				longitude: 12.1
			}
		]);
	});
});
