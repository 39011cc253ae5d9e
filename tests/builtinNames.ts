// The names an object or a function inherits: what user data must be free to use as an
// id or a name without finding a built-in member where it looks itself up. Literal, so
// the tests say which names they try; builtinNames.test.ts checks that the list is what
// this Node's Object.prototype and Function.prototype hold.
export const BUILTIN_NAMES = [
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
  '__proto__',
  'apply',
  'arguments',
  'bind',
  'call',
  'caller',
  'constructor',
  'hasOwnProperty',
  'isPrototypeOf',
  'length',
  'name',
  'propertyIsEnumerable',
  'toLocaleString',
  'toString',
  'valueOf',
] as const;

/** Those that are valid entity ids (letters, digits, ".", "_", ":" or "-", not starting with "_"). */
export const BUILTIN_ENTITY_IDS = BUILTIN_NAMES.filter((name) => /^[A-Za-z0-9][A-Za-z0-9._:-]*$/.test(name));
