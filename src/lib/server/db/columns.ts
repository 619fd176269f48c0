// Column builders for the columns most tables share. Each returns a fresh builder, so a table
// gets its own column; the SQL is what the spelled-out builder gave (drizzle-kit generates nothing).
import { timestamp, uuid } from 'drizzle-orm/pg-core';

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
