import { Injectable } from '@nestjs/common';
import { TooManyAttemptsError } from './too-many-attempts.error.js';

/** Failed sign-ins one client address may make in a window before it must wait for the next. */
export const FAILED_SIGN_INS_PER_WINDOW = 5;
export const SIGN_IN_WINDOW_MS = 60_000;
/**
 * Addresses remembered at most: a flood from many addresses costs bounded memory; past it the
 * oldest window is forgotten first (its address gets a fresh allowance, no more).
 */
const ADDRESSES_KEPT = 10_000;

interface Window {
  startedAt: number;
  failures: number;
}

/**
 * Failed sign-ins per client address, in this process's memory: a wrong guess then costs no
 * database write (a flood of guesses must not become a flood of writes), and a restart forgets
 * them, which gives back at most one window's allowance. With several processes each counts its
 * own: the allowance is per process, which still makes guessing a real token hopeless.
 */
@Injectable()
export class SignInAttempts {
  private readonly windows = new Map<string, Window>();

  /** Throws `TooManyAttemptsError` while `address` has used up its failures of the window. */
  assertAllowed(address: string, now = Date.now()): void {
    const window = this.current(address, now);
    if (window && window.failures >= FAILED_SIGN_INS_PER_WINDOW) {
      const left = window.startedAt + SIGN_IN_WINDOW_MS - now;
      throw new TooManyAttemptsError(Math.max(1, Math.ceil(left / 1000)));
    }
  }

  recordFailure(address: string, now = Date.now()): void {
    const window = this.current(address, now);
    if (window) {
      window.failures += 1;
      return;
    }
    if (this.windows.size >= ADDRESSES_KEPT) {
      const oldest = this.windows.keys().next();
      if (!oldest.done) this.windows.delete(oldest.value);
    }
    this.windows.set(address, { startedAt: now, failures: 1 });
  }

  /** A right token clears the address's count: a few typos before it cost nothing later. */
  recordSuccess(address: string): void {
    this.windows.delete(address);
  }

  private current(address: string, now: number): Window | undefined {
    const window = this.windows.get(address);
    if (window && now - window.startedAt >= SIGN_IN_WINDOW_MS) {
      this.windows.delete(address);
      return undefined;
    }
    return window;
  }
}
