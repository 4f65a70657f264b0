import type { Express } from 'express';
import type { OrgtrackApp } from '../../../app/orgtrackApp';
import type { ServiceMetrics } from './serviceMetrics';

/** How long `/readyz` lets the read models catch up with the log before it says they are behind. */
const READY_WITHIN_MS = 2_000;

/**
 * `/healthz`: the process answers. `/readyz`: it can serve what it is asked, 503 otherwise
 * (the projector is resuming after an error or stopped, the read models stay behind the log, or
 * the event store does not answer), for a load balancer to route around it. `/metrics`:
 * Prometheus. None needs a token: they say nothing about the organization's records.
 */
export function serveProbes(expressApp: Express, app: OrgtrackApp, metrics: ServiceMetrics): void {
  expressApp.get('/healthz', (_request, response) => {
    response.json({ status: 'up' });
  });
  expressApp.get('/readyz', async (_request, response) => {
    const problems = await readinessProblems(app);
    response
      .status(problems.length === 0 ? 200 : 503)
      .json({ status: problems.length === 0 ? 'ready' : 'unavailable', problems, position: app.projector.position ?? null });
  });
  expressApp.get('/metrics', async (_request, response) => {
    response.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
}

async function readinessProblems(app: OrgtrackApp): Promise<string[]> {
  const { projector } = app;
  if (projector.state !== 'running') return [`the projector is ${projector.state}`];
  let head: string | undefined;
  try {
    head = await app.eventStore.headPosition();
  } catch {
    return ['the event store does not answer'];
  }
  if (head === undefined || (projector.position ?? '') >= head) return [];
  try {
    await projector.waitFor(head, READY_WITHIN_MS);
    return [];
  } catch {
    return [`the read models are more than ${READY_WITHIN_MS} ms behind the log`];
  }
}
