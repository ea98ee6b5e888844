/** Leads, their scoring, conversion and web forms, wired from the services they really use. */
import { type Actor, type DealCreate, dealCreateSchema } from '@relata/domain';
import type { Db, Executor } from '../../db/connection.ts';
import type { App } from '../../http/app-types.ts';
import type { Jobs } from '../../jobs/jobs.ts';
import type { ConsentService } from '../consent/consent.service.ts';
import type { CustomFieldService } from '../custom-fields/custom-fields.service.ts';
import type { InteractionService } from '../interactions/interactions.service.ts';
import { createLeadFormSubmitService, type LeadFormSubmitService } from '../lead-forms/lead-form-submit.ts';
import { leadFormRoutes, publicLeadFormRoutes } from '../lead-forms/lead-forms.routes.ts';
import { createLeadFormService, type LeadFormService } from '../lead-forms/lead-forms.service.ts';
import type { RoutingService } from '../routing/routing.service.ts';
import type { LeadRouter } from './lead-capture.ts';
import { createLeadConversion, type DealOpener, type LeadConversion } from './lead-convert.ts';
import {
  createLeadScoringService,
  LEADS_RESCORE_JOB,
  type LeadScoringService,
} from './lead-scoring.service.ts';
import type { LeadRouting } from './leads.presenter.ts';
import { leadRoutes } from './leads.routes.ts';
import { createLeadService, type LeadService } from './leads.service.ts';

type DealCreator = {
  createInTx(
    tx: Executor,
    actor: Actor,
    input: DealCreate,
    meta?: Record<string, unknown>,
  ): Promise<{ id: string }>;
};

/** New leads go through the one routing engine (rules of kind `lead`); the decision shows on the lead. */
function leadRouting(routing: RoutingService): {
  route: LeadRouter;
  decisionFor(ex: Executor, id: string): Promise<LeadRouting>;
} {
  return {
    async route(tx, lead, channel) {
      const outcome = await routing.route(tx, {
        subject: { type: 'lead', id: lead.id },
        contactId: lead.matchedContactId,
        accountId: lead.matchedAccountId,
        inquiry: {
          kind: 'lead',
          channel: channel.kind,
          source: lead.source,
          subject: channel.kind === 'web_form' ? channel.formName : (lead.company ?? ''),
          text: lead.message ?? '',
          language: lead.language,
          country: lead.country,
        },
      });
      return { assigneeId: outcome.assigneeId };
    },
    async decisionFor(ex, id) {
      const d = await routing.decisionFor(ex, 'lead', id);
      return d
        ? {
            ruleName: d.ruleName,
            reason: d.reason,
            matched: d.matched,
            decidedAt: d.decidedAt,
            assigneeId: d.assigneeId,
          }
        : null;
    },
  };
}

function dealOpener(deals: DealCreator): DealOpener {
  return (tx, actor, i) =>
    deals.createInTx(
      tx,
      actor,
      dealCreateSchema.parse({
        name: i.name,
        ...(i.amount != null ? { amount: i.amount } : {}),
        ...(i.currency ? { currency: i.currency } : {}),
        ...(i.pipelineId ? { pipelineId: i.pipelineId } : {}),
        ...(i.stageId ? { stageId: i.stageId } : {}),
        ownerId: i.ownerId,
        contactId: i.contactId,
        accountId: i.accountId,
        source: i.source,
      }),
      { leadId: i.leadId },
    );
}

export type LeadFeatures = {
  leads: LeadService;
  leadConversion: LeadConversion;
  leadScoring: LeadScoringService;
  leadForms: LeadFormService;
  leadFormSubmit: LeadFormSubmitService;
};

export function createLeadFeatures(deps: {
  db: Db;
  clock: () => Date;
  jobs: Jobs;
  consent: ConsentService;
  customFields: CustomFieldService;
  interactions: InteractionService;
  defaultPhoneCountry?: string | undefined;
  publicUrl?: string | undefined;
  routing: RoutingService;
  /** The deal service: conversion opens a deal inside its own transaction. */
  deals?: DealCreator | undefined;
}): LeadFeatures {
  const { db, clock, consent } = deps;
  const routing = leadRouting(deps.routing);
  const openDeal = deps.deals ? dealOpener(deps.deals) : undefined;
  return {
    leads: createLeadService({
      db,
      clock,
      consent,
      defaultPhoneCountry: deps.defaultPhoneCountry,
      routing,
    }),
    leadConversion: createLeadConversion({
      db,
      clock,
      consent,
      customFields: deps.customFields,
      interactions: deps.interactions,
      defaultPhoneCountry: deps.defaultPhoneCountry,
      openDeal,
    }),
    leadScoring: createLeadScoringService({ db, jobs: deps.jobs }),
    leadForms: createLeadFormService({ db, clock, publicUrl: deps.publicUrl }),
    leadFormSubmit: createLeadFormSubmitService({
      db,
      clock,
      consent,
      defaultPhoneCountry: deps.defaultPhoneCountry,
      route: routing.route,
    }),
  };
}

export async function registerLeadRoutes(app: App, f: LeadFeatures): Promise<void> {
  leadRoutes(app, f.leads, f.leadConversion, f.leadScoring);
  leadFormRoutes(app, f.leadForms);
  await publicLeadFormRoutes(app, f.leadFormSubmit);
}

export const LEAD_FORM_THROTTLE_GC_JOB = 'lead-forms.throttle-gc';

export function registerLeadJobs(jobs: Jobs, f: LeadFeatures): void {
  jobs.register(
    LEADS_RESCORE_JOB,
    async () => {
      await f.leadScoring.rescoreAll();
    },
    { retryLimit: 3, retryDelay: 30 },
  );
  jobs.register(
    LEAD_FORM_THROTTLE_GC_JOB,
    async () => {
      await f.leadFormSubmit.forgetOldHits();
    },
    { cron: '41 * * * *' },
  );
}
