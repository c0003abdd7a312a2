import { timingSafeEqual } from 'node:crypto';

/**
 * What one browser (or one REST call) may do. On loopback everyone may change things; beyond it, only
 * a holder of the presenter token.
 */
export class Session {
  private granted: boolean;

  constructor(
    private readonly presenterToken: string | null,
    tokenRequired: boolean,
    offeredToken?: unknown,
  ) {
    this.granted = !tokenRequired || this.matches(offeredToken);
  }

  get canControl(): boolean {
    return this.granted;
  }

  grant(token: string): boolean {
    if (this.matches(token)) this.granted = true;
    return this.matches(token);
  }

  private matches(token: unknown): boolean {
    if (typeof token !== 'string' || this.presenterToken === null) return false;
    const a = Buffer.from(token);
    const b = Buffer.from(this.presenterToken);
    return a.length === b.length && timingSafeEqual(a, b);
  }
}
