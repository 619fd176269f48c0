// The whole database schema, one module per capability.
export * from '../tenants/schema';
export * from '../auth/schema';
export * from '../organizations/schema';
export * from '../audit/schema';
export * from '../mail/schema';
export * from '../fields-of-action/schema';
export * from '../offers/schema';
export * from '../needs/schema';
export * from '../bodies/schema';
export * from '../meetings/schema';
export * from '../concept/schema';
export * from '../participation/schema';
export * from '../inquiries/schema';
export * from '../papers/schema';
