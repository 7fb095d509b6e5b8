/**
 * A promise rejection no code handled is a bug; by default Node exits on it, taking every
 * channel down with it. Here it costs the one request it came from: it is logged loudly and
 * counted in /metrics (helpline_unhandled_rejections_total), and the process keeps serving.
 */
import type { Logger } from './logger.js';

export function guardUnhandledRejections(logger: Logger, count: () => void): () => void {
  const onRejection = (reason: unknown) => {
    count();
    logger.fatal({ err: reason }, 'unhandled promise rejection (a bug): the helpline keeps serving');
  };
  process.on('unhandledRejection', onRejection);
  return () => process.off('unhandledRejection', onRejection);
}
