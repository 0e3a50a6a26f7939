import type { ServerResponse } from 'node:http';
import { sleep } from '../../shared/sleep.js';
import type { NetworkModel } from './network-model.js';

/**
 * Yields `chunks` no faster than `model` lets `connection` send them: each chunk waits
 * until the model says its bytes have crossed the simulated network.
 */
export async function* pacedChunks(
  chunks: Iterable<Buffer>,
  model: NetworkModel,
  connection: object,
  sleep: (ms: number) => Promise<void>,
): AsyncGenerator<Buffer> {
  for (const chunk of chunks) {
    // Below a millisecond a timer cannot wait any shorter; the debt carries over in the lane.
    const wait = model.reserve(connection, chunk.length);
    if (wait >= 1) await sleep(wait);
    yield chunk;
  }
}

/** The body as the network model lets it out over `res`'s connection, or as is when the model is off. */
export function shapedBody(
  chunks: Iterable<Buffer>,
  model: NetworkModel,
  res: ServerResponse,
): Iterable<Buffer> | AsyncIterable<Buffer> {
  if (!model.enabled) return chunks;
  // A keep-alive socket carries one response after another: the lane is the socket's.
  return pacedChunks(chunks, model, res.socket ?? res, sleep);
}
