// Magento's GraphQL exceptions (F/GraphQl/Exception/*): a rendered message and the
// `extensions.category` the response carries; 2.4.8 derives the HTTP status from the category.
import type { MagentoError } from '../model/magento-errors.js';
import { renderPhrase } from '../model/magento-errors.js';

export type GraphQlCategory = 'graphql-input' | 'graphql-authentication' | 'graphql-authorization' | 'graphql-no-such-entity';

export class GraphQlException extends Error {
  constructor(
    readonly category: GraphQlCategory,
    message: string,
  ) {
    super(message);
  }
}

export const inputError = (message: string): GraphQlException => new GraphQlException('graphql-input', message);
export const authenticationError = (message: string): GraphQlException => new GraphQlException('graphql-authentication', message);
export const authorizationError = (message: string): GraphQlException => new GraphQlException('graphql-authorization', message);

/** `GraphQl…Exception(__($e->getMessage()))`: a service's error re-thrown with its values filled in. */
export const rethrownAs = (category: GraphQlCategory, error: MagentoError): GraphQlException =>
  new GraphQlException(category, renderPhrase(error.phrase));

/** The 2.4.8 status of a category (GraphQl/Controller/GraphQl::getHttpResponseCode); 2.4.7 always answers 200. */
export function statusOfCategory(category: GraphQlCategory | undefined): number {
  if (category === 'graphql-authentication') return 401;
  if (category === 'graphql-authorization') return 403;
  return 200;
}
