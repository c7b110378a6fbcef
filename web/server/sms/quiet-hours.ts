import { LRUCache } from "lru-cache";

/** One clock-time formatter per shop timezone (bounded: timezones come from shops' settings). */
const formats = new LRUCache<string, Intl.DateTimeFormat>({ max: 500 });

function minuteOfDay(now: Date, timezone: string): { minute: number; second: number } {
  let format = formats.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: timezone,
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    });
    formats.set(timezone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(now).map((p) => [p.type, p.value]));
  return { minute: Number(parts.hour) * 60 + Number(parts.minute), second: Number(parts.second) };
}

/**
 * When an SMS may go out: null now, else the end of the shop's quiet hours. The window is
 * [start, end) in minutes after local midnight and may span midnight (22:00-08:00). Pure.
 * Across a DST change the wait may be an hour off; the message then waits or goes an hour early
 * once a year, never inside a night the window fully covers.
 */
export function quietHoursEnd(
  now: Date,
  timezone: string,
  startMinute: number | null,
  endMinute: number | null,
): Date | null {
  if (startMinute === null || endMinute === null || startMinute === endMinute) return null;
  const { minute, second } = minuteOfDay(now, timezone);
  const inside =
    startMinute < endMinute
      ? minute >= startMinute && minute < endMinute
      : minute >= startMinute || minute < endMinute;
  if (!inside) return null;
  const wait = (endMinute - minute + 1440) % 1440;
  return new Date(now.getTime() + wait * 60_000 - second * 1000 - now.getMilliseconds());
}
