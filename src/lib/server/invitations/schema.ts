/**
 * Tables of the invitations domain: one invitation (answer) per invited member, and the secret
 * token of a person's calendar feed.
 */
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAtColumn, requiredRefColumn, tenantParentKey } from '../db/columns';
import { tenantTable } from '../tenants/schema';
import { users, requiredUserRefColumn } from '../auth/schema';
import { meetings } from '../meetings/schema';

export const RSVP_RESPONSES = ['yes', 'no', 'maybe'] as const;
export type RsvpResponse = (typeof RSVP_RESPONSES)[number];

/** One row per invited member: their answer, and the token of the answer link in the mail. */
export const meetingInvitations = tenantTable(
	'meeting_invitations',
	{
		meetingId: requiredRefColumn('meeting_id', () => meetings.id),
		userId: requiredUserRefColumn('user_id'),
		/** SHA-256 (hex) of the token in the answer link */
		tokenHash: text('token_hash').notNull(),
		response: text('response', { enum: RSVP_RESPONSES }),
		comment: text('comment'),
		respondedAt: timestamp('responded_at', { withTimezone: true }),
		/** the meeting SEQUENCE last mailed to this person */
		mailedSequence: integer('mailed_sequence'),
		createdAt: createdAtColumn()
	},
	(t) => [
		uniqueIndex('meeting_invitations_member_key').on(t.meetingId, t.userId),
		uniqueIndex('meeting_invitations_token_key').on(t.tokenHash),
		index('meeting_invitations_user_idx').on(t.userId),
		tenantParentKey('meeting_invitations_tenant_meeting_fk', t, t.meetingId, meetings)
	]
);

/** A person's secret calendar feed (the token's SHA-256; the URL is shown when created). */
export const calendarTokens = pgTable('calendar_tokens', {
	userId: uuid('user_id')
		.primaryKey()
		.references(() => users.id, { onDelete: 'cascade' }),
	tokenHash: text('token_hash').notNull().unique(),
	createdAt: createdAtColumn()
});
