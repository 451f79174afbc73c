/**
 * A port's failure inside a turn, tagged with the port: logged and counted once, by the engine.
 * @module
 */
import type { PortName } from '../observe/observer';

export class PortFailure extends Error {
  constructor(readonly port: PortName, override readonly cause: unknown) {
    super(`${port} failed`);
  }
}

/** Calls a port, tagging its failure with the port's name. */
export async function via<T>(port: PortName, call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (err) {
    throw err instanceof PortFailure ? err : new PortFailure(port, err);
  }
}
