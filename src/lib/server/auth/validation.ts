import { z } from 'zod';
import { ROLES } from './schema';
import { MIN_PASSWORD_LENGTH } from './password';

// Error messages are message keys from messages/*.json; the routes translate them.
export const email = z
	.string()
	.trim()
	.toLowerCase()
	.min(1, { error: 'error_email_required' })
	.max(254, { error: 'error_email_invalid' })
	.pipe(z.email({ error: 'error_email_invalid' }));

export const signInInput = z.object({
	email,
	password: z
		.string()
		.min(1, { error: 'error_password_required' })
		.max(1000, { error: 'error_password_too_long' })
});

export const newPassword = z
	.string()
	.min(MIN_PASSWORD_LENGTH, { error: 'error_password_too_short' })
	.max(1000, { error: 'error_password_too_long' });

export const setPasswordInput = z
	.object({ password: newPassword, passwordConfirm: z.string() })
	.refine((v) => v.password === v.passwordConfirm, {
		error: 'error_password_mismatch',
		path: ['passwordConfirm']
	});

export const inviteInput = z.object({
	email,
	name: z
		.string()
		.trim()
		.min(1, { error: 'error_name_required' })
		.max(200, { error: 'error_name_too_long' }),
	role: z.enum(ROLES, { error: 'error_role_invalid' }),
	organizationIds: z.array(z.uuid({ error: 'error_organization_invalid' })).default([]),
	/** the language of the invitation mail: English if chosen, else German */
	locale: z.preprocess((v) => (v === 'en' ? 'en' : 'de'), z.enum(['de', 'en']))
});
export type InviteInput = z.input<typeof inviteInput>;
