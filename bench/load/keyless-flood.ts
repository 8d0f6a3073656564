/**
 * Pushes without an integration key, as an attacker or a misconfigured sender would, from a few
 * connections in a loop: each sends a large body, which Alert Hub must refuse (401) without
 * reading and parsing it. Runs beside a load run, so its cost shows in the legitimate pushes/s.
 */
export interface KeylessFlood {
  /** Stops sending; resolves once every request in flight has ended, with what they got. */
  stop(): Promise<{ sent: number; answers: Record<string, number> }>;
}

export const KEYLESS_FLOOD = { connections: 6, bodyBytes: 4_400_000 };

/**
 * Valid JSON of about `bytes`, many small alerts: what costs a receiver most when it reads and
 * parses a body before it looks at the key.
 */
function floodBody(bytes: number): Buffer {
  const alert = JSON.stringify({ labels: { alertname: 'Flood', instance: 'x' }, status: 'firing' });
  const count = Math.max(1, Math.floor(bytes / (alert.length + 1)));
  return Buffer.from(`{"alerts":[${Array.from({ length: count }, () => alert).join(',')}]}`);
}

export function startKeylessFlood(url: string, pushPath: string): KeylessFlood {
  const target = `${url}${pushPath.split('?')[0] ?? pushPath}`;
  const body = floodBody(KEYLESS_FLOOD.bodyBytes);
  let running = true;
  let sent = 0;
  const answers: Record<string, number> = {};
  const count = (answer: string) => {
    answers[answer] = (answers[answer] ?? 0) + 1;
  };
  const loop = async () => {
    while (running) {
      sent += 1;
      try {
        const response = await fetch(target, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        });
        await response.arrayBuffer();
        count(String(response.status));
      } catch {
        count('network error');
      }
    }
  };
  const loops = Array.from({ length: KEYLESS_FLOOD.connections }, loop);
  return {
    stop: async () => {
      running = false;
      await Promise.all(loops);
      return { sent, answers };
    },
  };
}
