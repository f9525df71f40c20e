import autocannon from 'autocannon';

/** One round's deliveries: each distinct result `copies` times, shuffled, as ready-to-send bodies. */
export interface DeliveryPlan {
  /** Authentication id of each delivery, by position. */
  authIds: string[];
  bodies: Buffer[];
  distinct: number;
}

/**
 * `distinct` faceAuth v3 results with ids `<prefix>-<n>`, each delivered `copies` times, in an order
 * shuffled with a fixed seed (Fisher–Yates): paired subject and baseline rounds get the same pattern.
 */
export function shuffledDeliveries(
  prefix: string,
  distinct: number,
  copies: number,
  seed: number,
): DeliveryPlan {
  const order: number[] = [];
  for (let i = 0; i < distinct; i++) for (let c = 0; c < copies; c++) order.push(i);
  let state = seed >>> 0;
  const random = (): number => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] ?? 0, order[i] ?? 0];
  }
  const bodies = Array.from({ length: distinct }, (_, i) =>
    Buffer.from(
      JSON.stringify({
        webhook_trigger: 'faceAuth',
        data: {
          Authentication_id: `${prefix}-${i}`,
          Submission_id: 's',
          Auth_Status: 'approved',
          Create_Time: '2026-11-20T10:00:00Z',
        },
      }),
    ),
  );
  return {
    authIds: order.map((i) => `${prefix}-${i}`),
    bodies: order.map((i) => bodies[i] ?? Buffer.alloc(0)),
    distinct,
  };
}

/**
 * The autocannon request slot that sends the deliveries in order, one per request, and records which
 * authentication ids were acknowledged with 200 (autocannon keeps one context per connection, and with
 * no pipelining a response always belongs to the request last set up on its connection).
 */
export function deliverySlot(plan: DeliveryPlan, acknowledged: Set<string>): autocannon.RequestSpec {
  let next = 0;
  return {
    method: 'POST',
    path: '/webhooks/argos',
    headers: { 'content-type': 'application/json' },
    setupRequest: (request, context) => {
      const i = next++ % plan.bodies.length;
      context.delivery = i;
      return { ...request, body: plan.bodies[i] };
    },
    onResponse: (status, _body, context) => {
      const i = context.delivery;
      if (status === 200 && typeof i === 'number') acknowledged.add(plan.authIds[i] ?? '');
    },
  };
}
