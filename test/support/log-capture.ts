import type { DestinationStream } from 'pino';

export type LogLine = Record<string, unknown> & { level: string; msg: string };

/** Collects the app's log output, to read back as parsed JSON lines. */
export class LogCapture implements DestinationStream {
  text = '';

  write(chunk: string): void {
    this.text += chunk;
  }

  lines(): LogLine[] {
    return this.text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as LogLine);
  }

  /** The lines written while serving one request. */
  linesOf(requestId: string): LogLine[] {
    return this.lines().filter((line) => line.requestId === requestId);
  }
}
