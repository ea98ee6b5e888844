/** Sales wiring: pipelines and their board, deals and the forecast, quotes. */
import type { Db } from '../../db/connection.ts';
import type { App } from '../../http/app-types.ts';
import type { OrderService } from '../orders/orders.service.ts';
import { createBoardService } from '../pipelines/board.ts';
import { pipelineRoutes } from '../pipelines/pipelines.routes.ts';
import { createPipelineService } from '../pipelines/pipelines.service.ts';
import { quoteRoutes } from '../quotes/quotes.routes.ts';
import { createQuoteService } from '../quotes/quotes.service.ts';
import { dealRoutes } from './deals.routes.ts';
import { createDealService } from './deals.service.ts';
import { createForecastService } from './forecast.service.ts';

export function createSalesFeatures(deps: { db: Db; clock: () => Date; orders: OrderService }) {
  const { db, clock } = deps;
  const deals = createDealService({ db, clock });
  return {
    pipelines: createPipelineService({ db, clock }),
    board: createBoardService({ db, clock }),
    deals,
    forecast: createForecastService({ db, clock }),
    quotes: createQuoteService({ db, clock, orders: deps.orders, deals }),
  };
}
export type SalesFeatures = ReturnType<typeof createSalesFeatures>;

export function registerSalesRoutes(app: App, s: SalesFeatures): void {
  pipelineRoutes(app, s.pipelines, s.board);
  dealRoutes(app, s.deals, s.forecast);
  quoteRoutes(app, s.quotes);
}
