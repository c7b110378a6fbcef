export interface BucketSettings {
  maximumAvailable: number;
  restoreRate: number;
}

export interface ThrottleStatus extends BucketSettings {
  currentlyAvailable: number;
}

/** Shopify's cost bucket: refills continuously at restoreRate points per second up to maximumAvailable. */
export function createLeakyBucket(settings: BucketSettings, nowMs: () => number) {
  let { maximumAvailable, restoreRate } = settings;
  let available = maximumAvailable;
  let updatedAt = nowMs();

  function refill(): void {
    const now = nowMs();
    available = Math.min(maximumAvailable, available + ((now - updatedAt) / 1000) * restoreRate);
    updatedAt = now;
  }

  return {
    /** Takes `cost` points if the bucket holds them; otherwise takes nothing. */
    take(cost: number): boolean {
      refill();
      if (available < cost) return false;
      available -= cost;
      return true;
    },
    refund(points: number): void {
      refill();
      available = Math.min(maximumAvailable, available + points);
    },
    configure(next: Partial<ThrottleStatus>): void {
      refill();
      maximumAvailable = next.maximumAvailable ?? maximumAvailable;
      restoreRate = next.restoreRate ?? restoreRate;
      available = Math.min(maximumAvailable, next.currentlyAvailable ?? available);
    },
    status(): ThrottleStatus {
      refill();
      return { maximumAvailable, currentlyAvailable: Math.floor(available), restoreRate };
    },
  };
}

export type LeakyBucket = ReturnType<typeof createLeakyBucket>;
