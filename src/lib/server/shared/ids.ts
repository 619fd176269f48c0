/** Ids from requests: a malformed id is just another unknown id (404), never a database error. */
import { z } from 'zod';
import { NotFoundError } from '../errors';

const uuid = z.uuid();

export function isUuid(id: unknown): id is string {
	return uuid.safeParse(id).success;
}

export function requireUuid(id: unknown): string {
	if (!isUuid(id)) throw new NotFoundError();
	return id;
}
