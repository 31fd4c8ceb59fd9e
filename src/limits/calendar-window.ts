// Calendar days and months in a time zone, as epoch-ms [start, end) (pure): where quota windows begin and end.
// DST-safe: the bounds are local midnights found through Intl, so a day is 23 or 25 hours when the clocks change.

export type CalendarUnit = 'day' | 'month';

export interface CalendarWindow {
  /** Epoch ms of the local midnight that opens the window. */
  readonly startsAt: number;
  /** Epoch ms of the local midnight that opens the next one. */
  readonly endsAt: number;
  /** The local date that opens it, `YYYY-MM-DD` (a stable part of counter keys). */
  readonly label: string;
}

export interface Calendar {
  readonly timeZone: string;
  windowAt(unit: CalendarUnit, now: number): CalendarWindow;
}

const DAY_MS = 86_400_000;

interface LocalDate {
  year: number;
  month: number;
  day: number;
}

/** Throws a RangeError for a time zone Intl does not know (the config schema checks it first). */
export function createCalendar(timeZone: string): Calendar {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });

  function localParts(instant: number): LocalDate & { hour: number; minute: number; second: number } {
    const parts: Record<string, number> = {};
    for (const part of format.formatToParts(instant)) {
      if (part.type !== 'literal') parts[part.type] = Number(part.value);
    }
    return {
      year: parts.year ?? 1970,
      month: parts.month ?? 1,
      day: parts.day ?? 1,
      hour: parts.hour ?? 0,
      minute: parts.minute ?? 0,
      second: parts.second ?? 0,
    };
  }

  /** Local time minus UTC at `instant`, in ms (whole seconds: Intl does not format milliseconds). */
  function offsetAt(instant: number): number {
    const p = localParts(instant);
    const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
    return asUtc - Math.floor(instant / 1000) * 1000;
  }

  /** The first instant whose local date is `date` (month and day may overflow; Date.UTC normalises them). */
  function localMidnight(date: LocalDate): number {
    const wall = Date.UTC(date.year, date.month - 1, date.day);
    const target = new Date(wall);
    // The offsets in force just before and just after that date: equal on most days, one DST step apart on the others.
    const candidates = [wall - offsetAt(wall - DAY_MS), wall - offsetAt(wall + DAY_MS)];
    const onTarget = candidates.filter((c) => {
      const p = localParts(c);
      return p.year === target.getUTCFullYear() && p.month === target.getUTCMonth() + 1 && p.day === target.getUTCDate();
    });
    // Midnight twice (a fall-back at midnight): the first one. Midnight skipped (a spring-forward at midnight): the
    // instant taken with the old offset is exactly the change, the first moment of that date that exists.
    return Math.min(...(onTarget.length > 0 ? onTarget : candidates));
  }

  // Intl formatting costs microseconds and every limited request asks: keep the current window of each unit.
  const current: Partial<Record<CalendarUnit, CalendarWindow>> = {};

  function compute(unit: CalendarUnit, now: number): CalendarWindow {
    const today = localParts(now);
    const start: LocalDate = unit === 'day' ? today : { year: today.year, month: today.month, day: 1 };
    const next: LocalDate = unit === 'day' ? { ...start, day: start.day + 1 } : { ...start, month: start.month + 1 };
    const label = `${start.year}-${pad(start.month)}-${pad(start.day)}`;
    return { startsAt: localMidnight(start), endsAt: localMidnight(next), label };
  }

  return {
    timeZone,
    windowAt(unit, now) {
      const cached = current[unit];
      if (cached && now >= cached.startsAt && now < cached.endsAt) return cached;
      const fresh = compute(unit, now);
      current[unit] = fresh;
      return fresh;
    },
  };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
