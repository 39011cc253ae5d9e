// The elements of index.html the explorer mounts into, found by id: a missing one is a
// broken page, said by name.
export function requireElement(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (!element) throw new Error(`index.html has no #${id}`);
  return element;
}
