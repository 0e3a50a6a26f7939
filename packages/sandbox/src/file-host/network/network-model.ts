/** The shape of the simulated network between the file host and its clients. */
export interface NetworkSettings {
  /** Bytes per second one TCP connection can carry (0 = unlimited). */
  connectionBytesPerSecond: number;
  /** Bytes per second all connections together can carry (0 = unlimited). */
  linkBytesPerSecond: number;
  /** Delay before the first byte of every file host answer, in ms (0 = none). */
  firstByteMs: number;
}

/** Bytes and send-time one connection has been given so far. */
export interface LaneLedger {
  bytes: number;
  /** When, on the model's clock, its last reserved byte has left (ms). */
  freeAt: number;
}

/**
 * A store-and-forward model of a real network: every chunk a response sends is reserved
 * first on its connection's lane and on the shared link, each a virtual clock that
 * advances by `bytes / rate`, and may leave only when both have carried it. Idle time is
 * not banked (a lane starts again from "now"), so neither cap can be beaten by a burst;
 * late timers are not lost either, since the next reservation starts from `freeAt`.
 * Connections asking in turn are served in turn, which shares the link fairly.
 */
export class NetworkModel {
  private linkFreeAt = 0;
  private readonly lanes = new WeakMap<object, LaneLedger>();
  /** All bytes reserved, over all connections. */
  totalBytes = 0;

  constructor(
    readonly settings: NetworkSettings,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** True when any part of the model is on; off, the file host runs at loopback speed. */
  get enabled(): boolean {
    const s = this.settings;
    return s.connectionBytesPerSecond > 0 || s.linkBytesPerSecond > 0 || s.firstByteMs > 0;
  }

  /** Reserves `bytes` on `connection` and on the link; returns ms until they may be sent. */
  reserve(connection: object, bytes: number): number {
    const now = this.now();
    const lane = this.ledger(connection);
    const { connectionBytesPerSecond: perConnection, linkBytesPerSecond: link } = this.settings;
    let done = now;
    if (perConnection > 0) done = Math.max(now, lane.freeAt) + (bytes / perConnection) * 1000;
    if (link > 0) {
      this.linkFreeAt = Math.max(now, this.linkFreeAt) + (bytes / link) * 1000;
      done = Math.max(done, this.linkFreeAt);
    }
    lane.freeAt = done;
    lane.bytes += bytes;
    this.totalBytes += bytes;
    return done - now;
  }

  /** What `connection` has been given so far. */
  ledger(connection: object): LaneLedger {
    let lane = this.lanes.get(connection);
    if (!lane) {
      lane = { bytes: 0, freeAt: 0 };
      this.lanes.set(connection, lane);
    }
    return lane;
  }
}
