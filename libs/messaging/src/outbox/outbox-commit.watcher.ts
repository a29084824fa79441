import type {
  DataSource,
  EntityManager,
  EntitySubscriberInterface,
  QueryRunner,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';

/**
 * In-process wake-up of the relay at the moment an outbox row becomes visible: the transaction's
 * COMMIT (a TypeORM subscriber on the data source), or at once for a write outside a transaction.
 * LISTEN/NOTIFY does the same across instances; the relay's poll is the last resort.
 */
export class OutboxCommitWatcher {
  private readonly pending = new WeakSet<QueryRunner>();
  private readonly listeners = new Set<() => void>();
  private readonly attached = new WeakSet<DataSource>();

  onCommit(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Called after an outbox row was inserted through `manager`. */
  track(manager: EntityManager): void {
    const queryRunner = manager.queryRunner;
    if (!queryRunner || !queryRunner.isTransactionActive) {
      this.fire();
      return;
    }
    this.attach(manager.connection);
    this.pending.add(queryRunner);
  }

  private attach(dataSource: DataSource): void {
    if (this.attached.has(dataSource)) return;
    this.attached.add(dataSource);
    const subscriber: EntitySubscriberInterface = {
      afterTransactionCommit: (event: TransactionCommitEvent) => {
        if (!this.pending.has(event.queryRunner)) return;
        // A nested savepoint "commit" is not the real one: wait for the outermost COMMIT.
        if (event.queryRunner.isTransactionActive) return;
        this.pending.delete(event.queryRunner);
        this.fire();
      },
      afterTransactionRollback: (event: TransactionRollbackEvent) => {
        if (!event.queryRunner.isTransactionActive) this.pending.delete(event.queryRunner);
      },
    };
    // DataSource.subscribers is read at each broadcast, so a subscriber added after initialize() is seen.
    (dataSource.subscribers as EntitySubscriberInterface[]).push(subscriber);
  }

  private fire(): void {
    for (const listener of this.listeners) listener();
  }
}
