/** Composition root: every service with the dependencies it really uses. */
import type { Config } from './config.ts';
import type { Database } from './db/connection.ts';
import { createAccountService } from './features/accounts/accounts.service.ts';
import { createApiKeyService } from './features/api-keys/api-keys.service.ts';
import { createAuditService } from './features/audit/audit.service.ts';
import { createAuthService } from './features/auth/auth.service.ts';
import { createCaseJobs } from './features/cases/cases.jobs.ts';
import { createServiceDesk } from './features/cases/service-desk.wiring.ts';
import { createConsentService } from './features/consent/consent.service.ts';
import { createContactService } from './features/contacts/contacts.service.ts';
import { createCustomFieldService } from './features/custom-fields/custom-fields.service.ts';
import { createCustomerViewService } from './features/customer-view/customer-view.service.ts';
import { createDashboardService } from './features/dashboard/dashboard.service.ts';
import { createSalesFeatures } from './features/deals/sales.wiring.ts'; // pipelines, deals, quotes
import { createMailFeatures, type MailConfig } from './features/email/email.wiring.ts'; // email/calendar
import { createEventBus } from './features/events/event-bus.ts';
import { createInteractionService } from './features/interactions/interactions.service.ts';
import { createInvoiceService } from './features/invoices/invoices.service.ts';
import { createLeadFeatures } from './features/leads/leads.wiring.ts'; // leads and lead forms
import { createNoteService } from './features/notes/notes.service.ts';
import { createOrderService } from './features/orders/orders.service.ts';
import { createOutcomeService } from './features/outcomes/outcomes.service.ts';
import { createPrivacyService } from './features/privacy/privacy.service.ts';
import { createProductService } from './features/products/products.service.ts';
import { createRelationshipService } from './features/relationships/relationships.service.ts';
import { createRoleService } from './features/roles/roles.service.ts';
import { createRoutingService } from './features/routing/routing.service.ts';
import { createSearchService } from './features/search/search.service.ts';
import { createServiceSetup } from './features/service-setup/service-setup.service.ts';
import { createFactService } from './features/surveys/facts.service.ts';
import { createNpsService } from './features/surveys/nps.service.ts';
import { createSurveyService } from './features/surveys/surveys.service.ts';
import { createTaskService } from './features/tasks/tasks.service.ts';
import { createTeamService } from './features/teams/teams.service.ts';
import { createTelephonyService } from './features/telephony/telephony.service.ts';
import { createTimelineService } from './features/timeline/timeline.service.ts';
import { createUserService } from './features/users/users.service.ts';
import { createValueService } from './features/value/value.service.ts';
import { writeLanes } from './features/value/value-recompute.ts';
import { createWarrantyService } from './features/warranties/warranties.service.ts';
import type { Jobs } from './jobs/jobs.ts';

export type ServiceConfig = Pick<
  Config,
  'sessionTtlHours' | 'loginMaxFailures' | 'defaultPhoneCountry' | 'cookieSecure'
> &
  MailConfig; // email/calendar: optional settings

export function createServices(deps: {
  database: Database;
  jobs: Jobs;
  clock: () => Date;
  config: ServiceConfig;
}) {
  const { database, clock, config } = deps;
  const db = database.db;
  const customFields = createCustomFieldService({ db, clock });
  const audit = createAuditService({ db });
  const events = createEventBus(database);
  const routing = createRoutingService({ db, clock });
  const serviceDesk = createServiceDesk({ db, clock, jobs: deps.jobs, routing });
  const interactions = createInteractionService({ db, clock, caseHooks: serviceDesk.interactionHooks });
  const value = createValueService({ db, clock, jobs: deps.jobs, writeLanes: writeLanes(database.kind) });
  const customerView = createCustomerViewService({
    db,
    clock,
    value,
    defaultPhoneCountry: config.defaultPhoneCountry,
  });
  // email, attachments, calendar
  const mail = createMailFeatures({ db, clock, jobs: deps.jobs, interactions, config });
  const consent = createConsentService({ db, clock });
  const orders = createOrderService({ db, clock, jobs: deps.jobs });
  const sales = createSalesFeatures({ db, clock, orders });
  const serviceSetup = createServiceSetup({ db, clock });
  const surveys = createSurveyService({
    db,
    clock,
    publicUrl: config.publicUrl,
    emails: mail.emails,
    consent,
    interactions,
    customFields,
  });
  return {
    routing,
    cases: serviceDesk.cases,
    disputes: serviceDesk.disputes,
    ...createLeadFeatures({
      db,
      clock,
      jobs: deps.jobs,
      consent,
      customFields,
      interactions,
      routing,
      deals: sales.deals,
      defaultPhoneCountry: config.defaultPhoneCountry,
      publicUrl: config.publicUrl,
    }),
    serviceSetup,
    ...mail,
    events,
    interactions,
    customerView,
    outcomes: createOutcomeService({ db, clock }),
    tasks: createTaskService({ db, clock, events }),
    notes: createNoteService({ db, clock }),
    timeline: createTimelineService({ db, clock }),
    search: createSearchService({ db, defaultPhoneCountry: config.defaultPhoneCountry }),
    telephony: createTelephonyService({
      db,
      clock,
      interactions,
      customerView,
      events,
      defaultPhoneCountry: config.defaultPhoneCountry,
    }),
    database,
    clock,
    jobs: deps.jobs,
    config,
    auth: createAuthService({
      db,
      clock,
      sessionTtlHours: config.sessionTtlHours,
      loginMaxFailures: config.loginMaxFailures,
    }),
    users: createUserService({ db, clock }),
    teams: createTeamService({ db, clock }),
    roles: createRoleService({ db, clock }),
    apiKeys: createApiKeyService({ db, clock }),
    customFields,
    contacts: createContactService({
      db,
      clock,
      customFields,
      jobs: deps.jobs,
      defaultPhoneCountry: config.defaultPhoneCountry,
    }),
    accounts: createAccountService({ db, clock, customFields, jobs: deps.jobs }),
    relationships: createRelationshipService({ db, clock }),
    audit,
    dashboard: createDashboardService({ db, audit }),
    products: createProductService({ db, clock }),
    orders,
    ...sales,
    invoices: createInvoiceService({ db, clock }),
    warranties: createWarrantyService({ db, clock }),
    value,
    consent,
    privacy: createPrivacyService({ db, clock, attachments: mail.attachments }),
    nps: createNpsService({ db }),
    facts: createFactService({ db }),
    surveys,
    caseJobs: createCaseJobs({ db, clock, events, surveys }),
  };
}
export type Services = ReturnType<typeof createServices>;
