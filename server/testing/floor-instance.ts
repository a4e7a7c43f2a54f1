import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../app';
import { readServerConfig } from '../config';
import { FloorClient } from './floor-client';

/** A server/ instance on loopback, and a way to open its floor as the console's origin does. */
export interface FloorInstance {
  readonly app: FastifyInstance;
  open(): Promise<FloorClient>;
}

/** Builds server/ from `environment` and listens on a free loopback port; the caller closes it. */
export async function startFloorInstance(environment: Record<string, string>): Promise<FloorInstance> {
  const app = await buildServer(readServerConfig(environment));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    app,
    open: () => FloorClient.open(`ws://127.0.0.1:${port}/api/floor`, `http://127.0.0.1:${port}`),
  };
}
