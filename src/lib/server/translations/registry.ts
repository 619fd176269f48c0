/**
 * The kinds of content kept per language: offers, organisation descriptions, news and the
 * network's own pages (the about text and its legal texts). A further kind is added with one `registerTranslatable(kind)` line.
 */
import { registerTranslatable } from './content';
import { offerTranslatable } from '../offers/translatable';
import { organizationTranslatable } from '../organizations/translatable';
import { newsTranslatable } from '../news/translatable';
import { tenantTranslatable } from '../tenants/translatable';
import { legalTranslatable } from '../tenants/legal-translatable';

registerTranslatable(offerTranslatable);
registerTranslatable(organizationTranslatable);
registerTranslatable(newsTranslatable);
registerTranslatable(tenantTranslatable);
registerTranslatable(legalTranslatable);
