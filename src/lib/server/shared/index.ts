/** What several domains use: Berlin dates, ids, forms, HTML escaping, pagination. */
export * from './dates';
export * from './date-text';
export * from './ids';
export * from './forms';
export * from './html';
export * from './pagination';
export * from './positions';
export * from './redirects';
export * from './berlin-datetime';
export * from './tasks';
export * from './like';
