import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { DataSubject, PersonalDataPart } from '../privacy/types';
import { personRows } from '../privacy/rows';
import { notifications, notificationSettings } from './schema';

/**
 * Art. 15: the person's notification settings and the notifications given to them (what, when,
 * whether a weekly digest has carried it). Erasure: both go with the account (ON DELETE CASCADE).
 */
export async function notificationsPersonalData(
	db: Db,
	person: DataSubject
): Promise<PersonalDataPart> {
	return {
		notification_settings: await personRows(db, notificationSettings, 'kind mode updatedAt', {
			where: eq(notificationSettings.userId, person.userId),
			orderBy: notificationSettings.kind
		}),
		notifications: await personRows(
			db,
			notifications,
			'kind mode subject link createdAt digestedAt',
			{
				where: eq(notifications.userId, person.userId),
				orderBy: notifications.createdAt
			}
		)
	};
}
