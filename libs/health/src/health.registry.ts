import { Injectable } from '@nestjs/common';

export interface ComponentStatus {
  up: boolean;
  detail?: Record<string, unknown>;
  error?: string;
}

export type ComponentCheck = () => Promise<ComponentStatus>;

/**
 * Components that readiness depends on. The kit registers PostgreSQL, Redis and Kafka; other
 * modules (the outbox relay, consumers) add their own at start-up.
 */
@Injectable()
export class HealthRegistry {
  private readonly checks = new Map<string, ComponentCheck>();
  private draining = false;

  register(name: string, check: ComponentCheck): void {
    this.checks.set(name, check);
  }

  entries(): [string, ComponentCheck][] {
    return [...this.checks.entries()];
  }

  /** Called on SIGTERM: readiness goes red so load balancers stop sending traffic. */
  markDraining(): void {
    this.draining = true;
  }

  isDraining(): boolean {
    return this.draining;
  }
}
