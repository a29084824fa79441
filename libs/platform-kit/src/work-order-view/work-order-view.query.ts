import type { AuthUser } from '@legal/auth';
import type { WorkOrderView } from './work-order-view.entity';

export interface PageRequest {
  limit: number;
  offset: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/** Filters a platform's staff screens use; every filter is optional and they combine with AND. */
export interface WorkOrderViewSearch extends PageRequest {
  status?: string | string[];
  serviceType?: string | string[];
  /** GB/T 2260 prefix: `3713` = everything in Linyi, `371324` = Lanling county and below. */
  regionPrefix?: string;
  /** Only work orders assigned to one of these organisations. */
  organisationIds?: string[];
  /** true: a running deadline has passed or one was breached; false: neither. */
  overdue?: boolean;
  /** receivedAt range, inclusive from, exclusive to. */
  from?: Date;
  to?: Date;
  /** Evaluated "now" for the overdue filter (tests pin it). */
  now?: Date;
  /**
   * The staff member the list is for: complaints about their own organisation are left out (issue 13
   * finding 7, complaint confidentiality; see `staffMaySeeWorkOrder`). Every staff list passes it.
   */
  viewer?: AuthUser;
}

export type WorkOrderViewPage = Page<WorkOrderView>;
