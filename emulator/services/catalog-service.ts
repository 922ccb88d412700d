// The catalog, as far as the emulated store has one: none. GET /V1/products (ProductRepository::getList)
// answers a search result with no items, echoing the search criteria it was given.
import type { ServiceCall } from '../model/emulator-state.js';
import { toPhpInt } from './php-types.js';
import type { JsonObject } from './service-input.js';

// Read in the released 2.4.8 code (module-catalog ProductRepository::getList, framework Api/SearchCriteria,
// Reflection/DataObjectProcessor), not run: the result is `items`, `search_criteria`, `total_count` in that
// order; search_criteria holds `filter_groups` (always, [] when none) then `page_size` and `current_page`
// only when set (null fields are left out; webapi/validation/input_limit_enabled has no default, so no
// default page size is filled in). Without `searchCriteria` the service input processor refuses the call
// with `"searchCriteria" is required` (route params). Filters and sort orders are not echoed here.
export function searchProducts(call: ServiceCall): unknown {
  const criteria = (call.input['searchCriteria'] ?? {}) as JsonObject;
  const field = (camel: string, snake: string): unknown => criteria[camel] ?? criteria[snake];
  const pageSize = field('pageSize', 'page_size');
  const currentPage = field('currentPage', 'current_page');
  return {
    items: [],
    search_criteria: {
      filter_groups: [],
      ...(pageSize === undefined ? {} : { page_size: toPhpInt(pageSize) }),
      ...(currentPage === undefined ? {} : { current_page: toPhpInt(currentPage) }),
    },
    total_count: 0,
  };
}
