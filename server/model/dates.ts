// ISO date prefixes ("2022", "2022-10", "2022-10-05") whose length is their precision.
// Used for claim dates and document dates; impossible dates such as 2022-13 are refused.
import { z } from 'zod';
import { isValidIsoPrefix } from './datePrefixes';

export { isValidIsoPrefix, prefixEnd, prefixStart } from './datePrefixes';

export const isoDatePrefixSchema = z
  .string()
  .refine(isValidIsoPrefix, { message: 'expected a date as YYYY, YYYY-MM or YYYY-MM-DD that exists in the calendar' });

export const isoFullDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'expected a date as YYYY-MM-DD' })
  .refine(isValidIsoPrefix, { message: 'expected a date as YYYY-MM-DD that exists in the calendar' });
