/**
 * R2 Downtime: the catalogue's working hours, as the customer hears them. Unknown work
 * (diagnosis) gets a cautious range. The exact ready-by time comes with each slot.
 * @module
 */
import type { Downtime } from '../model';
import type { ServiceTerms } from './mobility-terms';

/** A workshop day, in working hours, for telling "same day" from "N days". */
export const WORKING_HOURS_PER_DAY = 8;

export function estimateDowntime(service: ServiceTerms): Downtime {
  const longest = service.hoursMax ?? service.hours;
  return {
    hours: service.hours,
    ...(service.hoursMax ? { range: [service.hours, service.hoursMax] as [number, number] } : {}),
    days: Math.max(1, Math.ceil(longest / WORKING_HOURS_PER_DAY)),
  };
}
