/**
 * Doc 2.6 (请求频次限制): every endpoint allows 3 requests per second by default. Counted per
 * access key and endpoint over a sliding one-second window of accepted requests (the strictest
 * reading; the document does not say). Refused requests do not count.
 */
export class RateLimiter {
  private readonly accepted = new Map<string, number[]>();

  constructor(
    public rate: number,
    private readonly windowMs = 1000,
  ) {}

  /** True when the request may proceed (and it is counted). */
  admit(key: string, now: number): boolean {
    if (this.rate <= 0) return true;
    const times = (this.accepted.get(key) ?? []).filter((t) => t > now - this.windowMs);
    if (times.length >= this.rate) {
      this.accepted.set(key, times);
      return false;
    }
    times.push(now);
    this.accepted.set(key, times);
    return true;
  }
}
