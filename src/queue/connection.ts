import { Redis } from 'ioredis';
import { Queue } from 'bullmq';
import { SitrepOptionError } from '../errors.js';
import type { ResolvedTarget } from './options.js';

/**
 * Check once, at the door, that the Redis server answers, so that a wrong address is a clear error
 * instead of a command that waits forever for a server that is not there.
 */
export async function probeRedis(target: ResolvedTarget, timeoutMs = 5000): Promise<void> {
  const probe = new Redis(target.url, { lazyConnect: true, connectTimeout: timeoutMs, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
  let cause: Error | undefined; // the socket's error (ECONNREFUSED…), more telling than "Connection is closed."
  probe.on('error', (err: Error) => (cause ??= err));
  try {
    await probe.connect();
    await probe.ping();
  } catch (err) {
    throw new SitrepOptionError(`Expected \`queue\` to name a reachable Redis server, got \`${target.display}\` (${(cause ?? (err as Error)).message})`);
  } finally {
    probe.disconnect();
  }
}

/**
 * A connection for BullMQ: it reconnects for as long as it takes (a worker outlives a Redis restart),
 * and BullMQ requires `maxRetriesPerRequest: null` for its blocking commands.
 */
export function redisConnection(target: ResolvedTarget, onError?: (err: Error) => void): Redis {
  const client = new Redis(target.url, { maxRetriesPerRequest: null });
  client.on('error', onError ?? (() => {}));
  return client;
}

/** The BullMQ queue of a target, on its own connection (closed by `closeQueue`). */
export async function openQueue(target: ResolvedTarget): Promise<{ queue: Queue; connection: Redis }> {
  await probeRedis(target);
  const connection = redisConnection(target);
  const queue = new Queue(target.name, { connection });
  queue.on('error', () => {});
  return { queue, connection };
}

/** Workers listening on the queue, or null where Redis refuses CLIENT LIST (some hosted Redis do). */
export async function workersCount(queue: Queue): Promise<number | null> {
  try {
    return await queue.getWorkersCount();
  } catch {
    return null;
  }
}

export async function closeQueue(q: { queue: Queue; connection: Redis }): Promise<void> {
  await q.queue.close();
  await q.connection.quit().catch(() => q.connection.disconnect());
}
