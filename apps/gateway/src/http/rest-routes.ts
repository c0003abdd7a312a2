import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { limits, parseProducerLines, type CommandName, type Result } from '@lanes/events';
import { partitionsForKeyByProfile, PROFILES } from '@lanes/partitioners';
import { runCommand } from '../commands/run-command';
import { Session } from '../commands/session';
import type { GatewayServices } from '../services';

const statusByCode: Record<string, number> = {
  invalid_input: 400,
  unknown_event: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  kafka_error: 502,
  unavailable: 503,
  internal: 500,
};

/**
 * REST mirrors the socket commands for scripts and demos (docs/api.md has curl examples). Each route
 * builds a command payload from the path and body and runs it exactly as a socket command runs.
 * The presenter token, when needed, goes in `Authorization: Bearer <token>`.
 */
export function restRoutes(services: GatewayServices): Router {
  const router = express.Router();
  router.use(express.json({ limit: limits.maxPayloadBytes }));

  const session = (req: Request) => new Session(services.config.presenterToken ?? null, services.tokenRequired, bearer(req));
  const command =
    <C extends CommandName>(name: C, payload: (req: Request) => unknown, successStatus = 200) =>
    async (req: Request, res: Response) => {
      const result: Result<unknown> = await runCommand(services, name, payload(req), session(req));
      if (result.ok) res.status(successStatus).json(result.data);
      else res.status(statusByCode[result.error.code] ?? 400).json({ error: result.error });
    };

  router.get('/health', (_req, res) => {
    res.json({
      status: 'ok',
      kafka: services.connection.current,
      mode: services.mode,
      bootstrap: services.bootstrap,
      streamed: services.hub.totals,
    });
  });
  router.get('/snapshot', (req, res) => {
    res.json(services.snapshot(session(req).canControl));
  });

  router.get('/topics', (_req, res) => {
    res.json(services.topicViews());
  });
  router.post('/topics', command('topic:create', (req) => req.body, 201));
  router.delete('/topics/:name', command('topic:delete', (req) => ({ name: req.params.name })));
  router.post('/topics/:name/partitions', command('partitions:add', (req) => ({ ...req.body, name: req.params.name })));
  router.post('/topics/:name/watch', command('topic:watch', (req) => ({ ...req.body, topic: req.params.name })));
  router.delete('/topics/:name/watch', command('topic:unwatch', (req) => ({ name: req.params.name })));
  router.post('/topics/:name/records', async (req, res, next) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (typeof body.lines === 'string') {
      const parsed = parseProducerLines(body.lines);
      if (!parsed.ok) {
        res.status(400).json({ error: { code: 'invalid_input', message: parsed.message, field: 'lines' } });
        return;
      }
      const { lines: _lines, ...rest } = body;
      req.body = { ...rest, messages: parsed.messages };
    }
    await command('records:produce', (r) => ({ ...r.body, topic: r.params.name }))(req, res).catch(next);
  });

  router.get('/groups', (_req, res) => {
    res.json([...services.groups.views(), ...services.externalGroups.views()]);
  });
  router.post('/groups', command('group:create', (req) => req.body, 201));
  router.delete('/groups/:groupId', command('group:delete', (req) => ({ groupId: req.params.groupId })));
  router.post('/groups/:groupId/seek', command('group:seek', (req) => ({ groupId: req.params.groupId, to: req.body?.to })));
  router.post('/groups/:groupId/consumers', command('consumer:add', (req) => ({ groupId: req.params.groupId }), 201));
  const consumer = (req: Request) => ({ groupId: req.params.groupId, consumerId: req.params.consumerId });
  router.delete('/groups/:groupId/consumers/:consumerId', command('consumer:remove', consumer));
  router.post('/groups/:groupId/consumers/:consumerId/crash', command('consumer:crash', consumer));
  router.post('/groups/:groupId/consumers/:consumerId/pause', command('consumer:pause', consumer));
  router.post('/groups/:groupId/consumers/:consumerId/resume', command('consumer:resume', consumer));
  router.put('/groups/:groupId/consumers/:consumerId/delay', command('consumer:delay', (req) => ({ ...consumer(req), delayMs: req.body?.delayMs })));

  router.get('/loadgen', (_req, res) => {
    res.json(services.load.views());
  });
  router.post('/loadgen', command('loadgen:start', (req) => req.body, 201));
  router.delete('/loadgen', command('loadgen:stop', () => ({})));
  router.delete('/loadgen/:id', command('loadgen:stop', (req) => ({ id: req.params.id })));

  router.get('/partitioners', (_req, res) => {
    res.json(PROFILES);
  });
  router.get('/partitioners/where', (req, res) => {
    const key = typeof req.query.key === 'string' ? req.query.key : null;
    const partitions = Number(req.query.partitions);
    if (key === null || !Number.isInteger(partitions) || partitions < 1 || partitions > limits.maxPartitions) {
      res.status(400).json({ error: { code: 'invalid_input', message: `Give ?key=...&partitions=N with N from 1 to ${limits.maxPartitions}.` } });
      return;
    }
    res.json(partitionsForKeyByProfile(key, partitions));
  });

  router.use((_req, res) => {
    res.status(404).json({ error: { code: 'not_found', message: 'No such API route. docs/api.md lists them.' } });
  });
  router.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const status = (error as { status?: number }).status ?? 500;
    const type = (error as { type?: string }).type;
    const message =
      type === 'entity.parse.failed'
        ? 'The request body is not valid JSON.'
        : type === 'entity.too.large'
          ? `The request body is larger than ${limits.maxPayloadBytes} bytes.`
          : status < 500
            ? String((error as Error).message)
            : 'The gateway failed to answer; the details are in its log.';
    if (status >= 500) services.log(`REST error: ${String(error)}`);
    res.status(status).json({ error: { code: status < 500 ? 'invalid_input' : 'internal', message } });
  });
  return router;
}

function bearer(req: Request): string | undefined {
  const header = req.get('authorization');
  const match = header ? /^Bearer\s+(.+)$/i.exec(header) : null;
  return match?.[1] ?? req.get('x-lanes-token') ?? undefined;
}
