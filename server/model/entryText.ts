// The JSON text of a committed event, kept once written: the journal writes
// JSON.stringify(entry), and a merge's answer holds the same event (about 2,000 claim
// states) twice, as the event and as the entity's last event, so the answer reuses the
// journal's text instead of serialising a megabyte of claims twice more.
const texts = new WeakMap<object, string>();

/** Records that `text` is JSON.stringify(entry); the entry must not change after. */
export function rememberEntryText(entry: object, text: string): void {
  texts.set(entry, text);
}

/** JSON.stringify(entry), from the journal's text when it wrote this very object. */
export function entryText(entry: object): string {
  return texts.get(entry) ?? JSON.stringify(entry);
}

/**
 * JSON.stringify(value), with each occurrence of `entry` (by identity) written as
 * entryText(entry): the same text, the entry serialised at most once.
 */
export function stringifyWithEntry(value: unknown, entry: object): string {
  const placeholder = `\u0000entry-${Math.random().toString(36).slice(2)}-${Date.now()}`;
  let seen = false;
  const text = JSON.stringify(value, function (this: unknown, _key: string, member: unknown) {
    if (member !== entry) return member;
    seen = true;
    return placeholder;
  });
  return seen ? text.split(JSON.stringify(placeholder)).join(entryText(entry)) : text;
}
