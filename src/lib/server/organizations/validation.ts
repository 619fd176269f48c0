import { z } from 'zod';
import { CONTENT_LOCALES, SPOKEN_LANGUAGES, TRANSLATION_STATES } from '../offers/vocabulary';
import {
	formValues,
	list,
	optionalDecimal,
	optionalEmail,
	optionalPhone,
	optionalPostalCode,
	optionalText,
	optionalUrl,
	requiredText,
	str
} from '../shared';
import type { FormValues } from '../shared';

/** Languages besides German in which descriptions can be kept. */
export const FURTHER_LOCALES = CONTENT_LOCALES.filter((l) => l !== 'de');
/** States a person may choose for a further language (German is always "original"). */
export const CHOOSABLE_STATES = ['draft', 'reviewed', 'outdated'] as const;

const optionalUuid = (key: string) =>
	z
		.string()
		.trim()
		.transform((v) => (v === '' ? null : v))
		.pipe(z.uuid({ error: key }).nullable());

const uniqueList = <T extends z.ZodType<string>>(item: T, max: number, key: string) =>
	z
		.array(item)
		.max(max, { error: key })
		.transform((v) => [...new Set(v)]);

export const organizationTextInput = z.object({
	description: optionalText(5000, 'org_error_description_too_long'),
	state: z.enum(TRANSLATION_STATES, { error: 'org_error_state_invalid' }).default('draft')
});

/** The organisation's record as editors submit it (one schema for form, use case and API). */
export const organizationInput = z
	.object({
		typeId: optionalUuid('org_error_type_invalid'),
		name: requiredText(200, 'org_error_name_required', 'org_error_name_too_long'),
		description: optionalText(5000, 'org_error_description_too_long'),
		website: optionalUrl('org_error_website_invalid'),
		phone: optionalPhone('org_error_phone_invalid'),
		email: optionalEmail('error_email_invalid'),
		street: optionalText(200, 'org_error_text_too_long'),
		postalCode: optionalPostalCode('org_error_postal_code_invalid'),
		city: optionalText(100, 'org_error_text_too_long'),
		latitude: optionalDecimal(-90, 90, 'org_error_latitude_invalid'),
		longitude: optionalDecimal(-180, 180, 'org_error_longitude_invalid'),
		languages: uniqueList(
			z.enum(SPOKEN_LANGUAGES, { error: 'org_error_language_invalid' }),
			SPOKEN_LANGUAGES.length,
			'org_error_language_invalid'
		),
		wheelchairAccessible: z
			.enum(['yes', 'no', ''], { error: 'org_error_wheelchair_invalid' })
			.transform((v) => (v === '' ? null : v === 'yes')),
		accessibilityNote: optionalText(1000, 'org_error_text_too_long'),
		municipalityIds: uniqueList(
			z.uuid({ error: 'org_error_municipality_invalid' }),
			500,
			'org_error_municipality_invalid'
		),
		texts: z.partialRecord(z.enum(FURTHER_LOCALES), organizationTextInput).default({})
	})
	.superRefine(
		(v, c) => {
			if ((v.latitude === null) !== (v.longitude === null)) {
				c.addIssue({
					code: 'custom',
					path: [v.latitude === null ? 'latitude' : 'longitude'],
					message: 'org_error_coordinates_pair'
				});
			}
		},
		{
			when: (payload: { value: unknown }) =>
				typeof payload.value === 'object' && payload.value !== null
		}
	);
export type OrganizationInput = z.output<typeof organizationInput>;

/** Checkbox groups of the organisation form. */
export const ORGANIZATION_LIST_FIELDS = ['languages', 'municipalityIds'] as const;

/** The structured input from the organisation form's fields. */
export function organizationInputFromForm(form: FormData | FormValues) {
	const v = form instanceof FormData ? formValues(form, ORGANIZATION_LIST_FIELDS) : form;
	const texts: Record<string, { description: string; state: string }> = {};
	for (const locale of FURTHER_LOCALES) {
		texts[locale] = {
			description: str(v[`text_${locale}_description`]),
			state: str(v[`text_${locale}_state`]) || 'draft'
		};
	}
	return {
		typeId: str(v.typeId),
		name: str(v.name),
		description: str(v.description),
		website: str(v.website),
		phone: str(v.phone),
		email: str(v.email),
		street: str(v.street),
		postalCode: str(v.postalCode),
		city: str(v.city),
		latitude: str(v.latitude),
		longitude: str(v.longitude),
		languages: list(v.languages),
		wheelchairAccessible: str(v.wheelchairAccessible),
		accessibilityNote: str(v.accessibilityNote),
		municipalityIds: list(v.municipalityIds),
		texts
	};
}

export const contactInput = z.object({
	name: requiredText(200, 'org_error_contact_name_required', 'org_error_name_too_long'),
	role: optionalText(200, 'org_error_text_too_long'),
	phone: optionalPhone('org_error_phone_invalid'),
	email: optionalEmail('error_email_invalid')
});
export type ContactInput = z.output<typeof contactInput>;

export const consentInput = z.object({
	consentText: requiredText(5000, 'org_error_consent_text_required', 'org_error_text_too_long'),
	confirmed: z.literal(true, { error: 'org_error_consent_confirm' }),
	/** the day the person agreed (YYYY-MM-DD), if not today */
	givenOn: z
		.string()
		.trim()
		.regex(/^$|^\d{4}-\d{2}-\d{2}$/, { error: 'org_error_date_invalid' })
		.transform((v) => (v === '' ? null : v))
		.default('')
});
