import { z } from 'zod';
import { isChecked, optionalEmail, optionalPhone, optionalText, requiredText } from '../shared';
import { SPOKEN_LANGUAGES } from '../offers/vocabulary';

/** Optional fields may also be left out of the input altogether. */
const maybe = <T extends z.ZodType>(schema: T) => z.preprocess((v) => v ?? '', schema);

/** A contact person for integration as the coordinator enters them. */
export const tenantContactInput = z
	.object({
		name: requiredText(200, 'org_error_contact_name_required', 'org_error_name_too_long'),
		role: maybe(optionalText(200, 'org_error_text_too_long')),
		unit: maybe(optionalText(200, 'org_error_text_too_long')),
		phone: maybe(optionalPhone('org_error_phone_invalid')),
		email: maybe(optionalEmail('error_email_invalid')),
		languages: z
			.array(z.enum(SPOKEN_LANGUAGES, { error: 'org_error_language_invalid' }))
			.max(SPOKEN_LANGUAGES.length, { error: 'org_error_language_invalid' })
			.default([])
			.transform((v) => [...new Set(v)]),
		officeHours: maybe(optionalText(500, 'org_error_text_too_long')),
		/** a municipality's mayor; a checkbox (left out: not ticked) */
		isMayor: z.preprocess(isChecked, z.boolean()),
		/** invited to the district's networking meetings */
		networkInvite: z.preprocess(isChecked, z.boolean()),
		position: z.preprocess(
			(v) => (v === '' || v === undefined || v === null ? 0 : v),
			z.coerce
				.number({ error: 'tdc_error_position' })
				.int({ error: 'tdc_error_position' })
				.min(0, { error: 'tdc_error_position' })
				.max(999, { error: 'tdc_error_position' })
		)
	})
	// the invitation goes by e-mail
	.refine((v) => !v.networkInvite || !!v.email, {
		path: ['email'],
		error: 'i17_error_invite_needs_email'
	});
export type TenantContactInput = z.output<typeof tenantContactInput>;
