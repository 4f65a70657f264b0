import type { ApolloServerPlugin } from '@apollo/server';
import type { OperationDefinitionNode } from 'graphql';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { OrgtrackApp } from '../../../app/orgtrackApp';

/**
 * The service's metrics in Prometheus format (prom-client), one registry per server: requests,
 * errors and latency by operation, and the projector's progress and health.
 * Operations are labelled by their type and first root field (`mutation registerMember`): the
 * schema bounds those, where a client-chosen operation name would not.
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  private readonly requests: Counter<'operation' | 'transport'>;
  private readonly errors: Counter<'operation' | 'code'>;
  private readonly latency: Histogram<'operation'>;

  constructor(app: OrgtrackApp) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry, prefix: 'orgtrack_' });
    this.requests = new Counter({
      name: 'orgtrack_graphql_requests_total',
      help: 'GraphQL operations executed',
      labelNames: ['operation', 'transport'],
      registers,
    });
    this.errors = new Counter({
      name: 'orgtrack_graphql_errors_total',
      help: 'Errors in GraphQL responses, by extensions.code',
      labelNames: ['operation', 'code'],
      registers,
    });
    this.latency = new Histogram({
      name: 'orgtrack_graphql_request_duration_seconds',
      help: 'Time from the start of a GraphQL request over HTTP to its response',
      labelNames: ['operation'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
      registers,
    });
    const { projector } = app;
    new Gauge({
      name: 'orgtrack_projector_events_applied',
      help: 'Events the projector applied to the read models since start',
      registers,
      collect() {
        this.set(projector.eventsApplied);
      },
    });
    new Gauge({
      name: 'orgtrack_projector_failures',
      help: 'Errors the projector resumed after since start',
      registers,
      collect() {
        this.set(projector.failureCount);
      },
    });
    new Gauge({
      name: 'orgtrack_projector_running',
      help: '1 while the projector follows the log, 0 while it resumes after an error or is stopped',
      registers,
      collect() {
        this.set(projector.state === 'running' ? 1 : 0);
      },
    });
    new Gauge({
      name: 'orgtrack_projector_behind',
      help: '1 when the read models do not include the last event of the log',
      registers,
      async collect() {
        const head = await app.eventStore.headPosition().catch(() => undefined);
        this.set(head !== undefined && (projector.position ?? '') < head ? 1 : 0);
      },
    });
  }

  /** Counts an operation sent over the WebSocket. */
  webSocketOperation(operation: OperationDefinitionNode | undefined): void {
    this.requests.inc({ operation: operationLabel(operation), transport: 'websocket' });
  }

  /** Times and counts operations over HTTP, and their errors. */
  plugin(): ApolloServerPlugin {
    const { requests, errors, latency } = this;
    return {
      async requestDidStart() {
        const stop = latency.startTimer();
        return {
          async willSendResponse({ operation, response }) {
            const label = operationLabel(operation ?? undefined);
            stop({ operation: label });
            requests.inc({ operation: label, transport: 'http' });
            // The errors as sent (formatted): their codes are the ones clients see.
            const sent = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
            for (const error of sent) errors.inc({ operation: label, code: String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR') });
          },
        };
      },
    };
  }
}

function operationLabel(operation: OperationDefinitionNode | undefined): string {
  if (operation === undefined) return 'unparsed';
  const first = operation.selectionSet.selections.find((selection) => selection.kind === 'Field');
  return `${operation.operation} ${first?.kind === 'Field' ? first.name.value : ''}`.trim();
}
