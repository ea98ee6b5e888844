import type { DealsSearch } from './deals-view.tsx';

/** The Deals page's search params: pipeline, board or list, only mine. */
export function dealsSearch(search: Record<string, unknown>): DealsSearch {
  return {
    ...(typeof search.pipeline === 'string' ? { pipeline: search.pipeline } : {}),
    ...(search.view === 'list' || search.view === 'board' ? { view: search.view } : {}),
    ...(search.mine === true || search.mine === 'true' ? { mine: true } : {}),
  };
}
