import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { CheckedTarget } from './target-policy';

/** Agents kept at most (one per target address); the least recently used one is closed beyond. */
const MAX_AGENTS = 256;
/** An idle kept-alive connection is closed after this long. */
const IDLE_SOCKET_MS = 15_000;

/**
 * Kept-alive connections for webhook deliveries, one agent per checked address: a pooled socket only ever
 * goes to the address the target policy approved for that attempt (the agent is chosen by it, and its
 * sockets were opened to it), so keeping connections alive does not weaken the per-attempt SSRF check. A
 * connection is reused only after an answer that was read to its end within the excerpt bound; any other
 * (a long body, a timeout, an error) is destroyed by the sender.
 */
export class DeliveryAgents {
  private readonly agents = new Map<string, HttpAgent>();

  constructor(private readonly maxSocketsPerTarget: number) {}

  for(target: CheckedTarget): HttpAgent {
    const { url, address } = target;
    const key = `${url.protocol}//${url.host}@${address}`;
    let agent = this.agents.get(key);
    if (agent) {
      // Most recently used last (Map keeps insertion order).
      this.agents.delete(key);
      this.agents.set(key, agent);
      return agent;
    }
    const options = {
      keepAlive: true,
      maxSockets: this.maxSocketsPerTarget,
      maxFreeSockets: this.maxSocketsPerTarget,
      timeout: IDLE_SOCKET_MS,
    };
    agent = url.protocol === 'https:' ? new HttpsAgent(options) : new HttpAgent(options);
    this.agents.set(key, agent);
    if (this.agents.size > MAX_AGENTS) {
      const [oldest, evicted] = this.agents.entries().next().value as [string, HttpAgent];
      this.agents.delete(oldest);
      evicted.destroy();
    }
    return agent;
  }

  /** Closes every connection (shutdown). */
  destroy(): void {
    for (const agent of this.agents.values()) agent.destroy();
    this.agents.clear();
  }
}
