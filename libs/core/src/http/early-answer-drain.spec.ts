import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import { drainAfterAnswer, EARLY_ANSWER_DRAIN, isDraining } from './early-answer-drain.js';

/** A request whose body is still arriving, on a socket that records being destroyed. */
function arrivingRequest() {
  const socket = Object.assign(new EventEmitter(), {
    destroyed: false,
    destroy() {
      socket.destroyed = true;
    },
  });
  const request = Object.assign(new EventEmitter(), {
    complete: false,
    destroyed: false,
    socket,
    resumed: false,
    resume() {
      request.resumed = true;
    },
  });
  return { request, socket, asMessage: request as unknown as IncomingMessage };
}

describe('drainAfterAnswer', () => {
  beforeEach(() => {
    jest.useFakeTimers();
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('reads the rest of the body and keeps the connection once it has arrived', () => {
    const { request, socket, asMessage } = arrivingRequest();
    drainAfterAnswer(asMessage, 413);
    expect(request.resumed).toBe(true);
    expect(isDraining(socket as never)).toBe(true);
    request.emit('data', Buffer.alloc(1024 * 1024));
    request.emit('end');
    jest.advanceTimersByTime(EARLY_ANSWER_DRAIN.maxMs * 2);
    expect(socket.destroyed).toBe(false);
    expect(isDraining(socket as never)).toBe(false);
  });

  it('closes the connection when the body is larger than the allowance', () => {
    const refused = arrivingRequest();
    drainAfterAnswer(refused.asMessage, 413);
    refused.request.emit('data', Buffer.alloc(EARLY_ANSWER_DRAIN.maxBytes));
    expect(refused.socket.destroyed).toBe(false);
    refused.request.emit('data', Buffer.alloc(1));
    expect(refused.socket.destroyed).toBe(true);

    const keyless = arrivingRequest();
    drainAfterAnswer(keyless.asMessage, 401);
    keyless.request.emit('data', Buffer.alloc(EARLY_ANSWER_DRAIN.unauthenticatedMaxBytes + 1));
    expect(keyless.socket.destroyed).toBe(true);
  });

  it('closes the connection when the body is still arriving after the time allowed', () => {
    const { socket, asMessage } = arrivingRequest();
    drainAfterAnswer(asMessage, 401);
    jest.advanceTimersByTime(EARLY_ANSWER_DRAIN.maxMs - 1);
    expect(socket.destroyed).toBe(false);
    jest.advanceTimersByTime(1);
    expect(socket.destroyed).toBe(true);
  });

  it('leaves a request whose body was read whole alone', () => {
    const { request, socket, asMessage } = arrivingRequest();
    request.complete = true;
    drainAfterAnswer(asMessage, 200);
    expect(request.resumed).toBe(false);
    expect(isDraining(socket as never)).toBe(false);
  });
});
