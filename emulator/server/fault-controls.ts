import type { FastifyInstance } from 'fastify';
import { FAULT_OPERATIONS, isFaultOperation } from '../engine/faults';
import { rangeProblem, RANGES, type NumberRange } from '../engine/ranges';
import type { World } from '../engine/world';
import { CLOUD_FAULT_OPERATIONS, isCloudFaultOperation } from './cloud/cloud-faults';
import type { MicrosoftCloud } from './cloud/microsoft-cloud';
import { BadRequest, bodySchema, enumField, numberField, stringField } from './control-schemas';

/** A cloud service fails with an HTTP status, as it would answer one. */
const HTTP_STATUS: NumberRange = { min: 400, max: 599, integer: true };

/** An ACS token shorter than this could not be renewed in time by the SDK's credential. */
const TOKEN_LIFETIME_SECONDS: NumberRange = { min: 30, max: 86_400, integer: true, unit: 'seconds' };

const GRAPH_METHODS = ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'];
const EVERY_OPERATION = [...FAULT_OPERATIONS, ...CLOUD_FAULT_OPERATIONS].join(', ');

interface FaultBody {
  op: string;
  code?: number;
  subCode?: number;
  delayMs?: number;
  method?: string;
  path?: string;
}

/**
 * Fault injection (`POST /emulator/faults`): the next calling operation of a kind fails with an
 * ACS code or is delayed; the next request to a part of Microsoft's cloud (ACS identity's token
 * exchange, Entra ID's token endpoint, Graph, narrowed by method and path) fails with an HTTP
 * status in that service's error shape; `DELETE` drops whatever is still waiting. And the ACS
 * tokens' lifetime (`/emulator/identity`), so
 * that a test sees a renewal. Part of `emulatorControls`: the same parsing, schemas and refusals.
 */
export function faultControls(app: FastifyInstance, world: World, cloud: MicrosoftCloud): void {
  app.post<{ Body: FaultBody }>(
    '/emulator/faults',
    {
      schema: bodySchema(
        {
          op: {
            type: 'string',
            description: `"op" names the operation to fault: one of ${EVERY_OPERATION}.`,
          },
          code: numberField('code', RANGES.code),
          subCode: numberField('subCode', RANGES.subCode),
          delayMs: numberField('delayMs', RANGES.delayMs),
          method: enumField('method', GRAPH_METHODS),
          path: {
            ...stringField('path', 1024),
            pattern: '^/',
            description: '"path" is the start of a Graph path after /v1.0, e.g. "/chats".',
          },
        },
        { required: ['op'] },
      ),
    },
    async (request) => {
      const { op, code, subCode, delayMs, method, path } = request.body;
      if ((method !== undefined || path !== undefined) && op !== 'graph')
        throw new BadRequest(400, '"method" and "path" narrow a "graph" fault only.');
      if (isCloudFaultOperation(op)) {
        // A cloud service answers with an HTTP status; ACS's subCodes belong to calling operations.
        if (subCode !== undefined || delayMs !== undefined)
          throw new BadRequest(400, `A fault of ${op} takes a "code" (an HTTP status) only.`);
        if (code === undefined || rangeProblem('code', code, HTTP_STATUS))
          throw new BadRequest(
            400,
            `A fault of ${op} answers an HTTP status: ${rangeProblem('code', Number.NaN, HTTP_STATUS)}`,
          );
        if (op === 'graph') cloud.faults.graph.failNext(method ?? '*', startingWith(path ?? '/'), code);
        else cloud.faults.failNext(op, code);
        return { op, code, ...(method && { method }), ...(path && { path }) };
      }
      // A misspelt name ("mutee") would be accepted and never fire: the test then proves nothing.
      if (!isFaultOperation(op))
        throw new BadRequest(
          400,
          `"op" names the operation to fault: one of ${EVERY_OPERATION} (not "${op}").`,
        );
      if (code === undefined && delayMs === undefined)
        throw new BadRequest(400, 'Give a "code" to fail with, a "delayMs", or both.');
      if (subCode !== undefined && code === undefined)
        throw new BadRequest(400, 'A "subCode" needs the "code" it belongs to.');
      if (delayMs !== undefined) world.faults.delayNext(op, delayMs);
      if (code !== undefined) world.faults.failNext(op, { code, ...(subCode !== undefined && { subCode }) });
      return { op, code, subCode, delayMs };
    },
  );

  // What a test injected and its client never asked for stays out of the next test.
  app.delete('/emulator/faults', async () => {
    world.faults.clear();
    cloud.faults.clear();
    return { cleared: true };
  });

  const identitySettings = () => {
    const lifetimeMs = cloud.identity.tokenLifetimeMs;
    return { tokenLifetimeSeconds: lifetimeMs === null ? null : lifetimeMs / 1000 };
  };
  app.get('/emulator/identity', async () => identitySettings());
  app.patch<{ Body: { tokenLifetimeSeconds: number | null } }>(
    '/emulator/identity',
    {
      schema: bodySchema(
        {
          tokenLifetimeSeconds: {
            ...numberField('tokenLifetimeSeconds', TOKEN_LIFETIME_SECONDS),
            type: ['integer', 'null'],
            description: `${rangeProblem('tokenLifetimeSeconds', Number.NaN, TOKEN_LIFETIME_SECONDS)!.slice(0, -1)}, or null (as long as the Entra token).`,
          },
        },
        { required: ['tokenLifetimeSeconds'] },
      ),
    },
    async (request) => {
      const seconds = request.body.tokenLifetimeSeconds;
      cloud.identity.tokenLifetimeMs = seconds === null ? null : seconds * 1000;
      return identitySettings();
    },
  );
}

/** A path prefix as the pattern `GraphFaults` matches, every character taken literally. */
function startingWith(prefix: string): RegExp {
  return new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
}
