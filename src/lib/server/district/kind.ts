/** The body kind of a district's networking meeting (Vernetzungstreffen der Gemeinden). */
export const EXCHANGE_BODY_KIND = 'municipal_network' as const;
