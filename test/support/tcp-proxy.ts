import { createServer, Socket, type Server } from 'node:net';

export interface ProxyTarget {
  host: string;
  port: number;
}

/** One connection through the proxy, as the test sees it. */
export interface ProxiedConnection {
  /** The client ended it with a PostgreSQL Terminate message: it closed cleanly. */
  terminated: boolean;
  /** The client closed its side (whether or not its Terminate message got through). */
  closedByClient: boolean;
}

/** What the proxy does with a new connection. */
type Mode = 'forward' | 'refuse' | 'swallow' | 'stall';

/** PostgreSQL simple-query message `COMMIT`: type Q, length 11, the text, NUL. */
const COMMIT_QUERY = Buffer.from('Q\u0000\u0000\u0000\u000bCOMMIT\u0000', 'latin1');
/**
 * What a transaction that stores pushed events sends, whichever form its insert takes: the
 * prepared statement (named in every Bind) or, with contributed rows, the statement's text.
 */
const STORES_EVENTS = [
  Buffer.from('alert-hub-insert-events', 'latin1'),
  Buffer.from('INSERT INTO alert_events', 'latin1'),
];
/** PostgreSQL Terminate message: what a client sends before it closes a connection. */
const TERMINATE = Buffer.from('X\u0000\u0000\u0000\u0004', 'latin1');

interface Pair extends ProxiedConnection {
  client: Socket;
  upstream: Socket | null;
}

/**
 * A TCP proxy between the app and PostgreSQL that a test can break: the database becomes
 * unreachable (`refuse`), silent (`swallow`: connections are accepted and never answered), silent
 * on the connections already open (`stall`: they stay open, nothing passes any more), or
 * the reply to a COMMIT is lost after the database has committed, as when the network fails at
 * the worst moment. The shared PostgreSQL server itself is never touched.
 */
export class TcpProxy {
  readonly connections: ProxiedConnection[] = [];
  private readonly pairs = new Set<Pair>();
  private mode: Mode = 'forward';
  private commitTrap: (() => void) | undefined;

  private constructor(
    private readonly server: Server,
    readonly port: number,
    private readonly target: ProxyTarget,
  ) {}

  static async start(target: ProxyTarget): Promise<TcpProxy> {
    const server = createServer();
    const port = await new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        if (address === null || typeof address === 'string') reject(new Error('no TCP port'));
        else resolve(address.port);
      });
    });
    const proxy = new TcpProxy(server, port, target);
    server.on('connection', (client) => proxy.accept(client));
    return proxy;
  }

  /** The database cannot be reached: open connections break, new ones are reset at once. */
  refuse(): void {
    this.mode = 'refuse';
    this.breakAll();
  }

  /** The network drops everything: open connections break, new ones get no answer at all. */
  swallow(): void {
    this.mode = 'swallow';
    this.breakAll();
  }

  /**
   * The network goes silent without closing anything, as when a route or a firewall drops the
   * packets: open connections stay open and carry nothing, new ones are accepted and ignored.
   */
  stall(): void {
    this.mode = 'stall';
  }

  /** The database is reachable again. Connections that stalled are reset: bytes were lost. */
  restore(): void {
    if (this.mode === 'stall') this.breakAll();
    this.mode = 'forward';
  }

  /**
   * Lets the next COMMIT of a transaction that stores events reach the database, drops its reply
   * and then refuses everything: the app cannot know its push was committed. Resolves once that
   * has happened. Other transactions (the notification worker's, the sweeps') pass untouched.
   */
  loseNextCommitReply(): Promise<void> {
    return new Promise((resolve) => {
      this.commitTrap = resolve;
    });
  }

  async close(): Promise<void> {
    this.breakAll();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: Socket): void {
    client.on('error', () => undefined);
    if (this.mode === 'refuse') {
      client.resetAndDestroy();
      return;
    }
    const pair: Pair = { client, upstream: null, terminated: false, closedByClient: false };
    this.pairs.add(pair);
    this.connections.push(pair);
    client.on('end', () => {
      pair.closedByClient = true;
    });
    client.on('close', () => {
      pair.upstream?.destroy();
      this.pairs.delete(pair);
    });
    if (this.mode === 'swallow' || this.mode === 'stall') return;

    const upstream = new Socket();
    pair.upstream = upstream;
    upstream.on('error', () => client.destroy());
    upstream.on('close', () => client.destroy());
    let storingEvents = false;
    let awaitingCommitReply = false;
    client.on('data', (chunk: Buffer) => {
      if (this.mode === 'stall') return;
      if (chunk.subarray(-TERMINATE.length).equals(TERMINATE)) pair.terminated = true;
      if (STORES_EVENTS.some((marker) => chunk.includes(marker))) storingEvents = true;
      if (chunk.includes(COMMIT_QUERY)) {
        if (this.commitTrap && storingEvents) awaitingCommitReply = true;
        storingEvents = false;
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (this.mode === 'stall') return;
      if (awaitingCommitReply) {
        // The database has answered the COMMIT, so it has committed: the answer is lost.
        const sprung = this.commitTrap;
        this.commitTrap = undefined;
        this.refuse();
        sprung?.();
        return;
      }
      client.write(chunk);
    });
    upstream.connect(this.target.port, this.target.host);
  }

  private breakAll(): void {
    for (const pair of this.pairs) {
      pair.client.destroy();
      pair.upstream?.destroy();
    }
    this.pairs.clear();
  }
}

/** Host and port of a postgres:// URL. */
export function postgresTarget(url: string): ProxyTarget {
  const parsed = new URL(url);
  return { host: parsed.hostname, port: Number(parsed.port || 5432) };
}

/** The same database URL, through the proxy. */
export function urlThroughProxy(url: string, proxy: TcpProxy): string {
  const parsed = new URL(url);
  parsed.hostname = '127.0.0.1';
  parsed.port = String(proxy.port);
  return parsed.toString();
}
