import {
  createRootRoute,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
} from '@tanstack/react-router';
import { type CasesTab, casesTabs } from '../features/cases/cases-tabs.ts';
import { dealsSearch } from '../features/deals/deals-search.ts';
import { type SettingsTab, settingsTabs } from '../features/settings/settings-tabs.ts';
import { AppLayout } from '../features/shell/app-layout.tsx';
import { NotFound } from '../features/shell/not-found.tsx';
import { type TaskTab, taskTabs } from '../features/tasks/tasks-view.tsx';
import { flowsSearch } from '../features/value/flows-search.ts';
import { AccountPage } from '../pages/account-page.tsx';
import { AccountsPage } from '../pages/accounts-page.tsx';
import { ContactPage } from '../pages/contact-page.tsx';
import { ContactsPage } from '../pages/contacts-page.tsx';
import { DashboardPage } from '../pages/dashboard-page.tsx';
import { InboxPage } from '../pages/inbox-page.tsx';
import { LoginPage } from '../pages/login-page.tsx';
import { MergePage } from '../pages/merge-page.tsx';
import { TasksPage } from '../pages/tasks-page.tsx';

type ListSearch = { q?: string };
const listSearch = (search: Record<string, unknown>): ListSearch =>
  typeof search.q === 'string' && search.q !== '' ? { q: search.q } : {};

const rootRoute = createRootRoute({ component: Outlet, notFoundComponent: NotFound });

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } =>
    typeof search.redirect === 'string' ? { redirect: search.redirect } : {},
  component: LoginPage,
});

// The respondent's page of a survey link: public, outside the app shell and its sign-in.
const respondRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/s/$token',
  component: lazyRouteComponent(() => import('../pages/respond-page.tsx'), 'RespondPage'),
});

const appRoute = createRoute({ getParentRoute: () => rootRoute, id: 'app', component: AppLayout });

const dashboardRoute = createRoute({ getParentRoute: () => appRoute, path: '/', component: DashboardPage });

const contactsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/contacts',
  validateSearch: listSearch,
  component: ContactsPage,
});
const contactRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/contacts/$contactId',
  component: ContactPage,
});
const contactMergeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/contacts/$contactId/merge/$otherId',
  component: () => <MergePage type="contact" />,
});

const accountsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/accounts',
  validateSearch: listSearch,
  component: AccountsPage,
});
const accountRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/accounts/$accountId',
  component: AccountPage,
});
const accountMergeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/accounts/$accountId/merge/$otherId',
  component: () => <MergePage type="account" />,
});

const leadsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/leads',
  validateSearch: listSearch,
  component: lazyRouteComponent(() => import('../pages/leads-page.tsx'), 'LeadsPage'),
});
const leadRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/leads/$leadId',
  component: lazyRouteComponent(() => import('../pages/lead-page.tsx'), 'LeadPage'),
});

const tasksRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/tasks',
  validateSearch: (search: Record<string, unknown>): { tab?: TaskTab } =>
    taskTabs.includes(search.tab as TaskTab) ? { tab: search.tab as TaskTab } : {},
  component: TasksPage,
});

const inboxRoute = createRoute({ getParentRoute: () => appRoute, path: '/inbox', component: InboxPage });

const ordersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/orders',
  component: lazyRouteComponent(() => import('../pages/orders-page.tsx'), 'OrdersPage'),
});

const valueRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/value',
  component: lazyRouteComponent(() => import('../pages/value-page.tsx'), 'ValuePage'),
});

const flowsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/flows',
  validateSearch: flowsSearch,
  component: lazyRouteComponent(() => import('../pages/flows-page.tsx'), 'FlowsPage'),
});

const npsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/nps',
  component: lazyRouteComponent(() => import('../pages/nps-page.tsx'), 'NpsPage'),
});

const surveysRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/surveys',
  component: lazyRouteComponent(() => import('../pages/surveys-page.tsx'), 'SurveysPage'),
});
const surveyRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/surveys/$surveyId',
  component: lazyRouteComponent(() => import('../pages/survey-page.tsx'), 'SurveyPage'),
});

const casesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/cases',
  validateSearch: (search: Record<string, unknown>): { tab?: CasesTab } =>
    casesTabs.includes(search.tab as CasesTab) ? { tab: search.tab as CasesTab } : {},
  component: lazyRouteComponent(() => import('../pages/cases-page.tsx'), 'CasesPage'),
});
const caseRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/cases/$caseId',
  component: lazyRouteComponent(() => import('../pages/case-page.tsx'), 'CasePage'),
});

const dealsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/deals',
  validateSearch: dealsSearch,
  component: lazyRouteComponent(() => import('../pages/deals-page.tsx'), 'DealsPage'),
});
const dealRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/deals/$dealId',
  component: lazyRouteComponent(() => import('../pages/deal-page.tsx'), 'DealPage'),
});
const forecastRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/forecast',
  component: lazyRouteComponent(() => import('../pages/forecast-page.tsx'), 'ForecastPage'),
});

const settingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/settings',
  validateSearch: (search: Record<string, unknown>): { tab?: SettingsTab } =>
    settingsTabs.includes(search.tab as SettingsTab) ? { tab: search.tab as SettingsTab } : {},
  component: lazyRouteComponent(() => import('../pages/settings-page.tsx'), 'SettingsPage'),
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  respondRoute,
  appRoute.addChildren([
    dashboardRoute,
    contactsRoute,
    contactRoute,
    contactMergeRoute,
    accountsRoute,
    accountRoute,
    accountMergeRoute,
    leadsRoute,
    leadRoute,
    tasksRoute,
    inboxRoute,
    ordersRoute,
    valueRoute,
    flowsRoute,
    npsRoute,
    surveysRoute,
    surveyRoute,
    casesRoute,
    caseRoute,
    dealsRoute,
    dealRoute,
    forecastRoute,
    settingsRoute,
  ]),
]);

export const router = createRouter({
  routeTree,
  defaultPreload: 'intent',
  scrollRestoration: true,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
