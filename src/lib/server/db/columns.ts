// Column and constraint builders for the shapes many tables share. Each returns a fresh builder,
// so a table gets its own column; the SQL is what the spelled-out builder gave (drizzle-kit
// generates nothing).
import { type AnyPgColumn, foreignKey, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

/** `id uuid PRIMARY KEY DEFAULT gen_random_uuid()` */
export function idColumn() {
	return uuid('id').primaryKey().defaultRandom();
}

/** `created_at timestamptz NOT NULL DEFAULT now()` */
export function createdAtColumn() {
	return timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
}

/** `updated_at timestamptz NOT NULL DEFAULT now()` */
export function updatedAtColumn() {
	return timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
}

/** `createdAt` and `updatedAt`, to spread into a table's columns. */
export function timestampColumns() {
	return { createdAt: createdAtColumn(), updatedAt: updatedAtColumn() };
}

/** `<name> uuid NOT NULL REFERENCES <target>(id) ON DELETE CASCADE`: the row goes with its target. */
export function requiredRefColumn<N extends string>(name: N, target: () => AnyPgColumn) {
	return uuid(name).notNull().references(target, { onDelete: 'cascade' });
}

/** `<name> uuid REFERENCES <target>(id) ON DELETE SET NULL`: a link cleared when its target goes. */
export function optionalRefColumn<N extends string>(name: N, target: () => AnyPgColumn) {
	return uuid(name).references(target, { onDelete: 'set null' });
}

/** A table's `tenant_id` and `id`, the columns the tenant-scoped keys below use. */
interface TenantScopedColumns {
	tenantId: AnyPgColumn;
	id: AnyPgColumn;
}

/**
 * `CONSTRAINT <table>_tenant_id_key UNIQUE (tenant_id, id)`: lets children point at this row
 * together with its tenant (see tenantParentKey).
 */
export function tenantIdKey(table: string, t: TenantScopedColumns) {
	return unique(`${table}_tenant_id_key`).on(t.tenantId, t.id);
}

/**
 * `CONSTRAINT <name> FOREIGN KEY (tenant_id, <parentId>) REFERENCES <parent>(tenant_id, id)
 * ON DELETE CASCADE`: the database refuses a child whose parent belongs to another tenant.
 */
export function tenantParentKey(
	name: string,
	child: { tenantId: AnyPgColumn },
	parentId: AnyPgColumn,
	parent: TenantScopedColumns
) {
	return foreignKey({
		name,
		columns: [child.tenantId, parentId],
		foreignColumns: [parent.tenantId, parent.id]
	}).onDelete('cascade');
}
