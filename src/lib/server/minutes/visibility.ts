/**
 * Who may read a meeting's minutes (and its attendance list). One pure function, used by every
 * load, endpoint and use case of the minutes area:
 *
 * - none, draft: the body's managers (speaker, deputy, moderator; the coordination);
 * - shared (draft sent for review): managers and the members marked present;
 * - approved: additionally every current member of the body;
 * - published: everyone who may see the body (its visibility: public — also anonymous visitors
 *   on the public site —, network, members).
 *
 * Non-public agenda items (agenda_items.is_public = false) and everything recorded under them
 * are for the inner circle only (managers, present members, body members); readers who see the
 * minutes only because they are published — anonymous visitors and signed-in people outside the
 * body — never see them (see canReadNonPublicItems).
 */
import type { Actor } from '../auth/actor';
import type { Body } from '../bodies/schema';
import { can } from '../auth/policy';
import { canManageMeetings, canSeeBody } from '../bodies/access';
import type { MinutesState } from '../meetings/schema';

export interface MinutesReader {
	/** may manage the body's meetings (meeting.manage) */
	isManager: boolean;
	/** marked present in the meeting's attendance list */
	wasPresent: boolean;
	/** a current member of the body (any role) */
	isBodyMember: boolean;
	/** may see the body by its visibility (anonymous visitors: public bodies only) */
	canSeeBody: boolean;
}

export function canReadMinutes(state: MinutesState, reader: MinutesReader): boolean {
	switch (state) {
		case 'none':
		case 'draft':
			return reader.isManager;
		case 'shared':
			return reader.isManager || reader.wasPresent;
		case 'approved':
			return reader.isManager || reader.wasPresent || reader.isBodyMember;
		case 'published':
			return reader.isManager || reader.wasPresent || reader.isBodyMember || reader.canSeeBody;
		default: {
			const never: never = state;
			return never;
		}
	}
}

/** Whether the reader sees non-public agenda items with their notes, decisions and action items. */
export function canReadNonPublicItems(reader: MinutesReader): boolean {
	return reader.isManager || reader.wasPresent || reader.isBodyMember;
}

/** The reader flags of an actor (null: anonymous) for a body; wasPresent from the attendance list. */
export function minutesReader(
	actor: Actor | null | undefined,
	body: Pick<Body, 'id' | 'tenantId' | 'visibility'>,
	wasPresent: boolean
): MinutesReader {
	return {
		isManager: canManageMeetings(actor, body),
		wasPresent: !!actor && wasPresent,
		isBodyMember:
			!!actor?.bodyRoles?.[body.id] && can(actor, 'body.view', { tenantId: body.tenantId }),
		canSeeBody: canSeeBody(actor, body)
	};
}

/**
 * Who may approve minutes: the body's speaker or deputy, or the coordination (and platform
 * admins). Moderators write minutes but do not approve them.
 */
export function canApproveMinutes(
	actor: Actor | null | undefined,
	body: Pick<Body, 'id' | 'tenantId'>
): boolean {
	if (!actor) return false;
	if (can(actor, 'body.manage', { tenantId: body.tenantId })) return true;
	const role = actor.bodyRoles?.[body.id];
	return (
		(role === 'speaker' || role === 'deputy') &&
		can(actor, 'body.view', { tenantId: body.tenantId })
	);
}
