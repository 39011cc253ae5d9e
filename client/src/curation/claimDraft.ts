// What the claim forms send: a new claim from a selected passage (POST /api/claims) and
// a correction (PATCH /api/claims/{id}) holding only the fields the curator changed,
// with null for a date or attribution cleared. Pure, so jest checks every case.
import type { AddClaimBody, ClaimEnd, CorrectClaimBody } from '../../../server/model/curationApi';
import type { Claim } from '../../../server/model/records';

/** An end as the form holds it: an existing entity, or a new one to create. */
export type EndChoice =
  | { kind: 'existing'; id: string; name: string; type: string }
  | { kind: 'new'; name: string; type: string; entityKind?: string };

/** What the claim form holds; empty strings are fields left blank. */
export interface ClaimFormValues {
  subject?: EndChoice;
  object?: EndChoice;
  type?: string;
  stance: string;
  date: string;
  attributedTo: string;
  reason: string;
}

/** A passage of a document's text, offsets into the body. */
export interface Passage {
  document: string;
  quote: string;
  start: number;
  end: number;
}

export interface DraftProblem {
  path: string;
  message: string;
}

function endBody(choice: EndChoice): ClaimEnd {
  if (choice.kind === 'existing') return choice.id;
  const name = choice.name.trim();
  return choice.entityKind ? { name, type: choice.type, kind: choice.entityKind } : { name, type: choice.type };
}

/** The type of an end, for limiting the relation types. */
export function endType(choice: EndChoice | undefined): string | undefined {
  return choice?.type;
}

function endProblems(path: 'subject' | 'object', choice: EndChoice | undefined): DraftProblem[] {
  if (!choice) return [{ path, message: `choose the ${path} from the suggestions, or create a new entity` }];
  if (choice.kind === 'new' && choice.name.trim() === '')
    return [{ path, message: `the new ${path} entity needs a name` }];
  return [];
}

/** The body of POST /api/claims, or what is missing. */
export function addClaimBody(passage: Passage, values: ClaimFormValues): AddClaimBody | DraftProblem[] {
  const problems = [...endProblems('subject', values.subject), ...endProblems('object', values.object)];
  if (!values.type) problems.push({ path: 'type', message: 'no relation type allows these ends' });
  if (problems.length > 0 || !values.subject || !values.object || !values.type) return problems;
  const body: AddClaimBody = {
    document: passage.document,
    quote: passage.quote,
    start: passage.start,
    end: passage.end,
    subject: endBody(values.subject),
    type: values.type,
    object: endBody(values.object),
    stance: values.stance,
  };
  const date = values.date.trim();
  const attributedTo = values.attributedTo.trim();
  const reason = values.reason.trim();
  if (date !== '') body.date = date;
  if (attributedTo !== '') body.attributedTo = attributedTo;
  if (reason !== '') body.reason = reason;
  return body;
}

/** An optional text field: unchanged → undefined, cleared → null, else the new text. */
function changedText(before: string | undefined, after: string): string | null | undefined {
  const text = after.trim();
  if (text === (before ?? '')) return undefined;
  return text === '' ? null : text;
}

function changedEnd(before: string, choice: EndChoice | undefined): ClaimEnd | undefined {
  if (!choice) return undefined;
  if (choice.kind === 'existing') return choice.id === before ? undefined : choice.id;
  return endBody(choice);
}

/**
 * The body of PATCH /api/claims/{id}: only what differs from `claim`. An empty object
 * (besides the reason) means the form changes nothing; the caller says so instead of sending.
 */
export function correctionBody(claim: Claim, values: ClaimFormValues): CorrectClaimBody | DraftProblem[] {
  const problems = [...endProblems('subject', values.subject), ...endProblems('object', values.object)];
  if (!values.type) problems.push({ path: 'type', message: 'no relation type allows these ends' });
  if (problems.length > 0) return problems;
  const body: CorrectClaimBody = {};
  if (values.type !== claim.type) body.type = values.type;
  if (values.stance !== claim.stance) body.stance = values.stance;
  const subject = changedEnd(claim.subject, values.subject);
  const object = changedEnd(claim.object, values.object);
  if (subject !== undefined) body.subject = subject;
  if (object !== undefined) body.object = object;
  const date = changedText(claim.date, values.date);
  const attributedTo = changedText(claim.attributedTo, values.attributedTo);
  if (date !== undefined) body.date = date;
  if (attributedTo !== undefined) body.attributedTo = attributedTo;
  const reason = values.reason.trim();
  if (reason !== '') body.reason = reason;
  return body;
}

/** Whether a correction body changes anything (a reason alone does not). */
export function changesSomething(body: CorrectClaimBody): boolean {
  return Object.keys(body).some((key) => key !== 'reason');
}

/** The passage a selection covers, its surrounding white space left out; undefined when nothing but space is selected. */
export function trimmedPassage(document: string, text: string, start: number, end: number): Passage | undefined {
  let from = Math.max(0, Math.min(start, end));
  let to = Math.min(text.length, Math.max(start, end));
  while (from < to && /\s/.test(text[from])) from += 1;
  while (to > from && /\s/.test(text[to - 1])) to -= 1;
  if (from === to) return undefined;
  return { document, quote: text.slice(from, to), start: from, end: to };
}
