/**
 * The kinds of content kept per language. A further kind (news) is added with one line:
 * `registerTranslatable(newsTranslatable)`.
 */
import { registerTranslatable } from './content';
import { offerTranslatable } from '../offers/translatable';
import { organizationTranslatable } from '../organizations/translatable';

registerTranslatable(offerTranslatable);
registerTranslatable(organizationTranslatable);
