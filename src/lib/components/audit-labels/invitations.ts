// Audit log labels of the invitations area: action code → message, entity type → message.
// (Imported by ../labels.ts; keep each area's labels in its own file.)
export const ACTIONS: Record<string, () => string> = {};
export const ENTITIES: Record<string, () => string> = {};
