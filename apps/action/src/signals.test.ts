import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { abortOnSignals, CancelledError, type SignalSource } from './signals.js';

describe('abortOnSignals', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)(
    'aborts on %s with a CancelledError naming it',
    (name) => {
      const source = new EventEmitter();
      const { signal } = abortOnSignals(source as SignalSource);
      expect(signal.aborted).toBe(false);
      source.emit(name);
      expect(signal.aborted).toBe(true);
      expect(signal.reason).toBeInstanceOf(CancelledError);
      expect((signal.reason as CancelledError).signalName).toBe(name);
    },
  );

  it('lets a second signal through to the default handler (listeners removed after the first)', () => {
    const source = new EventEmitter();
    abortOnSignals(source as SignalSource);
    expect(source.listenerCount('SIGINT') + source.listenerCount('SIGTERM')).toBe(2);
    source.emit('SIGINT');
    expect(source.listenerCount('SIGINT') + source.listenerCount('SIGTERM')).toBe(0);
  });

  it('dispose removes the listeners without aborting', () => {
    const source = new EventEmitter();
    const { signal, dispose } = abortOnSignals(source as SignalSource);
    dispose();
    expect(source.listenerCount('SIGINT') + source.listenerCount('SIGTERM')).toBe(0);
    expect(signal.aborted).toBe(false);
  });
});
