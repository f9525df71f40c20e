import { Client } from 'pg';

const READ_TIMEOUT = 'Query read timeout';

/**
 * pg's `query_timeout` rejects a query that got no answer in time but leaves the connection waiting for
 * it; TypeORM then returns that connection to the pool, where every later query queues behind the lost
 * one (a black-holed connection never answers). This client closes its connection on a read timeout, so
 * the pool drops it and the next query opens a fresh one.
 */
export class BoundedPgClient extends Client {
  // pg's overloads cannot be restated one by one: the arguments and the result pass through unchanged.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: unknown[]): any {
    const result: unknown = (super.query as (...a: unknown[]) => unknown)(...args);
    if (result instanceof Promise) {
      result.catch((error: unknown) => {
        // end() marks the client as ending at once (the pool then drops it on release) and, with a query
        // still waiting, destroys the socket.
        if ((error as Error | null)?.message === READ_TIMEOUT) void this.end().catch(() => undefined);
      });
    }
    return result;
  }
}
