import type { InjectionToken, ModuleMetadata, Type } from '@nestjs/common';
import type { AuthUser, Role } from '@legal/auth';
import type { Applicant, EventData, WorkOrderDispatched } from '@legal/contracts';
import type { EntityManager } from 'typeorm';
import type { CalendarClocks } from './calendar/calendar-clocks';
import type { Offer, OfferStatus } from './offers/offer.entity';
import type { ReportSubject } from './reports/handler-reporter';

/** A handler service as the router names it in a dispatch (`handler`) and in its reports. */
export type HandlerName = EventData<typeof WorkOrderDispatched>['handler'];

export const HANDLER_NAME = Symbol('HANDLER_NAME');
export const HANDLER_DOMAIN = Symbol('HANDLER_DOMAIN');
export const HANDLER_SETTINGS = Symbol('HANDLER_SETTINGS');
export const HANDLER_API = Symbol('HANDLER_API');

/** Run-time settings, usually from the service's env class. */
export interface HandlerSettings {
  /** Accept offers without a staff decision (the domain's `capacity` and `open` may still refuse). */
  autoAccept: boolean;
  /**
   * What an automatic acceptance the domain refuses leaves behind: the offer open for staff
   * (default), or rejected at once with reason code `no-capacity` so the router moves on.
   */
  whenAutoAcceptRefused?: 'leave-open' | 'reject';
  /** Milliseconds between expiry sweeps (0 turns the sweeper off). */
  sweepIntervalMs: number;
  /** Who automatic decisions are recorded and reported as (default `system`). */
  automaticActor?: string;
}

/** What accepting is asked to do in the handler's domain, inside the acceptance's transaction. */
export interface OpenRequest<TBody> {
  offer: Offer;
  /** Staff subject, or `system` for automatic acceptance. */
  actorId: string;
  automatic: boolean;
  /** The accept request's body (`api.acceptBody`); undefined for automatic acceptance. */
  body: TBody | undefined;
  now: Date;
}

/** The matter accepting opened, or why the domain refuses (409 `refused` to staff). */
export type Opening<TMatter> = { opened: TMatter; subject: ReportSubject } | { refused: string; reason: string };

export interface Accepted<TMatter> {
  offer: Offer;
  matter: TMatter;
  subject: ReportSubject;
  actorId: string;
  automatic: boolean;
  now: Date;
}

export interface CapacityCheck {
  hasCapacity: boolean;
  /** Why not, for the log and an automatic rejection; shown to nobody else. */
  reason: string;
}

/**
 * The callbacks a handler service gives the kit: its domain. Everything else about offers, dispatch
 * and reporting is the kit's. All callbacks run inside the kit's transaction (`manager`).
 */
export interface HandlerDomain<TMatter extends { id: string } = { id: string }, TBody = unknown> {
  /** What accepting an offer opens in the handler's domain (case, application ...). */
  open(manager: EntityManager, request: OpenRequest<TBody>): Promise<Opening<TMatter>>;
  /** After OfferAccepted is reported: the domain's own history and first progress reports. */
  afterAccepted?(manager: EntityManager, accepted: Accepted<TMatter>): Promise<void>;
  /** Capacity, asked before an automatic acceptance only (staff may take an offer anyway). */
  capacity?(manager: EntityManager, offer: Offer): Promise<CapacityCheck>;
  /** A new offer was recorded (not called for a repeated dispatch), before any automatic acceptance. */
  received?(manager: EntityManager, offer: Offer): Promise<void>;
  /** How the accept route presents the opened matter to the caller. */
  present(manager: EntityManager, matter: TMatter, user: AuthUser): Promise<object>;
}

/** The offers routes: which roles may read and decide, and what the accept route takes and returns. */
export interface HandlerApi {
  roles: { read: Role[]; decide: Role[] };
  /** Swagger summaries: `list` (e.g. 'Work orders offered to mediation in your jurisdiction') and `accept`. */
  summaries: { list: string; accept: string };
  /** The accept route's body (validated, whitelisted); without it the route takes no body. */
  acceptBody?: Type<object>;
  /**
   * A service whose offers API predates the kit keeps its response and list shapes with its own view;
   * without it the kit's `OfferResponseDto`, `OfferQueryDto` (`limit`, `offset`) and page are used.
   */
  offerView?: OfferView;
}

/** The window of offers a list query asks for. */
export interface OfferWindow {
  status?: OfferStatus;
  skip: number;
  take: number;
}

/** How a service presents its offers, when not the kit's way (legal-aid: `page`/`pageSize`, `outcomeCode`). */
export interface OfferView {
  /** The list route's query class (validated, whitelisted). */
  listQuery: Type<object>;
  window(query: object): OfferWindow;
  page(items: object[], total: number, query: object): object;
  /** One offer as the routes answer it; `applicant` is unsealed for the view to mask. */
  present(offer: Offer, applicant: Applicant): object;
  /** Whose region decides jurisdiction: the matter's (`regionCode`, default) or the organisation's. */
  jurisdiction?: 'matter' | 'organisation';
}

export interface HandlerKitOptions {
  handler: HandlerName;
  /** Modules whose providers the domain class injects. */
  imports?: ModuleMetadata['imports'];
  /** The handler's domain: an injectable class implementing `HandlerDomain`. */
  domain: Type<HandlerDomain<{ id: string }, never>>;
  settings: { inject?: InjectionToken[]; useFactory: (...deps: never[]) => HandlerSettings };
  api: HandlerApi;
  /**
   * The handler's statutory clocks, followed through a loaded calendar year: an injectable class (its
   * dependencies from `imports`) with `find` (the open clocks) and `recompute` (one clock, in the kit's
   * transaction). The kit recomputes every open clock crossing a changed day on every instance.
   */
  calendarClocks?: Type<CalendarClocks>;
}
