import { auditLog } from './schema';
import type { Executor } from '../db/client';

export interface AuditEntry {
	tenantId: string | null;
	action: string;
	entityType: string;
	entityId?: string | null;
	before?: unknown;
	after?: unknown;
}

/** Keys never written to the audit log. */
const SECRET_KEYS = new Set(['passwordHash', 'tokenHash', 'password', 'token']);

function redact(value: unknown): unknown {
	if (value === null || value === undefined) return null;
	if (Array.isArray(value)) return value.map(redact);
	if (value instanceof Date) return value.toISOString();
	if (typeof value === 'object') {
		const out: Record<string, unknown> = {};
		for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
			out[k] = SECRET_KEYS.has(k) ? '[redacted]' : redact(v);
		}
		return out;
	}
	return value;
}

/** Writes one audit row; call it with the transaction of the change it describes. */
export async function recordAudit(
	tx: Executor,
	who: { actor?: { userId: string } | null; requestId?: string },
	entry: AuditEntry
) {
	await tx.insert(auditLog).values({
		tenantId: entry.tenantId,
		actorId: who.actor?.userId ?? null,
		action: entry.action,
		entityType: entry.entityType,
		entityId: entry.entityId ?? null,
		before: redact(entry.before),
		after: redact(entry.after),
		requestId: who.requestId ?? null
	});
}
